package dev.oci4j.distribution.conformance;

import static dev.oci4j.distribution.conformance.GoJson.obj;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * What the suite pushes (its setup.go): one config and one image manifest per workflow, a gzip layer,
 * two random blobs (one of them cut into two chunks), and the referrers fixtures: four artifacts and
 * an index whose subject is manifest 4, and one artifact whose subject (manifest 3) is never pushed.
 * Documents are laid out as Go marshals them, unknown descriptor member and all.
 */
final class ConformanceData {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String EMPTY_JSON = "application/vnd.oci.empty.v1+json";
    static final String EMPTY_LAYER_TEST_TAG = "emptylayer";
    static final String TEST_TAG_NAME = "tagtest0";
    static final String NONEXISTENT_MANIFEST = ".INVALID_MANIFEST_NAME";
    static final String ARTIFACT_TYPE_FILTER = "artifactType";
    static final String ANNOTATION_KEY = "org.opencontainers.conformance.test";
    static final String ARTIFACT_TYPE_A = "application/vnd.nhl.peanut.butter.bagel";
    static final String ARTIFACT_TYPE_B = "application/vnd.nba.strawberry.jam.croissant";
    static final String ARTIFACT_TYPE_INDEX = "application/vnd.food.stand";
    /** The error codes the spec names; a 400 must carry one of them. */
    static final List<String> ERROR_CODES = List.of("BLOB_UNKNOWN", "BLOB_UPLOAD_INVALID", "BLOB_UPLOAD_UNKNOWN",
            "DIGEST_INVALID", "MANIFEST_BLOB_UNKNOWN", "MANIFEST_INVALID", "MANIFEST_UNKNOWN", "MANIFEST_UNVERIFIED",
            "NAME_INVALID", "NAME_UNKNOWN", "SIZE_INVALID", "TAG_INVALID", "UNAUTHORIZED", "DENIED", "UNSUPPORTED");

    /** A blob or document with its length (as text, as headers carry it) and digest. */
    record TestBlob(byte[] content, String length, String digest) {
        static TestBlob of(byte[] content) {
            return new TestBlob(content, Integer.toString(content.length), sha256(content));
        }
    }

    final long seed;
    final TestBlob[] configs = new TestBlob[5];
    final TestBlob[] manifests = new TestBlob[5];
    final TestBlob layer;
    final TestBlob emptyLayerManifest;
    final byte[] invalidManifestContent = "blablabla".getBytes(StandardCharsets.UTF_8);
    final String dummyDigest = sha256("hello world".getBytes(StandardCharsets.UTF_8));
    final TestBlob blobA;
    TestBlob blobB;
    TestBlob chunk1;
    TestBlob chunk2;
    String chunk1Range;
    String chunk2Range;
    final TestBlob emptyJson = TestBlob.of("{}".getBytes(StandardCharsets.UTF_8));
    final TestBlob refBlobA = TestBlob.of("NHL Peanut Butter on my NHL bagel".getBytes(StandardCharsets.UTF_8));
    final TestBlob refBlobB = TestBlob.of("NBA Strawberry Jam on my NBA croissant".getBytes(StandardCharsets.UTF_8));
    final TestBlob refsManifestAConfigArtifact;
    final TestBlob refsManifestBConfigArtifact;
    final TestBlob refsManifestALayerArtifact;
    final TestBlob refsManifestBLayerArtifact;
    final TestBlob refsManifestCLayerArtifact;
    final TestBlob refsIndexArtifact;
    /** The annotation value each referrer carries, by its digest. */
    final Map<String, String> annotationValues = new HashMap<>();

