package dev.oci4j.image.internal.compress;

import java.io.IOException;
import java.io.OutputStream;

/** Writes bytes as stored (uncompressed) deflate blocks, RFC 1951 section 3.2.4, at a byte boundary. */
final class StoredBlocks {

    static final int MAX_STORED = 65535;

    private StoredBlocks() {
    }

    /** Size in bytes of {@code length} bytes written as stored blocks: 5 header bytes per 65535 bytes. */
    static long size(int length) {
        int blocks = Math.max(1, (length + MAX_STORED - 1) / MAX_STORED);
        return (long) length + 5L * blocks;
    }

    /**
     * Writes {@code data[off, off+len)} as stored blocks; the previous block must have ended on a byte
     * boundary (a sync flush does that), so the 3 header bits and the padding fill exactly one byte.
     */
    static void write(OutputStream out, byte[] data, int off, int len, boolean last) throws IOException {
        byte[] header = new byte[5];
        do {
            int n = Math.min(len, MAX_STORED);
            boolean finalBlock = last && n == len;
            header[0] = (byte) (finalBlock ? 1 : 0); // BFINAL, BTYPE=00, then padding
            header[1] = (byte) n;
            header[2] = (byte) (n >>> 8);
            header[3] = (byte) ~n;
            header[4] = (byte) (~n >>> 8);
            out.write(header);
            out.write(data, off, n);
            off += n;
            len -= n;
        } while (len > 0);
    }
}
