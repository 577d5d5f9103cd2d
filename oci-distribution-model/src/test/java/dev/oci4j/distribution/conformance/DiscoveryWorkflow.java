package dev.oci4j.distribution.conformance;

import static dev.oci4j.distribution.conformance.Spec.runOnlyIf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.DistributionJson;
import dev.oci4j.distribution.conformance.ConformanceClient.Response;
import dev.oci4j.distribution.conformance.ConformanceData.TestBlob;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 03_discovery_test.go: tag listing with {@code n} and {@code last}, and the referrers API. */
final class DiscoveryWorkflow {

    private final ConformanceClient client;
    private final ConformanceData data;
    private final ConformanceSettings settings;
    private final List<Spec> specs = new ArrayList<>();
    private int numTags = 4;
    private List<String> tagList = new ArrayList<>();

    private DiscoveryWorkflow(ConformanceClient client, ConformanceData data, ConformanceSettings settings) {
        this.client = client;
        this.data = data;
        this.settings = settings;
    }

    static List<Spec> specs(ConformanceClient client, ConformanceData data, ConformanceSettings settings) {
        return new DiscoveryWorkflow(client, data, settings).build();
    }

    private void it(String context, String name, Spec.Body body) {
        specs.add(new Spec("Content Discovery", context, name, body));
    }

    private List<Spec> build() {
        it("Setup", "Populate registry with test blob", () -> populate(data.configs[2]));
        it("Setup", "Populate registry with test layer", () -> populate(data.layer));
        it("Setup", "Populate registry with test tags", () -> {
            runOnlyIf(settings.discoverySetup, "discovery setup disabled");
            for (int i = 0; i < numTags; i++) {
                String tag = "test" + i;
                tagList.add(tag);
                Checks.success(putManifest(tag, ConformanceData.MANIFEST, data.manifests[2]));
            }
            tagList = tags(client.request("GET", "/v2/<name>/tags/list").send());
        });
        it("Setup", "Populate registry with test tags (no push)", () -> {
            runOnlyIf(!settings.discoverySetup, "discovery setup ran: no tag list from the environment is needed");
            tagList = new ArrayList<>(Arrays.asList(settings.tagName.split(",")));
        });
        it("Setup", "References setup", this::referencesSetup);

        String tagsContext = "Test content discovery endpoints (listing tags)";
        it(tagsContext, "GET request to list tags should yield 200 response", () -> {
            Response r = client.request("GET", "/v2/<name>/tags/list").send();
            Checks.status(r, 200);
            tagList = tags(r);
            numTags = tagList.size();
        });
        it(tagsContext, "GET number of tags should be limitable by `n` query parameter", () -> {
            int numResults = numTags / 2;
            Response r = client.request("GET", "/v2/<name>/tags/list").query("n", Integer.toString(numResults)).send();
            Checks.status(r, 200);
            tagList = tags(r);
            assertThat(tagList).as("tags of %s", r).hasSize(numResults);
        });
        it(tagsContext, "GET start of tag is set by `last` query parameter", () -> {
            int numResults = numTags / 2;
            Response r = client.request("GET", "/v2/<name>/tags/list").query("n", Integer.toString(numResults)).send();
            tagList = tags(r);
            r = client.request("GET", "/v2/<name>/tags/list").query("n", Integer.toString(numResults))
                    .query("last", tagList.get(numResults - 1)).send();
            Checks.status(r, 200);
            // As in the suite, the page checked is the first one, fetched before the request with last.
            assertThat(tagList.size()).as("tags of the first page").isLessThanOrEqualTo(numResults);
            assertThat(tagList).contains(tagList.get(numResults - 1));
        });

        String refsContext = "Test content discovery endpoints (listing references)";
        it(refsContext, "GET request to nonexistent blob should result in empty 200 response", () -> {
            ImageIndex index = referrers(data.dummyDigest, null);
            assertThat(index.manifests()).isEmpty();
        });
        it(refsContext, "GET request to existing blob should yield 200", () -> {
            ImageIndex index = referrers(data.manifests[4].digest(), null);
            assertThat(index.manifests()).hasSize(5);
            assertThat(index.manifests().get(0).digest()).isNotEqualTo(index.manifests().get(1).digest());
            index.manifests().forEach(this::annotatedAsPushed);
        });
        it(refsContext, "GET request to existing blob with filter should yield 200", () -> {
            Response r = client.request("GET", "/v2/<name>/referrers/<digest>").digest(data.manifests[4].digest())
                    .query("artifactType", ConformanceData.ARTIFACT_TYPE_A).send();
            ImageIndex index = referrersIndex(r);
            // A registry may ignore the filter; then it says nothing and lists every referrer.
            if (!r.header("OCI-Filters-Applied").isEmpty()) {
                assertThat(index.manifests()).hasSize(2);
                assertThat(r.header("OCI-Filters-Applied")).isEqualTo(ConformanceData.ARTIFACT_TYPE_FILTER);
            } else {
                assertThat(index.manifests()).hasSize(5);
            }
            index.manifests().forEach(this::annotatedAsPushed);
        });
        it(refsContext, "GET request to missing manifest should yield 200", () -> {
            ImageIndex index = referrers(data.manifests[3].digest(), null);
            assertThat(index.manifests()).hasSize(1);
            assertThat(index.manifests().get(0).digest().toString()).isEqualTo(data.refsManifestCLayerArtifact.digest());
        });

        it("Teardown", "Delete created manifest & associated tags", () -> {
            runOnlyIf(settings.discoverySetup, "discovery setup disabled");
            List<String> references = List.of(data.refsIndexArtifact.digest(), data.manifests[2].digest(),
                    data.manifests[4].digest(), data.refsManifestAConfigArtifact.digest(),
                    data.refsManifestALayerArtifact.digest(), ConformanceData.TEST_TAG_NAME,
                    data.refsManifestBConfigArtifact.digest(), data.refsManifestBLayerArtifact.digest(),
                    data.refsManifestCLayerArtifact.digest());
            for (String ref : references) {
                Response r = client.request("DELETE", "/v2/<name>/manifests/<digest>").digest(ref).send();
                Checks.successOr(r, 405, 404);
            }
        });
        it("Teardown", "Delete config blob created in tests", () -> deleteBlob(data.configs[2].digest()));
        it("Teardown", "Delete layer blob created in setup", () -> deleteBlob(data.layer.digest()));
        it("Teardown", "References teardown", () -> {
            runOnlyIf(settings.discoverySetup, "discovery setup disabled");
            for (TestBlob m : List.of(data.refsIndexArtifact, data.refsManifestAConfigArtifact,
                    data.refsManifestALayerArtifact, data.manifests[4], data.refsManifestBConfigArtifact,
                    data.refsManifestBLayerArtifact)) {
                Response r = client.request("DELETE", "/v2/<name>/manifests/<reference>").reference(m.digest()).send();
                Checks.successOr(r, 405, 404);
            }
            for (TestBlob b : List.of(data.configs[4], data.refBlobA, data.refBlobB, data.emptyJson)) {
                Response r = client.request("DELETE", "/v2/<name>/blobs/<digest>").digest(b.digest()).send();
                Checks.successOr(r, 405, 404);
            }
        });
        return specs;
    }

