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
import java.util.Base64;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes {@link LayerEntry}s as PAX tar entries: POSIX long names and link names, SCHILY.xattr
 * (LIBARCHIVE.xattr for binary values),
 * permission bits only in the mode field, no user or group names (image-spec: ignored anyway, and
 * they would make output depend on the build machine).
 */
public final class TarEntryWriter implements AutoCloseable {

    public static final String WHITEOUT_PREFIX = ".wh.";
    public static final String OPAQUE = ".wh..wh..opq";

    private final TarArchiveOutputStream tar;
    private final byte[] buffer = new byte[128 * 1024];

    public TarEntryWriter(OutputStream out) {
        tar = new TarArchiveOutputStream(out, 512, StandardCharsets.UTF_8.name());
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
        t.setSize(e.type() == LayerEntry.Type.FILE ? e.size() : 0);
        tar.putArchiveEntry(t);
        if (e.type() == LayerEntry.Type.FILE && e.size() > 0) {
            copyContent(e);
        }
        tar.closeArchiveEntry();
    }

    private void copyContent(LayerEntry e) throws IOException {
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

    /** Writes the two zero blocks that end the archive and closes the stream below. */
    @Override
    public void close() throws IOException {
        tar.close();
    }
}
