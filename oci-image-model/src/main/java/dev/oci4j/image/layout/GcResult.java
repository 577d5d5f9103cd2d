package dev.oci4j.image.layout;

import dev.oci4j.image.Digest;
import java.util.List;

/**
 * What {@link ImageLayout#gc()} removed.
 *
 * @param removedBlobs     blobs no longer reachable from index.json, now deleted
 * @param bytesFreed       their total size plus that of the removed temp files
 * @param removedTempFiles temp files of writers that are gone
 */
public record GcResult(List<Digest> removedBlobs, long bytesFreed, int removedTempFiles) {

    /**
     * Copies the list of removed blobs.
     *
     * @param removedBlobs blobs no longer reachable from index.json, now deleted
     * @param bytesFreed their total size plus that of the removed temp files
     * @param removedTempFiles temp files of writers that are gone
     * @throws NullPointerException if {@code removedBlobs} is or holds null
     */
    public GcResult {
        removedBlobs = List.copyOf(removedBlobs);
    }
}