    private void populate(TestBlob blob) {
        runOnlyIf(settings.discoverySetup, "discovery setup disabled");
        Checks.success(Checks.postThenPut(client, client.defaultName, blob));
    }

    private void deleteBlob(String digest) {
        runOnlyIf(settings.discoverySetup, "discovery setup disabled");
        Checks.successOr(client.request("DELETE", "/v2/<name>/blobs/<digest>").digest(digest).send(), 405);
    }

    private Response putManifest(String reference, String mediaType, TestBlob manifest) {
        return client.request("PUT", "/v2/<name>/manifests/<reference>").reference(reference)
                .header("Content-Type", mediaType).body(manifest.content()).send();
    }

    /** Pushes a referrer by digest; the registry must say it saw the subject. */
    private void putReferrer(TestBlob manifest, String mediaType, TestBlob subject) {
        Response r = putManifest(manifest.digest(), mediaType, manifest);
        Checks.success(r);
        assertThat(r.header("OCI-Subject")).as("OCI-Subject of %s", r).isEqualTo(subject.digest());
    }

    private void referencesSetup() {
        runOnlyIf(settings.discoverySetup, "discovery setup disabled");
        assertThat(data.emptyJson.digest())
                .isEqualTo("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
        Checks.success(Checks.postThenPut(client, client.defaultName, data.emptyJson));
        // Referrers pushed before their subject...
        Checks.success(Checks.postThenPut(client, client.defaultName, data.refBlobA));
        putReferrer(data.refsManifestAConfigArtifact, ConformanceData.MANIFEST, data.manifests[4]);
        putReferrer(data.refsManifestALayerArtifact, ConformanceData.MANIFEST, data.manifests[4]);
        putReferrer(data.refsIndexArtifact, ConformanceData.INDEX, data.manifests[4]);
        // ...the subject...
        Checks.success(Checks.postThenPut(client, client.defaultName, data.configs[4]));
        Checks.success(Checks.postThenPut(client, client.defaultName, data.layer));
        Checks.success(putManifest(ConformanceData.TEST_TAG_NAME, ConformanceData.MANIFEST, data.manifests[4]));
        // ...referrers pushed after it, and one whose subject never comes.
        Checks.success(Checks.postThenPut(client, client.defaultName, data.refBlobB));
        putReferrer(data.refsManifestBConfigArtifact, ConformanceData.MANIFEST, data.manifests[4]);
        putReferrer(data.refsManifestBLayerArtifact, ConformanceData.MANIFEST, data.manifests[4]);
        putReferrer(data.refsManifestCLayerArtifact, ConformanceData.MANIFEST, data.manifests[3]);
    }

    private ImageIndex referrers(String digest, String artifactType) {
        ConformanceClient.Request req = client.request("GET", "/v2/<name>/referrers/<digest>").digest(digest);
        if (artifactType != null) {
            req.query("artifactType", artifactType);
        }
        return referrersIndex(req.send());
    }

    private static ImageIndex referrersIndex(Response r) {
        Checks.status(r, 200);
        assertThat(r.header("Content-Type")).as("Content-Type of %s", r).isEqualTo(ConformanceData.INDEX);
        return ImageJson.readIndex(r.body());
    }

    private void annotatedAsPushed(Descriptor d) {
        assertThat(d.annotations()).as("annotations of %s", d.digest()).hasSize(1);
        assertThat(d.annotations().get(ConformanceData.ANNOTATION_KEY))
                .isEqualTo(data.annotationValues.get(d.digest().toString()));
    }

    /** The tags of a tag list; none when the body is not one (as the suite's helper). */
    private static List<String> tags(Response r) {
        try {
            return new ArrayList<>(DistributionJson.standard().readTagList(r.body()).tags());
        } catch (RuntimeException e) {
            return new ArrayList<>();
        }
    }
}
