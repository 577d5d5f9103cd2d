package dev.oci4j.image.layer;

import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import java.util.Objects;

/**
 * What {@link LayerWriter} produced in one pass: the blob's media type, digest and size (for the
 * manifest's layer descriptor) and the diffID (image-spec config.md "Layer DiffID": the digest of
 * the uncompressed tar, for {@code rootfs.diff_ids}).
 *
 * <pre>{@code
 * WrittenLayer l = LayerWriter.builder().compression(Compression.GZIP).build().writeDirectory(dir, blobFile);
 * // l.mediaType() = application/vnd.oci.image.layer.v1.tar+gzip, l.digest(), l.size(), l.diffId()
 * }</pre>
 */
public final class WrittenLayer {

    private final MediaType mediaType;
    private final Digest digest;
    private final long size;
    private final Digest diffId;
    private final long uncompressedSize;

    private WrittenLayer(MediaType mediaType, Digest digest, long size, Digest diffId, long uncompressedSize) {
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.size = size;
        this.diffId = Objects.requireNonNull(diffId, "diffId");
        this.uncompressedSize = uncompressedSize;
    }

    /**
     * A result; {@code size} and {@code uncompressedSize} are byte counts.
     *
     * @param mediaType the layer media type of the blob
     * @param digest the digest of the blob as written
     * @param size the blob's size in bytes
     * @param diffId the sha256 digest of the uncompressed tar
     * @param uncompressedSize the uncompressed tar's size in bytes
     * @return the result
     * @throws NullPointerException if {@code mediaType}, {@code digest} or {@code diffId} is null
     * @throws IllegalArgumentException if a size is negative
     */
    public static WrittenLayer of(MediaType mediaType, Digest digest, long size, Digest diffId, long uncompressedSize) {
        if (size < 0 || uncompressedSize < 0) {
            throw new IllegalArgumentException("sizes must not be negative: " + size + ", " + uncompressedSize);
        }
        return new WrittenLayer(mediaType, digest, size, diffId, uncompressedSize);
    }

    /**
     * {@return the layer media type matching the compression ({@code ...tar}, {@code ...tar+gzip}, {@code ...tar+zstd})}
     */
    public MediaType mediaType() {
        return mediaType;
    }

    /** {@return the digest of the blob as written (compressed)} */
    public Digest digest() {
        return digest;
    }

    /** {@return the blob size in bytes (compressed)} */
    public long size() {
        return size;
    }

    /** {@return the sha256 digest of the uncompressed tar stream} */
    public Digest diffId() {
        return diffId;
    }

    /** {@return the size of the uncompressed tar stream} */
    public long uncompressedSize() {
        return uncompressedSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrittenLayer w && w.mediaType.equals(mediaType) && w.digest.equals(digest)
                && w.size == size && w.diffId.equals(diffId) && w.uncompressedSize == uncompressedSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, digest, size, diffId, uncompressedSize);
    }

    @Override
    public String toString() {
        return "WrittenLayer{" + mediaType + " " + digest + " size=" + size + " diffId=" + diffId
                + " uncompressedSize=" + uncompressedSize + "}";
    }
}
