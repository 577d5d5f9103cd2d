package dev.oci4j.distribution.server;

import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import java.util.Objects;

/**
 * A manifest as a registry keeps it: the exact bytes pushed, their digest and the media type they were
 * pushed with (served back as {@code Content-Type}).
 *
 * @param digest    the digest of {@code bytes}
 * @param mediaType the media type given on push
 * @param bytes     the document, unchanged; callers must not modify the array
 */
public record StoredManifest(Digest digest, MediaType mediaType, byte[] bytes) {

    /**
     * Checks that no part is null.
     *
     * @param digest the digest of {@code bytes}
     * @param mediaType the media type given on push
     * @param bytes the document, unchanged
     * @throws NullPointerException when a part is null
     */
    public StoredManifest {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
