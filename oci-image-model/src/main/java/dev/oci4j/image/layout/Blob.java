package dev.oci4j.image.layout;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import java.util.Objects;

/**
 * A blob stored in an image layout: its digest and size, enough to build a descriptor.
 *
 * @param digest  the digest of the content, which is also its name under {@code blobs/}
 * @param size    the content's length in bytes
 * @param created whether this call stored the content; false when an identical blob was already there
 */
public record Blob(Digest digest, long size, boolean created) {

    /**
     * Checks the components.
     *
     * @param digest the digest of the content
     * @param size the content's length in bytes
     * @param created whether this call stored the content
     * @throws NullPointerException if {@code digest} is null
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public Blob {
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("blob size must not be negative, found " + size);
        }
    }

    /**
     * A descriptor of this blob with {@code mediaType}.
     *
     * @param mediaType the media type the descriptor gives the blob
     * @return a descriptor with this blob's digest and size
     * @throws NullPointerException if {@code mediaType} is null
     */
    public Descriptor descriptor(MediaType mediaType) {
        return Descriptor.of(mediaType, digest, size);
    }
}
