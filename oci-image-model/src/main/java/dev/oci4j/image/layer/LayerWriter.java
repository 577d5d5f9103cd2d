package dev.oci4j.image.layer;

import dev.oci4j.image.BlobSink;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestingOutputStream;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.internal.compress.ParallelGzipOutputStream;
import dev.oci4j.image.internal.layer.DirectoryDiff;
import dev.oci4j.image.internal.layer.DirectoryScanner;
import dev.oci4j.image.internal.layer.EntryPolicy;
import dev.oci4j.image.internal.layer.NonClosingOutputStream;
import dev.oci4j.image.internal.layer.TarEntryWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a layer changeset (image-spec layer.md) as a tar, compressed or not, in one streaming pass
 * that also yields the blob digest and size and the diffID.
 *
 * <p>Sources: a directory (every object below it), a list of {@link LayerEntry}s, or the difference
 * between two directories (changed and added objects, {@code .wh.NAME} for deletions, optionally
 * {@code .wh..wh..opq} where a directory lost all its former children). The tar is PAX: long names,
 * SCHILY.xattr, no user or group names, mtimes in whole seconds, and always the two zero blocks at
 * the end. Content streams straight from the files: memory use does not grow with file or layer
 * size. Instances are immutable and thread-safe.
 *
 * <p>Into a {@link BlobSink} (an image layout's {@code BlobWriter}) the blob's digest and size come
 * from the sink, which digests what it stores anyway: the blob is hashed once, and the digest the
 * result carries is the one that names the stored file. Into any other stream the writer digests
 * the blob itself.
 *
 * <pre>{@code
 * LayerWriter writer = LayerWriter.builder()
 *         .compression(Compression.GZIP)
 *         .reproducible(Instant.ofEpochSecond(sourceDateEpoch))   // sorted, uid/gid 0, mtimes clamped
 *         .build();
 * WrittenLayer layer = writer.writeDirectory(rootfs, blobFile);
 * try (BlobWriter blob = layout.newBlobWriter()) {
 *     WrittenLayer stored = writer.writeDirectory(rootfs, blob);   // digest and size from the blob writer
 *     blob.commit();
 * }
 * }</pre>
 */
public final class LayerWriter {

    private final Compression compression;
    private final int level;
    private final GzipEngine gzipEngine;
    private final boolean sortEntries;
    private final boolean xattrs;
    private final boolean compareContents;
    private final boolean opaqueWhiteouts;
    private final EntryPolicy policy;

    private LayerWriter(Builder b) {
        this.compression = b.compression;
        this.gzipEngine = b.gzipEngine;
        boolean isal = b.compression == Compression.GZIP && b.gzipEngine == GzipEngine.ISAL;
        this.level = b.level == null ? (isal ? GzipEngine.ISAL.defaultLevel() : b.compression.defaultLevel()) : b.level;
        if (isal && level > GzipEngine.ISAL.maxLevel()) {
            throw new IllegalArgumentException("gzip level " + level + " with the ISA-L engine: ISA-L levels are 0.."
                    + GzipEngine.ISAL.maxLevel());
        }
        this.sortEntries = b.sortEntries;
        this.xattrs = b.xattrs;
        this.compareContents = b.compareContents;
        this.opaqueWhiteouts = b.opaqueWhiteouts;
        this.policy = new EntryPolicy(b.fixedMtime, b.clampMtime, b.rootOwnership);
    }

    /** {@return a builder with the defaults {@link Builder} lists} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this writer's settings} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.compression = compression;
        b.level = level;
        b.gzipEngine = gzipEngine;
        b.sortEntries = sortEntries;
        b.xattrs = xattrs;
        b.compareContents = compareContents;
        b.opaqueWhiteouts = opaqueWhiteouts;
        b.fixedMtime = policy.fixedMtime();
        b.clampMtime = policy.clampMtime();
        b.rootOwnership = policy.rootOwnership();
        return b;
    }

    /**
     * Writes every object below {@code dir} (not {@code dir} itself) to {@code out}, which stays open.
     *
     * @param dir the directory whose contents become the layer
     * @param out where the blob goes
     * @return the blob's media type, digest and size, and the diffID
     * @throws IOException if reading {@code dir} or writing {@code out} fails
     */
    public WrittenLayer writeDirectory(Path dir, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        return write(out, null, directoryBody(dir));
    }

    /**
     * Like {@link #writeDirectory(Path, OutputStream)}, taking the blob's digest and size from
     * {@code sink} (see {@link BlobSink}); the sink stays open and uncommitted.
     *
     * @param dir the directory whose contents become the layer
     * @param sink where the blob goes, such as an image layout's {@code BlobWriter}
     * @return the blob's media type, digest and size, and the diffID
     * @throws IOException if reading {@code dir} or writing {@code sink} fails
     */
    public WrittenLayer writeDirectory(Path dir, BlobSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        return write(sink, sink, directoryBody(dir));
    }

    private Body directoryBody(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return tar -> new DirectoryScanner(sortEntries, xattrs).scan(dir, tar::write);
    }

    /**
     * Like {@link #writeDirectory(Path, OutputStream)}, into a new or truncated file.
     *
     * @param dir the directory whose contents become the layer
     * @param blob the file the blob is written to
     * @return the blob's media type, digest and size, and the diffID
     * @throws IOException if reading {@code dir} or writing {@code blob} fails
     */
    public WrittenLayer writeDirectory(Path dir, Path blob) throws IOException {
        try (OutputStream out = Files.newOutputStream(blob)) {
            return writeDirectory(dir, out);
        }
    }

    /**
     * Writes {@code entries} in their order, or sorted by path when {@link Builder#sortEntries} is on
     * (parents before children). Paths must be unique.
     *
     * @param entries the entries of the layer
     * @param out where the blob goes, left open
     * @return the blob's media type, digest and size, and the diffID
     * @throws IOException if opening an entry's content or writing {@code out} fails
     */
    public WrittenLayer writeEntries(List<LayerEntry> entries, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        return write(out, null, entriesBody(entries));
    }

    /**
     * Like {@link #writeEntries(List, OutputStream)}, taking the blob's digest and size from {@code sink}.
     *
     * @param entries the entries of the layer
     * @param sink where the blob goes, left open and uncommitted
     * @return the blob's media type, digest and size, and the diffID
     * @throws IOException if opening an entry's content or writing {@code sink} fails
     */
    public WrittenLayer writeEntries(List<LayerEntry> entries, BlobSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        return write(sink, sink, entriesBody(entries));
    }

    private Body entriesBody(List<LayerEntry> entries) {
        List<LayerEntry> list = new ArrayList<>(entries);
        if (sortEntries) {
            list.sort((a, b) -> comparePaths(sortKey(a), sortKey(b)));
        }
        return tar -> {
            if (!sortEntries) {
                for (LayerEntry e : list) {
                    tar.write(e);
                }
                return;
            }
            // Sorting may put a hard link before its target; hold it back until the target is written.
            Set<String> paths = new HashSet<>();
            list.forEach(e -> paths.add(e.path()));
            Set<String> written = new HashSet<>();
            Map<String, List<LayerEntry>> waiting = new HashMap<>();
            for (LayerEntry e : list) {
                String target = e.type() == LayerEntry.Type.HARDLINK ? e.linkname().orElseThrow() : null;
                if (target != null && paths.contains(target) && !written.contains(target)) {
                    waiting.computeIfAbsent(target, k -> new ArrayList<>()).add(e);
                    continue;
                }
                writeWithWaiting(tar, e, written, waiting);
            }
        };
    }

    /**
     * Like {@link #writeEntries(List, OutputStream)}, into a new or truncated file.
     *
     * @param entries the entries of the layer
     * @param blob the file the blob is written to
     * @return the blob's media type, digest and size, and the diffID
     * @throws IOException if opening an entry's content or writing {@code blob} fails
     */
    public WrittenLayer writeEntries(List<LayerEntry> entries, Path blob) throws IOException {
        try (OutputStream out = Files.newOutputStream(blob)) {
            return writeEntries(entries, out);
        }
    }

    /**
     * Writes the changeset that turns {@code lower} into {@code upper}: applying the result over
     * {@code lower} reproduces {@code upper}. Files count as unchanged when type, size, mtime, mode,
     * owner, xattrs (and link target or device) are equal, and, with {@link Builder#compareContents},
     * their bytes too.
     *
     * @param lower the directory as it was
     * @param upper the directory as it is
     * @param out where the blob goes, left open
     * @return the blob's media type, digest and size, and the diffID
     * @throws IOException if reading either directory or writing {@code out} fails
     */
    public WrittenLayer writeDiff(Path lower, Path upper, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        return write(out, null, diffBody(lower, upper));
    }

    /**
     * Like {@link #writeDiff(Path, Path, OutputStream)}, taking the blob's digest and size from {@code sink}.
     *
     * @param lower the directory as it was
     * @param upper the directory as it is
     * @param sink where the blob goes, left open and uncommitted
     * @return the blob's media type, digest and size, and the diffID
     * @throws IOException if reading either directory or writing {@code sink} fails
     */
    public WrittenLayer writeDiff(Path lower, Path upper, BlobSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        return write(sink, sink, diffBody(lower, upper));
    }

    private Body diffBody(Path lower, Path upper) {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        return tar -> new DirectoryDiff(xattrs, compareContents, opaqueWhiteouts).diff(lower, upper, tar::write);
    }

    /**
     * Like {@link #writeDiff(Path, Path, OutputStream)}, into a new or truncated file.
     *
     * @param lower the directory as it was
     * @param upper the directory as it is
     * @param blob the file the blob is written to
     * @return the blob's media type, digest and size, and the diffID
     * @throws IOException if reading either directory or writing {@code blob} fails
     */
    public WrittenLayer writeDiff(Path lower, Path upper, Path blob) throws IOException {
        try (OutputStream out = Files.newOutputStream(blob)) {
            return writeDiff(lower, upper, out);
        }
    }

    private static void writeWithWaiting(PolicyWriter tar, LayerEntry e, Set<String> written,
            Map<String, List<LayerEntry>> waiting) throws IOException {
        tar.write(e);
        written.add(e.path());
        List<LayerEntry> links = waiting.remove(e.path());
        if (links != null) {
            for (LayerEntry link : links) {
                writeWithWaiting(tar, link, written, waiting);
            }
        }
    }

    /** {@return the media type this writer's layers have} */
    public MediaType mediaType() {
        return compression.layerMediaType();
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(PolicyWriter tar) throws IOException;
    }

    /** Applies the normalizations on the way into the tar. */
    private final class PolicyWriter {
        private final TarEntryWriter tar;

        PolicyWriter(TarEntryWriter tar) {
            this.tar = tar;
        }

        void write(LayerEntry e) throws IOException {
            tar.write(policy.apply(e));
        }
    }

    /**
     * One pass: tar, compress, write. {@code sink} is {@code out} when the caller handed over a sink
     * that digests the blob; then the blob is not hashed here. A sink that already holds bytes (its
     * digest covers more than this layer) or digests with another algorithm cannot lend its digest.
     */
    private WrittenLayer write(OutputStream out, BlobSink sink, Body body) throws IOException {
        BlobSink digested = sink != null && sink.algorithm().equals(Digest.SHA256) && sink.size() == 0 ? sink : null;
        OutputStream target = new NonClosingOutputStream(out);
        DigestingOutputStream blob = digested == null ? new DigestingOutputStream(target) : null;
        OutputStream compressedSink = blob == null ? target : blob;
        // Uncompressed, the blob is the tar: one digest serves as both.
        OutputStream compressor = compression == Compression.NONE ? null : compression.compress(compressedSink, level,
                Math.min(Compression.MAX_DEFAULT_THREADS, Runtime.getRuntime().availableProcessors()), gzipEngine);
        // gzip hashes the tar on its writer thread, in block order: the thread writing the tar is a build's
        // longest serial chain, and SHA-256 of the whole tar was about a third of its work.
        ParallelGzipOutputStream gzip = compressor instanceof ParallelGzipOutputStream g ? g : null;
        MessageDigest tarDigest = gzip == null ? null : sha256();
        if (gzip != null) {
            gzip.digestInput(tarDigest);
        }
        DigestingOutputStream diff = compression == Compression.NONE
                ? blob : gzip != null ? null : new DigestingOutputStream(compressor);
        OutputStream tarSink = gzip != null ? gzip : diff == null ? compressedSink : diff;
        // The tar writes 512-byte records; digesting and compressing them one by one would be slow.
        try (TarEntryWriter tar = new TarEntryWriter(new BufferedOutputStream(tarSink, 1 << 20))) {
            body.writeTo(new PolicyWriter(tar));
        }
        Digest blobDigest = blob != null ? blob.digest() : digested.digest();
        long blobSize = blob != null ? blob.size() : digested.size();
        Digest diffId;
        long diffSize;
        if (gzip != null) {
            diffId = Digest.parse(Digest.SHA256, HexFormat.of().formatHex(tarDigest.digest()));
            diffSize = gzip.inputSize();
        } else {
            diffId = diff != null ? diff.digest() : blobDigest;
            diffSize = diff != null ? diff.size() : blobSize;
        }
        return WrittenLayer.of(compression.layerMediaType(), blobDigest, blobSize, diffId, diffSize);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whiteouts sort before their siblings (layer.md: SHOULD), an opaque marker right after its directory. */
    private static String sortKey(LayerEntry e) {
        String p = e.path();
        if (e.type() == LayerEntry.Type.OPAQUE) {
            return p.isEmpty() ? "\u0000" : p + "/\u0000";
        }
        if (e.type() == LayerEntry.Type.WHITEOUT) {
            int slash = p.lastIndexOf('/');
            return p.substring(0, slash + 1) + "\u0001" + p.substring(slash + 1);
        }
        return p;
    }

    /** Orders paths component by component, so that {@code a/b} sorts right after {@code a}. */
    static int comparePaths(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (ca == '/') {
                    return -1;
                }
                if (cb == '/') {
                    return 1;
                }
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Configures a {@link LayerWriter}; defaults: uncompressed, sorted, xattrs on, times and owners kept. */
    public static final class Builder {
        private Compression compression = Compression.NONE;
        private Integer level;
        private GzipEngine gzipEngine = GzipEngine.ZLIB;
        private boolean sortEntries = true;
        private boolean xattrs = true;
        private boolean compareContents;
        private boolean opaqueWhiteouts;
        private Instant fixedMtime;
        private Instant clampMtime;
        private boolean rootOwnership;

        private Builder() {
        }

        /**
         * The compression, at its default level.
         *
         * @param compression the compression
         * @return this builder
         */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression");
            this.level = null;
            return this;
        }

        /**
         * The compression at {@code level} (gzip 0-9, zstd 1-22).
         *
         * @param compression the compression
         * @param level the level; ignored for {@link Compression#NONE}
         * @return this builder
         * @throws IllegalArgumentException if {@code level} is outside the compression's range
         */
        public Builder compression(Compression compression, int level) {
            this.compression = Objects.requireNonNull(compression, "compression");
            int max = compression == Compression.ZSTD ? 22 : 9;
            if (compression != Compression.NONE && (level < 0 || level > max)) {
                throw new IllegalArgumentException(compression + " level must be 0.." + max + ", was " + level);
            }
            this.level = level;
            return this;
        }

        /**
         * Which deflate implementation writes gzip layers (default {@link GzipEngine#ZLIB}); ignored for other
         * compressions. The engine is part of the layer's settings: the same tree, level and engine give the
         * same bytes, another engine other bytes. With {@link GzipEngine#ISAL} the level is ISA-L's (0-3;
         * without {@link #compression(Compression, int)}, its default); {@link #build()} rejects a higher one.
         *
         * @param gzipEngine the engine
         * @return this builder
         */
        public Builder gzipEngine(GzipEngine gzipEngine) {
            this.gzipEngine = Objects.requireNonNull(gzipEngine, "gzipEngine");
            return this;
        }

        /**
         * Sorts directory children and entry lists by name (default on), for reproducible output.
         *
         * @param sortEntries whether to sort
         * @return this builder
         */
        public Builder sortEntries(boolean sortEntries) {
            this.sortEntries = sortEntries;
            return this;
        }

        /**
         * Reads {@code user.*} extended attributes from directories (default on).
         *
         * @param xattrs whether to read and write extended attributes
         * @return this builder
         */
        public Builder xattrs(boolean xattrs) {
            this.xattrs = xattrs;
            return this;
        }

        /**
         * In diffs, compares file bytes when metadata is equal (default off: size and mtime decide).
         *
         * @param compareContents whether to compare bytes
         * @return this builder
         */
        public Builder compareContents(boolean compareContents) {
            this.compareContents = compareContents;
            return this;
        }

        /**
         * In diffs, writes one {@code .wh..wh..opq} marker for a directory that kept none of its former
         * children instead of a whiteout per child (default off: the spec recommends explicit whiteouts).
         *
         * @param opaqueWhiteouts whether to write opaque markers
         * @return this builder
         */
        public Builder opaqueWhiteouts(boolean opaqueWhiteouts) {
            this.opaqueWhiteouts = opaqueWhiteouts;
            return this;
        }

        /**
         * Replaces every mtime with {@code mtime}; {@link #clearFixedMtime()} turns it off.
         *
         * @param mtime the time every entry gets
         * @return this builder
         */
        public Builder fixedMtime(Instant mtime) {
            this.fixedMtime = Objects.requireNonNull(mtime, "mtime");
            return this;
        }

        /**
         * Keeps every entry's own mtime (subject to {@link #clampMtime(Instant)}); the default.
         *
         * @return this builder
         */
        public Builder clearFixedMtime() {
            this.fixedMtime = null;
            return this;
        }

        /**
         * Caps every mtime at {@code max} (SOURCE_DATE_EPOCH semantics); {@link #clearClampMtime()} turns it off.
         *
         * @param max the latest mtime an entry may have
         * @return this builder
         */
        public Builder clampMtime(Instant max) {
            this.clampMtime = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Writes mtimes later than any bound as they are; the default.
         *
         * @return this builder
         */
        public Builder clearClampMtime() {
            this.clampMtime = null;
            return this;
        }

        /**
         * Writes uid and gid 0 for every entry.
         *
         * @param rootOwnership whether every entry is owned by root
         * @return this builder
         */
        public Builder rootOwnership(boolean rootOwnership) {
            this.rootOwnership = rootOwnership;
            return this;
        }

        /**
         * Sorted entries, uid/gid 0 and mtimes clamped to {@code sourceDateEpoch}.
         *
         * @param sourceDateEpoch the latest mtime an entry may have (SOURCE_DATE_EPOCH)
         * @return this builder
         */
        public Builder reproducible(Instant sourceDateEpoch) {
            Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
            return sortEntries(true).rootOwnership(true).clampMtime(sourceDateEpoch);
        }

        /** {@return a writer with these settings} */
        public LayerWriter build() {
            return new LayerWriter(this);
        }
    }
}
