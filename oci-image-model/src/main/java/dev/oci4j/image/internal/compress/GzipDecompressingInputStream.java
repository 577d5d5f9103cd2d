package dev.oci4j.image.internal.compress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads a gzip (RFC 1952) stream of one or more members, checking each member's CRC-32 and size.
 *
 * <p>Unlike {@link java.util.zip.GZIPInputStream}, which silently stops at bytes after a member that
 * do not start another member, anything after the last member other than zero bytes (tape-style
 * padding, which GNU gzip also accepts) is a {@link ZipException}: a layer whose blob carries extra
 * bytes does not match what its producer meant to write. Input is read in 256 KiB chunks.
 *
 * <pre>{@code
 * try (InputStream tar = new GzipDecompressingInputStream(Files.newInputStream(blob))) { ... }
 * }</pre>
 */
public final class GzipDecompressingInputStream extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf = new byte[256 * 1024];
    private int pos;
    private int limit;
    private long compressedOffset;
    private long memberSize;
    private boolean eof;
    private boolean closed;

    /** Reads the first member's header now, so a stream that is not gzip fails here. */
    public GzipDecompressingInputStream(InputStream in) throws IOException {
        this.in = Objects.requireNonNull(in, "in");
        try {
            readHeader();
        } catch (IOException | RuntimeException e) {
            inflater.end();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("gzip stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (!eof) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("corrupt deflate data in gzip member near compressed offset "
                        + consumed() + ": " + e.getMessage());
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberSize += n;
                return n;
            }
            if (inflater.finished()) {
                pos = limit - inflater.getRemaining();
                endMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("gzip member needs a preset dictionary, which gzip does not allow");
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw new EOFException("gzip stream ends inside a member's deflate data at offset " + consumed());
                }
                inflater.setInput(buf, pos, limit - pos);
            }
        }
        return -1;
    }

    @Override
    public int available() throws IOException {
        return eof || closed ? 0 : 1;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            inflater.end();
            in.close();
        }
    }

    private void endMember() throws IOException {
        long expectedCrc = readInt();
        long expectedSize = readInt();
        if (expectedCrc != crc.getValue()) {
            throw new ZipException(String.format("gzip member CRC-32 mismatch: trailer says %08x, data has %08x",
                    expectedCrc, crc.getValue()));
        }
        if (expectedSize != (memberSize & 0xffffffffL)) {
            throw new ZipException("gzip member size mismatch: trailer says " + expectedSize
                    + " (mod 2^32), data has " + memberSize);
        }
        // Another member, zero padding, or the end; anything else is trailing garbage.
        if (pos == limit && !fill()) {
            eof = true;
            return;
        }
        if ((buf[pos] & 0xff) == 0x1f) {
            inflater.reset();
            crc.reset();
            memberSize = 0;
            readHeader();
            return;
        }
        long garbageAt = consumed();
        do {
            for (; pos < limit; pos++) {
                if (buf[pos] != 0) {
                    throw new ZipException("trailing garbage after the last gzip member at offset " + garbageAt
                            + ": expected the end of the stream, another member (1f 8b) or zero padding");
                }
            }
        } while (fill());
        eof = true;
    }

    private void readHeader() throws IOException {
        long start = consumed();
        int id1 = readByte();
        int id2 = readByte();
        if (id1 != 0x1f || id2 != 0x8b) {
            throw new ZipException(String.format("not a gzip member at offset %d: expected magic 1f 8b, found %02x %02x",
                    start, id1, id2));
        }
        int method = readByte();
        if (method != 8) {
            throw new ZipException("gzip member at offset " + start + ": expected compression method 8 (deflate), found " + method);
        }
        int flags = readByte();
        if ((flags & 0xe0) != 0) {
            throw new ZipException(String.format("gzip member at offset %d sets reserved flag bits %02x", start, flags & 0xe0));
        }
        skip(6); // MTIME, XFL, OS
        if ((flags & FEXTRA) != 0) {
            skip(readByte() | readByte() << 8);
        }
        if ((flags & FNAME) != 0) {
            while (readByte() != 0) {
                // file name, zero-terminated
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (readByte() != 0) {
                // comment, zero-terminated
            }
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        if (pos < limit) {
            inflater.setInput(buf, pos, limit - pos);
        }
    }

    private long readInt() throws IOException {
        return readByte() | readByte() << 8 | readByte() << 16 | (long) readByte() << 24;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            readByte();
        }
    }

    private int readByte() throws IOException {
        if (pos == limit && !fill()) {
            throw new EOFException("gzip stream ends inside a member's header or trailer at offset " + consumed());
        }
        return buf[pos++] & 0xff;
    }

    /** Refills the buffer from the start; false at the end of the underlying stream. */
    private boolean fill() throws IOException {
        compressedOffset += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }

    private long consumed() {
        return compressedOffset + pos;
    }
}
