package dev.oci4j.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Layer and image identifiers (image-spec config.md "Layer DiffID", "Layer ChainID", "ImageID").
 * {@code ChainID(L0) = DiffID(L0)}; {@code ChainID(L0|...|Ln) = Digest(ChainID(L0|...|Ln-1) + " " + DiffID(Ln))}.
 *
 * <pre>{@code Digest top = ImageIdentity.chainId(config.rootfs().diffIds());}</pre>
 */
public final class ImageIdentity {

    private ImageIdentity() {
    }

    /**
     * The DiffID of a layer: the sha256 of its uncompressed tar stream, read to its end (not closed).
     *
     * @param uncompressedTar the layer's tar stream, not compressed
     * @return the sha256 digest of the stream
     * @throws IOException if reading the stream fails
     */
    public static Digest diffId(InputStream uncompressedTar) throws IOException {
        return Digest.sha256(uncompressedTar);
    }

    /**
     * The ChainID of the whole stack, base first.
     *
     * @param diffIds the layers' DiffIDs, base first (config.md {@code rootfs.diff_ids})
     * @return the ChainID of the top layer
     * @throws IllegalArgumentException when {@code diffIds} is empty: an empty stack has no ChainID
     */
    public static Digest chainId(List<Digest> diffIds) {
        List<Digest> ids = chainIds(diffIds);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an empty layer stack has no ChainID");
        }
        return ids.get(ids.size() - 1);
    }

    /**
     * The ChainID of every prefix of the stack: element i identifies layers 0..i applied in order.
     *
     * @param diffIds the layers' DiffIDs, base first (config.md {@code rootfs.diff_ids})
     * @return a ChainID per layer; empty for an empty stack
     */
    public static List<Digest> chainIds(List<Digest> diffIds) {
        Objects.requireNonNull(diffIds, "diffIds");
        List<Digest> out = new ArrayList<>(diffIds.size());
        Digest previous = null;
        for (Digest diffId : diffIds) {
            Objects.requireNonNull(diffId, "diffId");
            // The algorithm of the ChainID is sha256 whatever the DiffIDs use, as the Go reference does.
            previous = previous == null ? diffId
                    : Digest.sha256((previous + " " + diffId).getBytes(StandardCharsets.UTF_8));
            out.add(previous);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The ImageID: the digest of the configuration's exact bytes (never of a re-serialization).
     *
     * @param configurationBytes the configuration's exact bytes
     * @return their sha256 digest
     */
    public static Digest imageId(byte[] configurationBytes) {
        return Digest.sha256(configurationBytes);
    }
}
