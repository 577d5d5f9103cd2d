package dev.oci4j.image.layer;

import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestMismatchException;
import dev.oci4j.image.DigestingInputStream;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.internal.layer.LayerTarInputStream;
import dev.oci4j.image.internal.layer.Nodes;
import dev.oci4j.image.internal.layer.TreeApplier;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies a stack of layers, bottom first, onto a directory (image-spec layer.md "Applying
 * Changesets" and "Whiteouts"), verifying each layer's digest and diffID while streaming it.
 *
 * <p>No entry can touch anything outside the root: names are cleaned like tar does ({@code /}
 * stripped) and refused when {@code ..} climbs out; symlinks met in parent paths and hard-link
 * targets are resolved inside the root as if it were {@code /}. An offending entry stops the apply
 * with a {@link LayerFormatException} naming the layer and entry. What this machine cannot reproduce
 * (device nodes without privilege, xattrs outside {@code user.}) is listed in
 * {@link ApplyResult#warnings()}.
 *
 * <p>Layers stream: the blob digest and the diffID are known only once a layer has been read to its
 * end, so a mismatch is reported after that layer was applied; the target should then be discarded.
 * Tars without the two zero blocks at the end (umoci 0.4), whiteouts before their directory entry,
 * duplicate entries (the last wins), both explicit and opaque whiteouts, GNU tar's SCHILY.xattr and
 * bsdtar's LIBARCHIVE.xattr records are all accepted. Without root, owners are left as they come,
 * directories stay writable until the last layer is done, and device nodes are reported.
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ApplyResult r = LayerApplier.builder().build().apply(rootfs, List.of(
 *         LayerBlob.of(base, baseDiffId), LayerBlob.of(top, topDiffId)));
 * }</pre>
 */
public final class LayerApplier {

    private static final int MAX_WARNINGS = 200;

    private final Boolean preserveOwnership;
    private final boolean xattrs;
    private final boolean strictDevices;

    private LayerApplier(Builder b) {
        this.preserveOwnership = b.preserveOwnership;
        this.xattrs = b.xattrs;
        this.strictDevices = b.strictDevices;
    }

    /**
     * {@return a builder with the defaults: ownership only as root, xattrs on, device failures as warnings}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this applier's settings} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.preserveOwnership = preserveOwnership;
        b.xattrs = xattrs;
        b.strictDevices = strictDevices;
        return b;
    }

    /**
     * Applies {@code layers} in order onto {@code root}, creating it when missing.
     *
     * @param root the target directory, created when missing
     * @param layers the layers, bottom first
     * @return the diffIDs, the entry count and the warnings
     * @throws IOException if reading a blob or writing the target fails
     * @throws LayerFormatException when an entry is malformed or would reach outside the root
     * @throws dev.oci4j.image.DigestMismatchException when a blob or its tar does not have the expected
     *     digest; the root then holds the partly applied layer and should be discarded
     */
    public ApplyResult apply(Path root, LayerBlob... layers) throws IOException {
        return apply(root, List.of(layers));
    }

    /**
     * Applies {@code layers} in order onto {@code root}, creating it when missing.
     *
     * @param root the target directory, created when missing
     * @param layers the layers, bottom first
     * @return the diffIDs, the entry count and the warnings
     * @throws LayerFormatException when an entry is malformed or would reach outside the root
     * @throws DigestMismatchException when a blob or its tar does not have the expected digest; the
     *     root then holds the partly applied layer and should be discarded
     * @throws IOException if reading a blob or writing the target fails
     * @throws NullPointerException if {@code root}, {@code layers} or a layer is null
     */
    public ApplyResult apply(Path root, List<LayerBlob> layers) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(layers, "layers");
        Files.createDirectories(root);
        Path real = root.toRealPath();
        boolean asRoot = Nodes.runningAsRoot();
        boolean chown = preserveOwnership == null ? asRoot : preserveOwnership;
        List<String> warnings = new ArrayList<>();
        long[] suppressed = {0};
        TreeApplier.Warnings sink = m -> {
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(m);
            } else {
                suppressed[0]++;
            }
        };
        TreeApplier applier = new TreeApplier(real, chown, xattrs, asRoot, strictDevices, sink);
        List<Digest> diffIds = new ArrayList<>();
        long entries = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerBlob s = Objects.requireNonNull(layers.get(i), "layers[" + i + "]");
            String label = s.label(i);
            try {
                entries += applyOne(applier, s, label, diffIds, sink);
            } catch (DigestMismatchException ex) {
                if (s.digest().isPresent() && s.digest().get().equals(ex.expected())
                        && !ex.getMessage().startsWith("layer ")) {
                    throw new DigestMismatchException(ex.expected(), ex.expectedSize(), ex.actual().orElse(null),
                            ex.actualSize(), "layer " + label + ": blob " + ex.getMessage());
                }
                throw ex;
            }
        }
        applier.finish();
        return ApplyResult.of(diffIds, entries, warnings, suppressed[0]);
    }

    private static long applyOne(TreeApplier applier, LayerBlob s, String label, List<Digest> diffIds,
            TreeApplier.Warnings sink) throws IOException {
        try (InputStream raw = s.opener().open()) {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            Compression compression = Compression.detect(buffered);
            Compression declared = s.mediaType().map(LayerApplier::declaredCompression).orElse(null);
            if (declared != null && declared != compression) {
                sink.warn("layer " + label + ": media type " + s.mediaType().get() + " says " + declared
                        + " but the content is " + compression + "; read as " + compression);
            }
            Digest expectedBlob = s.digest().orElse(null);
            // An uncompressed sha256 blob is its own tar: hash it once.
            boolean blobIsTar = compression == Compression.NONE && expectedBlob != null
                    && expectedBlob.algorithm().equals(Digest.SHA256);
            DigestingInputStream blobBytes = expectedBlob == null || blobIsTar
                    ? null : DigestingInputStream.verifying(buffered, expectedBlob, s.size());
            InputStream compressed = blobBytes == null ? buffered : blobBytes;
            DigestingInputStream tarBytes = DigestingInputStream.digesting(compression.decompress(compressed), Digest.SHA256);
            TarArchiveInputStream tar = new LayerTarInputStream(tarBytes);
            long entries = applier.apply(tar, label);
            // The diffID covers the whole uncompressed stream: trailer and padding too.
            tarBytes.transferTo(OutputStream.nullOutputStream());
            compressed.transferTo(OutputStream.nullOutputStream());
            if (expectedBlob != null) {
                // Checked here and not only by the verifying stream: GZIPInputStream swallows
                // exceptions while probing for another member, so that stream's own check can be lost.
                Digest actual = blobIsTar ? tarBytes.digest() : blobBytes.digest();
                long size = blobIsTar ? tarBytes.size() : blobBytes.size();
                if (!actual.equals(expectedBlob) || (s.size() >= 0 && size != s.size())) {
                    throw new DigestMismatchException(expectedBlob, s.size(), actual, size,
                            "layer " + label + ": blob digest is " + actual + " (" + size + " bytes), expected "
                                    + expectedBlob + (s.size() >= 0 ? " (" + s.size() + " bytes)" : ""));
                }
            }
            Digest diffId = tarBytes.digest();
            if (s.diffId().isPresent() && !s.diffId().get().equals(diffId)) {
                throw new DigestMismatchException(s.diffId().get(), -1, diffId, tarBytes.size(),
                        "layer " + label + ": diffID (sha256 of the uncompressed tar) is " + diffId
                                + ", expected " + s.diffId().get() + "; the target holds this layer partly applied");
            }
            diffIds.add(diffId);
            return entries;
        }
    }

    private static Compression declaredCompression(MediaType type) {
        String v = type.value();
        if (v.endsWith("+gzip") || v.endsWith(".gzip")) {
            return Compression.GZIP;
        }
        if (v.endsWith("+zstd")) {
            return Compression.ZSTD;
        }
        if (v.endsWith(".tar")) {
            return Compression.NONE;
        }
        return null;
    }

    /** Configures a {@link LayerApplier}. */
    public static final class Builder {
        private Boolean preserveOwnership;
        private boolean xattrs = true;
        private boolean strictDevices;

        private Builder() {
        }

        /**
         * Sets uid and gid from the tar (default: only when running as root).
         *
         * @param preserveOwnership whether to chown each entry to the tar's uid and gid
         * @return this builder
         */
        public Builder preserveOwnership(boolean preserveOwnership) {
            this.preserveOwnership = preserveOwnership;
            return this;
        }

        /**
         * Sets SCHILY.xattr attributes (default on; only {@code user.*} can be set, others are warned about).
         *
         * @param xattrs whether to set the tar's extended attributes
         * @return this builder
         */
        public Builder xattrs(boolean xattrs) {
            this.xattrs = xattrs;
            return this;
        }

        /**
         * Fails instead of warning when a device node or FIFO cannot be created (default off).
         *
         * @param strictDevices whether a device node or FIFO that cannot be created fails the apply
         * @return this builder
         */
        public Builder strictDevices(boolean strictDevices) {
            this.strictDevices = strictDevices;
            return this;
        }

        /** {@return an applier with these settings} */
        public LayerApplier build() {
            return new LayerApplier(this);
        }
    }
}
