package dev.oci4j.image.layer;

import dev.oci4j.image.MediaType;
import dev.oci4j.image.internal.compress.GzipDecompressingInputStream;
import dev.oci4j.image.internal.compress.ParallelGzipOutputStream;
import dev.oci4j.image.internal.compress.ReadAheadInputStream;
import dev.oci4j.image.internal.compress.ZstdStreams;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * How a layer's tar stream is compressed (image-spec layer.md: tar, tar+gzip, tar+zstd).
 */
public enum Compression {
    /** Plain tar. */
    NONE,
    /** gzip (RFC 1952). */
    GZIP,
    /** Zstandard (RFC 8878). */
    ZSTD;

    /**
     * The most threads {@link #compress(OutputStream, int)} uses: a layer write rarely gains past this, and
     * each thread holds about 600 KiB of heap for gzip (a few MiB of native memory for zstd) on big build hosts.
     */
    public static final int MAX_DEFAULT_THREADS = 16;

    /** {@return the OCI layer media type for this compression} */
    public MediaType layerMediaType() {
        return switch (this) {
            case NONE -> MediaType.OCI_LAYER_TAR;
            case GZIP -> MediaType.OCI_LAYER_TAR_GZIP;
            case ZSTD -> MediaType.OCI_LAYER_TAR_ZSTD;
        };
    }

    /**
     * {@return the default level: 4 for gzip, 3 for zstd (the zstd CLI's)} zlib's own default, 6, searches
     * much longer match chains: on a typical layer it is 2-3x slower for output about 1% smaller, and
     * 4 already lands within about 1.5% of what Go's gzip writes for the same tar (umoci, containerd).
     */
    public int defaultLevel() {
        return switch (this) {
            case NONE -> 0;
            case GZIP -> 4;
            case ZSTD -> 3;
        };
    }

    /**
     * Wraps {@code out} so that bytes written are compressed on as many threads as there are processors,
     * at most {@value #MAX_DEFAULT_THREADS}; closing it finishes the stream and closes {@code out}. The bytes
     * depend only on the input and the level, never on the processor count.
     *
     * @param out where the compressed bytes go
     * @param level the compression level (see {@link #defaultLevel()}); ignored for {@link #NONE}
     * @return a stream compressing into {@code out}; {@code out} itself for {@link #NONE}
     * @throws IOException if the zstd compressor cannot be set up
     */
    public OutputStream compress(OutputStream out, int level) throws IOException {
        return compress(out, level, Math.min(MAX_DEFAULT_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * As {@link #compress(OutputStream, int)} on at most {@code threads} worker threads. gzip output is
     * identical for every thread count (pigz-style blocks of 256 KiB
     * each); zstd output is identical for every count too (zstd's multi-threaded jobs are sized by
     * the level, not the worker count); {@code threads == 1} still
     * uses one zstd worker, off the caller's thread.
     *
     * @param out where the compressed bytes go
     * @param level the compression level (see {@link #defaultLevel()}); ignored for {@link #NONE}
     * @param threads the most worker threads to use, at least 1
     * @return a stream compressing into {@code out}; {@code out} itself for {@link #NONE}
     * @throws IOException if the zstd compressor cannot be set up
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public OutputStream compress(OutputStream out, int level, int threads) throws IOException {
        Objects.requireNonNull(out, "out");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return switch (this) {
            case NONE -> out;
            case GZIP -> new ParallelGzipOutputStream(out, level, threads);
            case ZSTD -> ZstdStreams.compress(out, level, threads);
        };
    }

    /**
     * Wraps {@code in} so that bytes read are decompressed. gzip streams may hold several members;
     * anything after the last member other than zero padding is a {@link java.util.zip.ZipException}.
     * With more than one processor, decompression runs on a background daemon thread a few hundred KiB
     * ahead of the reader; closing the returned stream stops it and closes {@code in}.
     *
     * @param in the compressed bytes
     * @return a stream of the decompressed bytes; {@code in} itself for {@link #NONE}
     * @throws IOException if the gzip header cannot be read or is malformed (it is read at once)
     */
    public InputStream decompress(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        InputStream plain = switch (this) {
            case NONE -> in;
            case GZIP -> new GzipDecompressingInputStream(in);
            case ZSTD -> ZstdStreams.decompress(in);
        };
        boolean readAhead = this != NONE && Runtime.getRuntime().availableProcessors() > 1;
        return readAhead ? new ReadAheadInputStream(plain) : plain;
    }

    /**
     * Detects the compression from a stream's first bytes (gzip {@code 1f 8b}, zstd {@code 28 b5 2f fd}),
     * so layers whose media type lies or is unknown can still be read. The stream must support mark.
     *
     * @param in the layer stream, positioned at its start; left at the same position
     * @return {@link #GZIP} or {@link #ZSTD} by their magic numbers, else {@link #NONE}
     * @throws IOException if reading the first bytes fails
     */
    public static Compression detect(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }
}
