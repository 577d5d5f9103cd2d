package dev.oci4j.image.layer;

import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One layer blob to apply: how to open it, and what is known about it (image-spec manifest.md
 * "layers": media type, digest, size; config.md: the diffID). Whatever is given is verified while
 * the layer is applied.
 *
 * <pre>{@code
 * LayerBlob s = LayerBlob.builder(() -> Files.newInputStream(blob))
 *         .mediaType(MediaType.OCI_LAYER_TAR_GZIP).digest(d.digest()).size(d.size()).diffId(diffIds.get(i))
 *         .build();
 * }</pre>
 */
public final class LayerBlob {

    /** Opens the (possibly compressed) blob; called once. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens the blob's bytes as stored, compressed or not.
         *
         * @return a fresh stream at the blob's first byte; the applier closes it
         * @throws IOException if the blob cannot be opened
         */
        InputStream open() throws IOException;
    }

    private final Opener opener;
    private final MediaType mediaType;
    private final Digest digest;
    private final long size;
    private final Digest diffId;
    private final String name;

    private LayerBlob(Builder b) {
        this.opener = b.opener;
        this.mediaType = b.mediaType;
        this.digest = b.digest;
        this.size = b.size;
        this.diffId = b.diffId;
        this.name = b.name;
    }

    /**
     * A builder for a blob read through {@code opener}, with nothing known about it yet.
     *
     * @param opener opens the blob's bytes; called once per apply
     * @return the builder
     * @throws NullPointerException if {@code opener} is null
     */
    public static Builder builder(Opener opener) {
        return new Builder(opener);
    }

    /**
     * A blob file, compression detected from its first bytes.
     *
     * @param blob the blob file
     * @return the layer, named by the file's path, with nothing to verify
     */
    public static LayerBlob of(Path blob) {
        Objects.requireNonNull(blob, "blob");
        return builder(() -> Files.newInputStream(blob)).name(blob.toString()).build();
    }

    /**
     * A blob file with its expected diffID.
     *
     * @param blob the blob file
     * @param diffId the expected digest of the uncompressed tar, verified while applying
     * @return the layer, named by the file's path
     */
    public static LayerBlob of(Path blob, Digest diffId) {
        Objects.requireNonNull(blob, "blob");
        return builder(() -> Files.newInputStream(blob)).name(blob.toString()).diffId(diffId).build();
    }

    /** {@return a builder holding this blob's opener and expectations} */
    public Builder toBuilder() {
        Builder b = new Builder(opener);
        b.mediaType = mediaType;
        b.digest = digest;
        b.size = size;
        b.diffId = diffId;
        b.name = name;
        return b;
    }

    /** {@return how the blob's bytes are opened} */
    public Opener opener() {
        return opener;
    }

    /** {@return the declared media type; compression is detected from the bytes either way} */
    public Optional<MediaType> mediaType() {
        return Optional.ofNullable(mediaType);
    }

    /** {@return the expected blob digest (verified when present)} */
    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    /** {@return the expected blob size, -1 when unknown} */
    public long size() {
        return size;
    }

    /** {@return the expected diffID, the digest of the uncompressed tar (verified when present)} */
    public Optional<Digest> diffId() {
        return Optional.ofNullable(diffId);
    }

    /** {@return a name for messages; empty unless set} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** How messages name this layer: its digest, else its name, else its diffID, else "#index". */
    String label(int index) {
        if (digest != null) {
            return digest.toString();
        }
        if (name != null) {
            return name;
        }
        return diffId != null ? "#" + index + " (diffID " + diffId + ")" : "#" + index;
    }

    @Override
    public String toString() {
        return "LayerBlob{" + label(0) + (mediaType == null ? "" : " " + mediaType) + "}";
    }

    /** Builds a {@link LayerBlob}. */
    public static final class Builder {
        private final Opener opener;
        private MediaType mediaType;
        private Digest digest;
        private long size = -1;
        private Digest diffId;
        private String name;

        private Builder(Opener opener) {
            this.opener = Objects.requireNonNull(opener, "opener");
        }

        /**
         * Sets the declared media type; a compression that differs from the detected one is a warning, not an error.
         *
         * @param mediaType the layer descriptor's {@code mediaType}, or null for none
         * @return this builder
         */
        public Builder mediaType(MediaType mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        /**
         * Sets the expected blob digest (the layer descriptor's {@code digest}), verified over the stored bytes.
         *
         * @param digest the expected digest, or null to verify none
         * @return this builder
         */
        public Builder digest(Digest digest) {
            this.digest = digest;
            return this;
        }

        /**
         * The expected blob size; -1 for unknown.
         *
         * @param size the layer descriptor's {@code size} in bytes, or -1
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is below -1
         */
        public Builder size(long size) {
            if (size < -1) {
                throw new IllegalArgumentException("size must be -1 (unknown) or >= 0: " + size);
            }
            this.size = size;
            return this;
        }

        /**
         * Sets the expected diffID (config.md {@code rootfs.diff_ids}), verified over the uncompressed tar.
         *
         * @param diffId the expected diffID, or null to verify none
         * @return this builder
         */
        public Builder diffId(Digest diffId) {
            this.diffId = diffId;
            return this;
        }

        /**
         * Sets how messages name the layer when it has no digest, such as its file name.
         *
         * @param name the name, or null for none
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * {@return the blob}
         *
         * @throws IllegalStateException if a size is set without a digest
         */
        public LayerBlob build() {
            if (size >= 0 && digest == null) {
                throw new IllegalStateException("a size can only be checked together with a digest");
            }
            return new LayerBlob(this);
        }
    }
}
