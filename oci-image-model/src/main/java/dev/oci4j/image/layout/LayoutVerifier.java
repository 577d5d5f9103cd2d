package dev.oci4j.image.layout;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestingInputStream;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.layer.Compression;
import dev.oci4j.validation.Severity;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a layout from index.json through nested indexes and manifests to configs and layers, checking
 * that each referenced blob exists with the descriptor's size and digest, that documents parse and
 * validate, and that layers decompress to the config's diff_ids. Each blob is read once, however often
 * it is referenced; layers are streamed, never held in memory.
 */
final class LayoutVerifier {

    /** Manifests, indexes and configs larger than this are not read into memory. */
    static final long MAX_DOCUMENT_SIZE = 16L << 20;
    private static final int MAX_DEPTH = 16;

    private record BlobCheck(boolean intact, Digest diffId) {
    }

    private final ImageLayout layout;
    private final List<LayoutProblem> problems = new ArrayList<>();
    private final Map<Digest, BlobCheck> checked = new HashMap<>();
    private final Set<Digest> walked = new HashSet<>();
    private final Set<Digest> referenced = new HashSet<>();
    private int blobsChecked;
    private long bytesChecked;

    LayoutVerifier(ImageLayout layout) {
        this.layout = layout;
    }

    LayoutVerification run() throws IOException {
        ImageIndex index;
        try {
            index = layout.index();
        } catch (ImageFormatException e) {
            error("index.json", e.getMessage());
            return result();
        }
        // index.json entries are refs, not platform choices: image-layout.md shows them without a
        // platform, umoci and skopeo write none, and the image's platform is in its config.
        Documents.validate(index, "index.json", problems, Set.of("index.manifests.platform.missing"));
        for (int i = 0; i < index.manifests().size(); i++) {
            visit(index.manifests().get(i), "index.json /manifests/" + i, 0);
        }
        unreferencedBlobs();
        return result();
    }

    /**
     * image-layout.md: the content of every {@code blobs/<alg>/<encoded>} MUST match its digest and the
     * names MUST fit the digest grammar, referenced or not.
     */
    private void unreferencedBlobs() throws IOException {
        Path blobs = layout.root().resolve("blobs");
        if (!Files.isDirectory(blobs)) {
            error("blobs", "the blobs directory is missing");
            return;
        }
        try (DirectoryStream<Path> algs = Files.newDirectoryStream(blobs)) {
            for (Path alg : algs) {
                String algName = alg.getFileName().toString();
                if (!Files.isDirectory(alg)) {
                    warning("blobs/" + algName, "not a directory named for a digest algorithm");
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(alg)) {
                    for (Path f : files) {
                        String where = "blobs/" + algName + "/" + f.getFileName();
                        Optional<String> problem = Digest.problemWith(algName + ":" + f.getFileName());
                        if (problem.isPresent()) {
                            warning(where, "name does not fit the digest grammar: " + problem.get());
                            continue;
                        }
                        Digest digest = Digest.parse(algName + ":" + f.getFileName());
                        if (referenced.contains(digest) || !digest.isVerifiable() || !Files.isRegularFile(f)) {
                            continue;
                        }
                        digest(Descriptor.of(MediaType.of("application/octet-stream"), digest,
                                Files.size(f)), f, where + " (unreferenced)", false);
                    }
                }
            }
        }
    }

    private void warning(String path, String message) {
        problems.add(new LayoutProblem(Severity.WARNING, path, message));
    }

    private LayoutVerification result() {
        return new LayoutVerification(problems, blobsChecked, bytesChecked);
    }

