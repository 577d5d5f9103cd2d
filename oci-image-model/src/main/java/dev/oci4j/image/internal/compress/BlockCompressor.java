package dev.oci4j.image.internal.compress;

/**
 * Deflates one {@link BlockJob} into raw deflate (RFC 1951): primed with the job's dictionary, ending
 * on a byte boundary (sync flush) or, for the last block, with a final block. One per worker at a time;
 * pooled by the stream and closed when it closes.
 */
interface BlockCompressor extends AutoCloseable {

    /** Deflates {@code job}'s input into {@code job.output}, growing it if needed, and sets {@code job.outputLength}. */
    void deflate(BlockJob job);

    /** Releases the native memory now rather than when a cleaner runs. */
    @Override
    void close();
}
