package dev.oci4j.image.internal.compress;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few functions of Intel's ISA-L (libisal.so.2, Debian package libisal2) that deflate needs, bound
 * with JNA direct mapping. Loaded on first use only; {@link #available()} says whether that worked.
 *
 * <p>The stream structure is written through field offsets of {@code struct isal_zstream} on 64-bit
 * Linux as ISA-L 2.21 and later lay it out (the version that added {@code hist_bits}, so the flags are
 * 16-bit): checked against the 2.30 headers. Memory for the whole structure is allocated here, larger
 * than its 82,384 bytes in 2.30, and {@code isal_deflate_init} sets up the internal state.
 */
final class Isal {

    /** ISA-L's highest level ({@code ISAL_DEF_MAX_LEVEL}). */
    static final int MAX_LEVEL = 3;

    static final long STREAM_SIZE = 128 * 1024;
    /** {@code ISAL_DEF_LVL3_DEFAULT}, the largest of the default level buffers, used for every level. */
    static final long LEVEL_BUFFER_SIZE = 348_160;

    static final int NEXT_IN = 0;
    static final int AVAIL_IN = 8;
    static final int NEXT_OUT = 16;
    static final int AVAIL_OUT = 24;
    static final int LEVEL = 40;
    static final int LEVEL_BUF_SIZE = 44;
    static final int LEVEL_BUF = 48;
    static final int END_OF_STREAM = 56;
    static final int FLUSH = 58;
    static final int GZIP_FLAG = 60;
    static final int HIST_BITS = 62;

    static final short NO_FLUSH = 0;
    static final short SYNC_FLUSH = 1;
    static final int COMP_OK = 0;

    private static final Throwable FAILURE = load();

    private Isal() {
    }

    private static Throwable load() {
        try {
            Native.register(Isal.class, "isal");
            return null;
        } catch (LinkageError | RuntimeException e) {
            return e;
        }
    }

    /** Whether libisal.so.2 was found and bound. */
    static boolean available() {
        return FAILURE == null;
    }

    /** Fails when ISA-L cannot be used, naming why. */
    static void require() {
        if (FAILURE != null) {
            throw new UnsupportedOperationException("ISA-L (libisal.so.2, Debian package libisal2) is not available: "
                    + FAILURE.getMessage(), FAILURE);
        }
    }

    static native void isal_deflate_init(Pointer stream);

    static native int isal_deflate_set_dict(Pointer stream, Pointer dict, int length);

    static native int isal_deflate(Pointer stream);
}
