package dev.oci4j.distribution.client;

import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What a pull stored.
 *
 * @param reference the image pulled
 * @param named     the descriptor named in index.json: the chosen manifest, or the index with every platform
 * @param documents the digests of every manifest and index stored
 */
public record PullResult(Reference reference, Descriptor named, List<Digest> documents) {

    /**
     * A pull result.
     *
     * @param reference the image
     * @param named     the named descriptor
     * @param documents the stored documents
     */
    public PullResult {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(named, "named");
        documents = List.copyOf(documents);
    }
}
