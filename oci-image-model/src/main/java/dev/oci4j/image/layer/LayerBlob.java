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

    public static Builder builder(Opener opener) {
        return new Builder(opener);
    }

    /** A blob file, compression detected from its first bytes. */
    public static LayerBlob of(Path blob) {
        Objects.requireNonNull(blob, "blob");
        return builder(() -> Files.newInputStream(blob)).name(blob.toString()).build();
    }

    /** A blob file with its expected diffID. */
    public static LayerBlob of(Path blob, Digest diffId) {
        Objects.requireNonNull(blob, "blob");
        return builder(() -> Files.newInputStream(blob)).name(blob.toString()).diffId(diffId).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(opener);
        b.mediaType = mediaType;
        b.digest = digest;
        b.size = size;
        b.diffId = diffId;
        b.name = name;
        return b;
    }

    public Opener opener() {
        return opener;
    }

    /** The declared media type; compression is detected from the bytes either way. */
    public Optional<MediaType> mediaType() {
        return Optional.ofNullable(mediaType);
    }

    /** The expected blob digest (verified when present). */
    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    /** The expected blob size, -1 when unknown. */
    public long size() {
        return size;
    }

    /** The expected diffID, the digest of the uncompressed tar (verified when present). */
    public Optional<Digest> diffId() {
        return Optional.ofNullable(diffId);
    }

    /** A name for messages; empty unless set. */
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

        public Builder mediaType(MediaType mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        public Builder digest(Digest digest) {
            this.digest = digest;
            return this;
        }

        /** The expected blob size; -1 for unknown. */
        public Builder size(long size) {
            if (size < -1) {
                throw new IllegalArgumentException("size must be -1 (unknown) or >= 0: " + size);
            }
            this.size = size;
            return this;
        }

        public Builder diffId(Digest diffId) {
            this.diffId = diffId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public LayerBlob build() {
            if (size >= 0 && digest == null) {
                throw new IllegalStateException("a size can only be checked together with a digest");
            }
            return new LayerBlob(this);
        }
    }
}
