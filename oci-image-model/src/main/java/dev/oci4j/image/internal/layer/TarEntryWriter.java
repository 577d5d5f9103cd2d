package dev.oci4j.image.internal.layer;

import dev.oci4j.image.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Writes {@link LayerEntry}s as PAX tar entries: POSIX long names and link names, SCHILY.xattr
 * (LIBARCHIVE.xattr for binary values),
 * permission bits only in the mode field, no user or group names (image-spec: ignored anyway, and
 * they would make output depend on the build machine).
 *
 * <p>A regular file's content bypasses commons-compress: {@link TarArchiveOutputStream} passes content
 * through a 512-byte block stream (several calls and two copies per 512 bytes, and dozens of methods for the
 * JIT of every new JVM to compile), while most of a layer's bytes are file content. The stream writes the
 * file's records (PAX headers included) for a twin of the entry with size 0, which this class captures,
 * replaces the last record, the ustar header, with the one {@link TarArchiveEntry#writeEntryHeader} makes
 * for the real size, and writes the content and its padding itself. The bytes are the same
 * ({@code TarEntryWriterTest} compares both paths); the block stream holds nothing between entries, so the
 * two interleave.
 */
public final class TarEntryWriter implements AutoCloseable {

    public static final String WHITEOUT_PREFIX = ".wh.";
    public static final String OPAQUE = ".wh..wh..opq";

    private static final ZipEncoding UTF8 = ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8.name());
    private static final int RECORD = 512;
    /** The largest size TarArchiveOutputStream writes without a PAX size record: 11 octal digits. */
    private static final long MAX_SIZE = 077777777777L;

    private final TarArchiveOutputStream tar;
    private final Capture out;
    private final boolean direct;
    private final byte[] buffer = new byte[128 * 1024];

    public TarEntryWriter(OutputStream out) {
        this(out, true);
    }

    /** With {@code direct} false every byte goes through commons-compress (tests compare the two). */
    TarEntryWriter(OutputStream out, boolean direct) {
        this.out = new Capture(out);
        this.direct = direct;
        tar = new TarArchiveOutputStream(this.out, RECORD, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    /** The tar name of an entry: directories end in '/', whiteouts become {@code .wh.} files. */
    public static String tarName(LayerEntry e) {
        String path = e.path();
        switch (e.type()) {
            case DIRECTORY:
                return path.isEmpty() ? "./" : path + "/";
            case OPAQUE:
                return path.isEmpty() ? OPAQUE : path + "/" + OPAQUE;
            case WHITEOUT: {
                int slash = path.lastIndexOf('/');
                return path.substring(0, slash + 1) + WHITEOUT_PREFIX + path.substring(slash + 1);
            }
            default:
                return path;
        }
    }

    public void write(LayerEntry e) throws IOException {
        boolean content = e.type() == LayerEntry.Type.FILE && e.size() > 0;
        if (direct && content && e.size() <= MAX_SIZE) {
            writeDirect(e);
            return;
        }
        tar.putArchiveEntry(entry(e, e.type() == LayerEntry.Type.FILE ? e.size() : 0));
        if (content) {
            copyContent(e, tar);
        }
        tar.closeArchiveEntry();
    }

    private void writeDirect(LayerEntry e) throws IOException {
        out.capturing = true;
        try {
            tar.putArchiveEntry(entry(e, 0));
            tar.closeArchiveEntry();
        } finally {
            out.capturing = false;
        }
        byte[] records = out.captured;
        int n = out.capturedLength;
        out.capturedLength = 0;
        if (n < RECORD || n % RECORD != 0) {
            throw new IllegalStateException("tar header of " + n + " bytes for " + e.path());
        }
        out.write(records, 0, n - RECORD);
        byte[] header = new byte[RECORD];
        entry(e, e.size()).writeEntryHeader(header, UTF8, false);
        out.write(header);
        copyContent(e, out);
        int pad = (int) (-e.size() & (RECORD - 1));
        if (pad > 0) {
            Arrays.fill(header, (byte) 0);
            out.write(header, 0, pad);
        }
    }

    private static TarArchiveEntry entry(LayerEntry e, long size) {
        String name = tarName(e);
        TarArchiveEntry t = new TarArchiveEntry(name, flag(e.type()), true);
        t.setUserName("");
        t.setGroupName("");
        t.setMode(e.mode());
        t.setUserId(e.uid());
        t.setGroupId(e.gid());
        t.setLastModifiedTime(FileTime.from(e.mtime()));
        e.linkname().ifPresent(t::setLinkName);
        if (e.type() == LayerEntry.Type.CHAR_DEVICE || e.type() == LayerEntry.Type.BLOCK_DEVICE) {
            t.setDevMajor(e.devMajor());
            t.setDevMinor(e.devMinor());
        }
        for (Map.Entry<String, byte[]> x : e.xattrs().entrySet()) {
            String text = utf8(x.getValue());
            if (text != null) {
                t.addPaxHeader("SCHILY.xattr." + x.getKey(), text);
            } else {
                // PAX records are UTF-8 text in commons-compress, which would mangle a binary value:
                // use bsdtar's binary-safe form (GNU tar and Go skip it, so nothing is corrupted).
                t.addPaxHeader("LIBARCHIVE.xattr." + URLEncoder.encode(x.getKey(), StandardCharsets.UTF_8),
                        Base64.getEncoder().encodeToString(x.getValue()));
            }
        }
        t.setSize(size);
        return t;
    }

    private void copyContent(LayerEntry e, OutputStream tar) throws IOException {
        long remaining = e.size();
        try (InputStream in = e.content().open()) {
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException(e.path() + ": content ended after " + (e.size() - remaining)
                            + " of the announced " + e.size() + " bytes (did the file change while writing?)");
                }
                tar.write(buffer, 0, n);
                remaining -= n;
            }
            if (in.read() >= 0) {
                throw new IOException(e.path() + ": content is longer than the announced " + e.size()
                        + " bytes (did the file change while writing?)");
            }
        }
    }

    /** The value as text when it is valid UTF-8, else null. */
    private static String utf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException ex) {
            return null;
        }
    }

    private static byte flag(LayerEntry.Type type) {
        return switch (type) {
            case FILE, WHITEOUT, OPAQUE -> TarConstants.LF_NORMAL;
            case DIRECTORY -> TarConstants.LF_DIR;
            case SYMLINK -> TarConstants.LF_SYMLINK;
            case HARDLINK -> TarConstants.LF_LINK;
            case CHAR_DEVICE -> TarConstants.LF_CHR;
            case BLOCK_DEVICE -> TarConstants.LF_BLK;
            case FIFO -> TarConstants.LF_FIFO;
        };
    }

    /** Passes bytes on, or while {@code capturing} keeps them for {@link #writeDirect}. */
    private static final class Capture extends OutputStream {
        private final OutputStream out;
        boolean capturing;
        byte[] captured = new byte[4 * RECORD];
        int capturedLength;

        Capture(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!capturing) {
                out.write(b, off, len);
                return;
            }
            if (capturedLength + len > captured.length) {
                captured = Arrays.copyOf(captured, Math.max(captured.length * 2, capturedLength + len));
            }
            System.arraycopy(b, off, captured, capturedLength, len);
            capturedLength += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Writes the two zero blocks that end the archive and closes the stream below. */
    @Override
    public void close() throws IOException {
        tar.close();
    }
}