    private void visit(Descriptor d, String path, int depth) throws IOException {
        Optional<MediaType> mt = d.mediaType();
        if (mt.isPresent() && mt.get().isIndex()) {
            byte[] bytes = document(d, path);
            if (bytes == null || !walked.add(d.digest())) {
                return;
            }
            if (depth >= MAX_DEPTH) {
                error(path, "indexes nest deeper than " + MAX_DEPTH + " levels");
                return;
            }
            String here = path + " -> " + d.digest();
            Optional<ImageIndex> index = Documents.parseIndex(bytes, here, problems);
            if (index.isEmpty()) {
                return;
            }
            Documents.validate(index.get(), here, problems);
            List<Descriptor> entries = index.get().manifests();
            for (int i = 0; i < entries.size(); i++) {
                visit(entries.get(i), here + " /manifests/" + i, depth + 1);
            }
            index.get().subject().ifPresent(s -> subject(s, here + " /subject"));
        } else if (mt.isPresent() && mt.get().isManifest()) {
            byte[] bytes = document(d, path);
            if (bytes == null || !walked.add(d.digest())) {
                return;
            }
            manifest(bytes, path + " -> " + d.digest());
        } else {
            blob(d, path, false);
        }
    }

    private void manifest(byte[] bytes, String here) throws IOException {
        Optional<ImageManifest> parsed = Documents.parseManifest(bytes, here, problems);
        if (parsed.isEmpty()) {
            return;
        }
        ImageManifest m = parsed.get();
        Documents.validate(m, here, problems);
        Descriptor configDescriptor = m.config();
        String configPath = here + " /config";
        ImageConfiguration config = null;
        if (isImageConfig(configDescriptor)) {
            byte[] configBytes = document(configDescriptor, configPath);
            if (configBytes != null) {
                String configHere = configPath + " -> " + configDescriptor.digest();
                config = Documents.parseConfig(configBytes, configHere, problems).orElse(null);
                if (config != null) {
                    Documents.validate(config, configHere, problems);
                }
            }
        } else {
            blob(configDescriptor, configPath, false);
        }
        List<Descriptor> layers = m.layers();
        List<Digest> diffIds = config == null ? null : config.rootfs().diffIds();
        if (diffIds != null && diffIds.size() != layers.size()) {
            error(configPath + " -> " + configDescriptor.digest() + " /rootfs/diff_ids",
                    "config lists " + diffIds.size() + " diff_ids, the manifest has " + layers.size() + " layers");
        }
        for (int i = 0; i < layers.size(); i++) {
            Descriptor layer = layers.get(i);
            boolean isLayer = layer.mediaType().map(MediaType::isLayer).orElse(false);
            BlobCheck c = blob(layer, here + " /layers/" + i, isLayer && diffIds != null);
            if (c != null && c.diffId() != null && diffIds != null && i < diffIds.size()
                    && !c.diffId().equals(diffIds.get(i))) {
                error(here + " /layers/" + i, "uncompressed content of " + layer.digest() + " has digest "
                        + c.diffId() + ", but the config's /rootfs/diff_ids/" + i + " is " + diffIds.get(i));
            }
        }
        m.subject().ifPresent(s -> subject(s, here + " /subject"));
    }

    private static boolean isImageConfig(Descriptor d) {
        return d.mediaType().map(t -> t.equals(MediaType.OCI_CONFIG) || t.equals(MediaType.DOCKER_CONFIG))
                .orElse(false);
    }

    /** A referrer's subject may live elsewhere: its absence is worth a warning only. */
    private void subject(Descriptor s, String path) {
        if (!layout.hasBlob(s.digest())) {
            problems.add(new LayoutProblem(Severity.WARNING, path,
                    "subject " + s.digest() + " is not in this layout"));
        }
    }

    /** Checks a small JSON blob and returns its bytes, or null after recording why it is unusable. */
    private byte[] document(Descriptor d, String path) throws IOException {
        if (d.size() > MAX_DOCUMENT_SIZE) {
            error(path, "descriptor size " + d.size() + " is larger than the " + MAX_DOCUMENT_SIZE
                    + " bytes accepted for a manifest, index or config");
            return null;
        }
        BlobCheck c = blob(d, path, false);
        if (c == null || !c.intact()) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(layout.blobPath(d.digest()));
        if (!d.digest().isVerifiable() || Digest.of(d.digest().algorithm(), bytes).equals(d.digest())) {
            return bytes;
        }
        error(path, d.digest() + " changed while it was being verified");
        return null;
    }

