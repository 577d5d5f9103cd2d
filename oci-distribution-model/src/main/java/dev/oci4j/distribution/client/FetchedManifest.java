package dev.oci4j.distribution.client;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import java.util.Objects;

/**
 * A manifest or index as a registry served it: its bytes unchanged, their digest (checked against
 * the reference's digest and the registry's {@code Docker-Content-Digest}) and its media type.
 *
 * @param mediaType the type from {@code Content-Type}, or from the document's {@code mediaType}
 * @param digest    the digest of {@code bytes}
 * @param bytes     the document as served; never re-serialized, so the digest stays valid
 */
public record FetchedManifest(MediaType mediaType, Digest digest, byte[] bytes) {

    /**
     * A fetched document.
     *
     * @param mediaType its type
     * @param digest    its digest
     * @param bytes     its bytes
     */
    public FetchedManifest {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** {@return a descriptor of this document: media type, digest and size} */
    public Descriptor descriptor() {
        return Descriptor.of(mediaType, digest, bytes.length);
    }

    /** {@return whether this is an index or a Docker manifest list} */
    public boolean isIndex() {
        return mediaType.isIndex();
    }
}