    ConformanceData(long seed) {
        this.seed = seed;
        SecureRandom authors = new SecureRandom();
        for (int i = 0; i < configs.length; i++) {
            // A random author makes each run's configs, and so its manifests, new to the registry.
            configs[i] = TestBlob.of(GoJson.indent(obj("author", randomString(authors, 16), "architecture", "amd64",
                    "os", "linux", "rootfs", obj("type", "layers", "diff_ids", List.of()))));
        }
        layer = TestBlob.of(gzip("you bothered to find out what was in here. Congratulations!\n"));
        Map<String, Object> layerDescriptor = obj("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip",
                "digest", layer.digest, "size", layer.content.length, "newUnspecifiedField", null);
        for (int i = 0; i < manifests.length; i++) {
            manifests[i] = TestBlob.of(GoJson.indent(obj("schemaVersion", 2, "mediaType", MANIFEST,
                    "config", configWithData(configs[i]), "layers", List.of(layerDescriptor))));
        }
        emptyLayerManifest = TestBlob.of(GoJson.indent(obj("schemaVersion", 2, "config", configWithData(configs[1]),
                "layers", List.of())));
        blobA = TestBlob.of(randomBytes(42, seed + 1));
        setupChunkedBlob(42);

        Map<String, Object> subject4 = descriptor(MANIFEST, manifests[4]);
        Map<String, Object> emptyDescriptor = descriptor(EMPTY_JSON, emptyJson);
        refsManifestAConfigArtifact = referrer(obj("schemaVersion", 2, "mediaType", MANIFEST,
                "config", descriptor(ARTIFACT_TYPE_A, refBlobA), "layers", List.of(emptyDescriptor),
                "subject", subject4, "annotations", Map.of(ANNOTATION_KEY, "test config a")));
        refsManifestBConfigArtifact = referrer(obj("schemaVersion", 2, "mediaType", MANIFEST,
                "config", descriptor(ARTIFACT_TYPE_B, refBlobB), "layers", List.of(emptyDescriptor),
                "subject", subject4, "annotations", Map.of(ANNOTATION_KEY, "test config b")));
        refsManifestALayerArtifact = referrer(obj("schemaVersion", 2, "mediaType", MANIFEST,
                "artifactType", ARTIFACT_TYPE_A, "config", emptyDescriptor,
                "layers", List.of(descriptor(ARTIFACT_TYPE_A, refBlobA)),
                "subject", subject4, "annotations", Map.of(ANNOTATION_KEY, "test layer a")));
        refsManifestBLayerArtifact = referrer(obj("schemaVersion", 2, "mediaType", MANIFEST,
                "artifactType", ARTIFACT_TYPE_B, "config", emptyDescriptor,
                "layers", List.of(descriptor(ARTIFACT_TYPE_B, refBlobB)),
                "subject", subject4, "annotations", Map.of(ANNOTATION_KEY, "test layer b")));
        // Like B's layer artifact, but its subject (manifest 3) is not in the repository.
        refsManifestCLayerArtifact = referrer(obj("schemaVersion", 2, "mediaType", MANIFEST,
                "artifactType", ARTIFACT_TYPE_B, "config", emptyDescriptor,
                "layers", List.of(descriptor(ARTIFACT_TYPE_B, refBlobB)),
                "subject", descriptor(MANIFEST, manifests[3])));
        refsIndexArtifact = referrer(obj("schemaVersion", 2, "mediaType", INDEX, "artifactType", ARTIFACT_TYPE_INDEX,
                "manifests", List.of(descriptor(MANIFEST, refsManifestAConfigArtifact),
                        descriptor(MANIFEST, refsManifestALayerArtifact)),
                "subject", subject4, "annotations", Map.of(ANNOTATION_KEY, "test index")));
    }

    private TestBlob referrer(Map<String, Object> document) {
        TestBlob b = TestBlob.of(GoJson.indent(document));
        if (document.get("annotations") instanceof Map<?, ?> a) {
            annotationValues.put(b.digest, (String) a.get(ANNOTATION_KEY));
        }
        return b;
    }

    private static Map<String, Object> configWithData(TestBlob config) {
        return obj("mediaType", CONFIG, "digest", config.digest, "size", config.content.length,
                "data", config.content, "newUnspecifiedField", "hello world".getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> descriptor(String mediaType, TestBlob blob) {
        return obj("mediaType", mediaType, "digest", blob.digest, "size", blob.content.length,
                "newUnspecifiedField", null);
    }

    /**
     * Two chunks of a random blob of {@code size} bytes: the first one byte longer than half. Called
     * again with a larger size when the registry asks for bigger chunks.
     */
    void setupChunkedBlob(int size) {
        byte[] b = randomBytes(size, seed + 2);
        blobB = TestBlob.of(b);
        chunk1 = TestBlob.of(java.util.Arrays.copyOfRange(b, 0, size / 2 + 1));
        chunk2 = TestBlob.of(java.util.Arrays.copyOfRange(b, size / 2 + 1, size));
        chunk1Range = "0-" + (chunk1.content.length - 1);
        chunk2Range = chunk1.content.length + "-" + (size - 1);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String randomString(Random r, int n) {
        String letters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(letters.charAt(r.nextInt(letters.length())));
        }
        return sb.toString();
    }

    // The registry never looks inside a layer; a gzip stream of one short text stands in for the suite's tarball.
    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
