package dev.oci4j.image;

import java.util.Objects;

/**
 * A document together with the exact bytes it was read from (or written to), their digest and size:
 * re-serializing a document may change its digest, so content addresses come from these bytes.
 *
 * <pre>{@code
 * Parsed<ImageManifest> p = ImageJson.parse(ImageDocument.MANIFEST, bytes);
 * Descriptor d = p.descriptor();   // mediaType from the document, digest and size of the bytes
 * }</pre>
 */
public final class Parsed<T> {

    private final ImageDocument<T> kind;
    private final T value;
    private final byte[] bytes;
    private final Digest digest;

    Parsed(ImageDocument<T> kind, T value, byte[] bytes) {
        this.kind = kind;
        this.value = value;
        this.bytes = bytes;
        this.digest = Digest.sha256(bytes);
    }

    /** {@return the kind of document the bytes were read as} */
    public ImageDocument<T> kind() {
        return kind;
    }

    /** {@return the model} */
    public T value() {
        return value;
    }

    /** {@return a copy of the exact bytes} */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@return the sha256 of the exact bytes} */
    public Digest digest() {
        return digest;
    }

    /** {@return the number of bytes} */
    public long size() {
        return bytes.length;
    }

    /**
     * A descriptor of these bytes. Its media type is the document's own {@code mediaType} when it has
     * one (so Docker manifests keep theirs), otherwise the kind's OCI media type; a manifest's or
     * index's artifactType is carried over, as the referrers API expects.
     *
     * @return the descriptor, as an index entry or a manifest's {@code config} refers to the document
     */
    public Descriptor descriptor() {
        MediaType type = kind.mediaType();
        MediaType artifactType = null;
        if (value instanceof ImageManifest m) {
            type = m.mediaType().orElse(type);
            artifactType = m.artifactType().orElse(null);
        } else if (value instanceof ImageIndex i) {
            type = i.mediaType().orElse(type);
            artifactType = i.artifactType().orElse(null);
        }
        Descriptor.Builder b = Descriptor.builder().mediaType(type).digest(digest).size(bytes.length);
        if (artifactType != null) {
            b.artifactType(artifactType);
        }
        return b.build();
    }

    /**
     * A descriptor of these bytes with an explicit media type, such as the Docker config type.
     *
     * @param mediaType the descriptor's media type
     * @return the descriptor, with these bytes' digest and size
     */
    public Descriptor descriptor(MediaType mediaType) {
        return Descriptor.of(mediaType, digest, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parsed<?> p && p.kind == kind && p.digest.equals(digest) && p.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind.name(), digest);
    }

    @Override
    public String toString() {
        return "Parsed{" + kind + " " + digest + " size=" + bytes.length + "}";
    }
}