    /**
     * Checks existence, size, then digest (and, for layers, the uncompressed digest), once per blob.
     * Returns null when the blob is absent or cannot be read.
     */
    private BlobCheck blob(Descriptor d, String path, boolean layer) throws IOException {
        Digest digest = d.digest();
        referenced.add(digest);
        Optional<byte[]> data = d.data();
        if (data.isPresent() && digest.isVerifiable() && (data.get().length != d.size()
                || !Digest.of(digest.algorithm(), data.get()).equals(digest))) {
            error(path + " /data", "embedded data (" + data.get().length + " bytes) does not match the descriptor's"
                    + " digest " + digest + " and size " + d.size());
        }
        Path file = layout.blobPath(digest);
        if (!Files.isRegularFile(file)) {
            if (!d.urls().isEmpty()) {
                problems.add(new LayoutProblem(Severity.WARNING, path,
                        "blob " + digest + " is absent; it may be fetched from its urls " + d.urls()));
            } else {
                error(path, "blob " + digest + " is missing (expected file blobs/" + digest.algorithm() + "/"
                        + digest.encoded() + ")");
            }
            return null;
        }
        long fileSize = Files.size(file);
        if (fileSize != d.size()) {
            error(path, digest + ": size " + d.size() + ", file has " + fileSize + " bytes");
            return new BlobCheck(false, null);
        }
        BlobCheck known = checked.get(digest);
        if (known != null && (known.diffId() != null || !layer)) {
            return known;
        }
        if (!digest.isVerifiable()) {
            problems.add(new LayoutProblem(Severity.WARNING, path,
                    digest + ": algorithm " + digest.algorithm() + " cannot be verified here"));
            return new BlobCheck(true, null);
        }
        BlobCheck result = digest(d, file, path, layer);
        checked.put(digest, result);
        return result;
    }

    private BlobCheck digest(Descriptor d, Path file, String path, boolean layer) throws IOException {
        blobsChecked++;
        Digest diffId = null;
        DigestingInputStream raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = DigestingInputStream.digesting(in, d.digest().algorithm());
            if (layer) {
                diffId = uncompressedDigest(d, raw, path);
            }
            raw.transferTo(OutputStream.nullOutputStream());
        }
        bytesChecked += raw.size();
        boolean intact = raw.digest().equals(d.digest());
        if (!intact) {
            error(path, "content of blobs/" + d.digest().algorithm() + "/" + d.digest().encoded()
                    + " has digest " + raw.digest() + ", expected " + d.digest());
        }
        return new BlobCheck(intact, diffId);
    }

    /** Decompresses by the detected format, reporting a media type that claims another one. */
    private Digest uncompressedDigest(Descriptor d, InputStream raw, String path) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, 64 * 1024);
            Compression detected = Compression.detect(buffered);
            Compression claimed = claimedCompression(d.mediaType().orElseThrow());
            if (claimed != null && claimed != detected) {
                error(path, "media type " + d.mediaType().get() + " says " + claimed.name().toLowerCase()
                        + " but the content is " + (detected == Compression.NONE ? "not compressed"
                        : detected.name().toLowerCase()));
            }
            DigestingInputStream uncompressed = DigestingInputStream.digesting(detected.decompress(buffered),
                    Digest.SHA256);
            uncompressed.transferTo(OutputStream.nullOutputStream());
            return uncompressed.digest();
        } catch (IOException | RuntimeException e) {
            error(path, "layer " + d.digest() + " cannot be decompressed: " + e.getMessage());
            return null;
        }
    }

    private static Compression claimedCompression(MediaType t) {
        String v = t.value();
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

    private void error(String path, String message) {
        problems.add(new LayoutProblem(Severity.ERROR, path, message));
    }
}
