package dev.oci4j.image.internal.compress;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Zstandard (RFC 8878) streams through zstd-jni, tuned for layers.
 *
 * <p>Compression always runs in zstd's multi-threaded mode, with at least one worker: its jobs are
 * sized from the level's window, not the worker count, so the bytes are the same for 1, 2 or 16
 * workers (checked against the zstd 1.5 CLI's {@code -T1}/{@code -T2}/{@code -T4}); only zstd's
 * single-threaded mode would produce different bytes. Frames carry a content checksum, as the CLI's do.
 */
public final class ZstdStreams {

    /** zstd's own recommended streaming sizes are ~128 KiB; larger buffers cut JNI crossings for small tar writes. */
    private static final int BUFFER = 256 * 1024;

    private ZstdStreams() {
    }

    /** A compressing stream at {@code level} on {@code workers} (at least 1) zstd worker threads. */
    public static OutputStream compress(OutputStream out, int level, int workers) throws IOException {
        ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(out, level);
        try {
            zstd.setChecksum(true);
            zstd.setWorkers(Math.max(1, workers));
        } catch (IOException | RuntimeException e) {
            zstd.close();
            throw e;
        }
        return new BufferedOutputStream(zstd, BUFFER);
    }

    /** A decompressing stream; concatenated frames are read as one stream, as the zstd CLI does. */
    public static InputStream decompress(InputStream in) throws IOException {
        ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(new BufferedInputStream(in, BUFFER));
        return new BufferedInputStream(zstd, BUFFER);
    }
}
