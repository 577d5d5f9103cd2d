package dev.oci4j.image;

import java.util.Objects;

/**
 * A media type as used in descriptors and the {@code mediaType} property (image-spec media-types.md).
 * An open set: the constants name every type the spec defines plus the Docker image manifest v2
 * schema 2 types still met in registries; {@link #of(String)} takes any other value, because
 * descriptors may point at content the spec never listed.
 *
 * <pre>{@code MediaType.of("application/vnd.oci.image.manifest.v1+json").equals(MediaType.OCI_MANIFEST) // true}</pre>
 */
public final class MediaType {

    /** {@code application/vnd.oci.descriptor.v1+json}: a content descriptor. */
    public static final MediaType OCI_DESCRIPTOR = new MediaType("application/vnd.oci.descriptor.v1+json");
    /** {@code application/vnd.oci.layout.header.v1+json}: the {@code oci-layout} file. */
    public static final MediaType OCI_LAYOUT_HEADER = new MediaType("application/vnd.oci.layout.header.v1+json");
    /** {@code application/vnd.oci.image.manifest.v1+json}: an image manifest. */
    public static final MediaType OCI_MANIFEST = new MediaType("application/vnd.oci.image.manifest.v1+json");
    /** {@code application/vnd.oci.image.index.v1+json}: an image index. */
    public static final MediaType OCI_INDEX = new MediaType("application/vnd.oci.image.index.v1+json");
    /** {@code application/vnd.oci.image.config.v1+json}: an image configuration. */
    public static final MediaType OCI_CONFIG = new MediaType("application/vnd.oci.image.config.v1+json");
    /** {@code application/vnd.oci.image.layer.v1.tar}: an uncompressed layer. */
    public static final MediaType OCI_LAYER_TAR = new MediaType("application/vnd.oci.image.layer.v1.tar");
    /** {@code application/vnd.oci.image.layer.v1.tar+gzip}: a gzip-compressed layer. */
    public static final MediaType OCI_LAYER_TAR_GZIP = new MediaType("application/vnd.oci.image.layer.v1.tar+gzip");
    /** {@code application/vnd.oci.image.layer.v1.tar+zstd}: a zstd-compressed layer. */
    public static final MediaType OCI_LAYER_TAR_ZSTD = new MediaType("application/vnd.oci.image.layer.v1.tar+zstd");
    /** Deprecated by the spec: an uncompressed non-distributable layer. */
    @Deprecated
    public static final MediaType OCI_LAYER_NONDISTRIBUTABLE_TAR =
            new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar");
    /** Deprecated by the spec: a gzip-compressed non-distributable layer. */
    @Deprecated
    public static final MediaType OCI_LAYER_NONDISTRIBUTABLE_TAR_GZIP =
            new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");
    /** Deprecated by the spec: a zstd-compressed non-distributable layer. */
    @Deprecated
    public static final MediaType OCI_LAYER_NONDISTRIBUTABLE_TAR_ZSTD =
            new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");
    /** {@code application/vnd.oci.empty.v1+json}: the empty JSON object {@code {}}. */
    public static final MediaType OCI_EMPTY = new MediaType("application/vnd.oci.empty.v1+json");

    /** Docker image manifest v2 schema 2. */
    public static final MediaType DOCKER_MANIFEST =
            new MediaType("application/vnd.docker.distribution.manifest.v2+json");
    /** Docker manifest list (the Docker counterpart of an index). */
    public static final MediaType DOCKER_MANIFEST_LIST =
            new MediaType("application/vnd.docker.distribution.manifest.list.v2+json");
    /** Docker container image configuration. */
    public static final MediaType DOCKER_CONFIG = new MediaType("application/vnd.docker.container.image.v1+json");
    /** Docker gzip-compressed layer. */
    public static final MediaType DOCKER_LAYER_TAR_GZIP =
            new MediaType("application/vnd.docker.image.rootfs.diff.tar.gzip");
    /** Docker foreign (non-distributable) gzip-compressed layer. */
    public static final MediaType DOCKER_LAYER_FOREIGN_TAR_GZIP =
            new MediaType("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

    private final String value;

    private MediaType(String value) {
        this.value = value;
    }

    /**
     * The media type with this exact text. Any non-blank text is accepted: descriptors may reference
     * types this library does not know. RFC 6838 conformance is the validator's business.
     *
     * @param value the media type's text
     * @return the media type; equal to the constant of the same text
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static MediaType of(String value) {
        Objects.requireNonNull(value, "mediaType");
        if (value.isBlank()) {
            throw new IllegalArgumentException("media type is blank");
        }
        return new MediaType(value);
    }

    /** {@return whether this is an image manifest, OCI or Docker} */
    public boolean isManifest() {
        return equals(OCI_MANIFEST) || equals(DOCKER_MANIFEST);
    }

    /** {@return whether this is an image index or a Docker manifest list} */
    public boolean isIndex() {
        return equals(OCI_INDEX) || equals(DOCKER_MANIFEST_LIST);
    }

    /** {@return whether this is one of the layer types the spec or Docker define (compressed or not)} */
    @SuppressWarnings("deprecation")
    public boolean isLayer() {
        return equals(OCI_LAYER_TAR) || equals(OCI_LAYER_TAR_GZIP) || equals(OCI_LAYER_TAR_ZSTD)
                || equals(OCI_LAYER_NONDISTRIBUTABLE_TAR) || equals(OCI_LAYER_NONDISTRIBUTABLE_TAR_GZIP)
                || equals(OCI_LAYER_NONDISTRIBUTABLE_TAR_ZSTD)
                || equals(DOCKER_LAYER_TAR_GZIP) || equals(DOCKER_LAYER_FOREIGN_TAR_GZIP);
    }

    /** {@return the text, such as {@code application/vnd.oci.image.manifest.v1+json}} */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaType m && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
