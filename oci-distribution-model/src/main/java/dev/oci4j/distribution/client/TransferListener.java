package dev.oci4j.distribution.client;

import dev.oci4j.image.Digest;

/**
 * Progress of blob transfers, per blob. Called from download and upload threads: implementations
 * must be thread-safe and quick.
 *
 * <pre>{@code TransferListener l = (digest, done, total) -> bar.update(digest, done, total);}</pre>
 */
@FunctionalInterface
public interface TransferListener {

    /** A listener that ignores everything. */
    TransferListener NONE = (digest, done, total) -> { };

    /**
     * Bytes of one blob moved so far.
     *
     * @param digest the blob
     * @param done   bytes transferred and verified or accepted so far
     * @param total  the blob's size
     */
    void progress(Digest digest, long done, long total);

    /**
     * A blob was skipped because the destination already had it.
     *
     * @param digest the blob
     * @param total  its size
     */
    default void skipped(Digest digest, long total) {
        progress(digest, total, total);
    }
}
