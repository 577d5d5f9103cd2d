package dev.oci4j.distribution.conformance;

import static dev.oci4j.distribution.conformance.Spec.runOnlyIf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.conformance.ConformanceClient.Response;
import dev.oci4j.distribution.conformance.ConformanceData.TestBlob;
import java.util.ArrayList;
import java.util.List;

/** 01_pull_test.go: blobs and manifests pushed in setup are pulled back by digest and by tag. */
final class PullWorkflow {

    private final ConformanceClient client;
    private final ConformanceData data;
    private final ConformanceSettings settings;
    private final List<Spec> specs = new ArrayList<>();
    private String tag = "";

    private PullWorkflow(ConformanceClient client, ConformanceData data, ConformanceSettings settings) {
        this.client = client;
        this.data = data;
        this.settings = settings;
    }

    static List<Spec> specs(ConformanceClient client, ConformanceData data, ConformanceSettings settings) {
        return new PullWorkflow(client, data, settings).build();
    }

    private void it(String context, String name, Spec.Body body) {
        specs.add(new Spec("Pull", context, name, body));
    }

    private List<Spec> build() {
        it("Setup", "Populate registry with test blob", () -> populate(data.configs[0]));
        it("Setup", "Populate registry with test blob", () -> populate(data.configs[1]));
        it("Setup", "Populate registry with test layer", () -> populate(data.layer));
        it("Setup", "Populate registry with test manifest", () -> {
            runOnlyIf(settings.pullSetup, "pull setup disabled");
            tag = ConformanceData.TEST_TAG_NAME;
            Response r = client.request("PUT", "/v2/<name>/manifests/<reference>").reference(tag)
                    .header("Content-Type", ConformanceData.MANIFEST).body(data.manifests[0].content()).send();
            Checks.success(r);
        });
        it("Setup", "Populate registry with test manifest", () -> {
            runOnlyIf(settings.pullSetup, "pull setup disabled");
            Response r = client.request("PUT", "/v2/<name>/manifests/<reference>").reference(data.manifests[1].digest())
                    .header("Content-Type", ConformanceData.MANIFEST).body(data.manifests[1].content()).send();
            Checks.success(r);
        });
        it("Setup", "Get tag name from environment", () -> {
            runOnlyIf(!settings.pullSetup, "pull setup ran: no tag name from the environment is needed");
            tag = settings.tagName;
        });

        it("Pull blobs", "HEAD request to nonexistent blob should result in 404 response", () -> {
            Response r = client.request("HEAD", "/v2/<name>/blobs/<digest>").digest(data.dummyDigest).send();
            Checks.status(r, 404);
        });
        it("Pull blobs", "HEAD request to existing blob should yield 200", () -> {
            Response r = client.request("HEAD", "/v2/<name>/blobs/<digest>").digest(data.configs[0].digest()).send();
            Checks.status(r, 200);
            Checks.digestHeaderIfPresent(r, data.configs[0].digest());
        });
        it("Pull blobs", "GET nonexistent blob should result in 404 response", () -> {
            Response r = client.request("GET", "/v2/<name>/blobs/<digest>").digest(data.dummyDigest).send();
            Checks.status(r, 404);
        });
        it("Pull blobs", "GET request to existing blob URL should yield 200", () -> {
            Response r = client.request("GET", "/v2/<name>/blobs/<digest>").digest(data.configs[0].digest()).send();
            Checks.status(r, 200);
        });

        it("Pull manifests", "HEAD request to nonexistent manifest should return 404", () -> {
            Response r = client.request("HEAD", "/v2/<name>/manifests/<reference>")
                    .reference(ConformanceData.NONEXISTENT_MANIFEST).send();
            Checks.status(r, 404);
        });
        it("Pull manifests", "HEAD request to manifest[0] path (digest) should yield 200 response",
                () -> headManifest(data.manifests[0].digest(), data.manifests[0].digest()));
        it("Pull manifests", "HEAD request to manifest[1] path (digest) should yield 200 response",
                () -> headManifest(data.manifests[1].digest(), data.manifests[1].digest()));
        it("Pull manifests", "HEAD request to manifest path (tag) should yield 200 response", () -> {
            assertThat(tag).as("tag").isNotEmpty();
            headManifest(tag, data.manifests[0].digest());
        });
        it("Pull manifests", "GET nonexistent manifest should return 404", () -> {
            Response r = client.request("GET", "/v2/<name>/manifests/<reference>")
                    .reference(ConformanceData.NONEXISTENT_MANIFEST).send();
            Checks.status(r, 404);
        });
        it("Pull manifests", "GET request to manifest[0] path (digest) should yield 200 response",
                () -> Checks.status(getManifest(data.manifests[0].digest()), 200));
        it("Pull manifests", "GET request to manifest[1] path (digest) should yield 200 response",
                () -> Checks.status(getManifest(data.manifests[1].digest()), 200));
        it("Pull manifests", "GET request to manifest path (tag) should yield 200 response", () -> {
            assertThat(tag).as("tag").isNotEmpty();
            Checks.status(getManifest(tag), 200);
        });

        it("Error codes", "400 response body should contain OCI-conforming JSON message", () -> {
            Response r = client.request("GET", "/v2/<name>/manifests/<reference>").reference("sha256:totallywrong")
                    .header("Content-Type", ConformanceData.MANIFEST).body(data.invalidManifestContent).send();
            Checks.statusIn(r, 400, 404);
            if (r.status() == 400) {
                List<String> codes = r.errorCodes();
                assertThat(codes).as("%s", r).isNotEmpty();
                assertThat(ConformanceData.ERROR_CODES).as("%s", r).contains(codes.get(0));
            }
        });

        // The suite's default: manifests are deleted before the blobs they reference.
        it("Teardown", "Delete manifest[0] created in setup", () -> deleteManifest(data.manifests[0]));
        it("Teardown", "Delete manifest[1] created in setup", () -> deleteManifest(data.manifests[1]));
        it("Teardown", "Delete config[0] blob created in setup", () -> deleteBlob(data.configs[0].digest()));
        it("Teardown", "Delete config[1] blob created in setup", () -> deleteBlob(data.configs[1].digest()));
        it("Teardown", "Delete layer blob created in setup", () -> deleteBlob(data.layer.digest()));
        return specs;
    }

    private void populate(TestBlob blob) {
        runOnlyIf(settings.pullSetup, "pull setup disabled");
        Checks.success(Checks.postThenPut(client, client.defaultName, blob));
    }

    private void headManifest(String reference, String expectedDigest) {
        Response r = client.request("HEAD", "/v2/<name>/manifests/<reference>").reference(reference)
                .header("Accept", ConformanceData.MANIFEST).send();
        Checks.status(r, 200);
        Checks.digestHeaderIfPresent(r, expectedDigest);
    }

    private Response getManifest(String reference) {
        return client.request("GET", "/v2/<name>/manifests/<reference>").reference(reference)
                .header("Accept", ConformanceData.MANIFEST).send();
    }

    private void deleteManifest(TestBlob manifest) {
        runOnlyIf(settings.pullSetup, "pull setup disabled");
        Response r = client.request("DELETE", "/v2/<name>/manifests/<digest>").digest(manifest.digest()).send();
        Checks.successOr(r, 405);
    }

    private void deleteBlob(String digest) {
        runOnlyIf(settings.pullSetup, "pull setup disabled");
        Response r = client.request("DELETE", "/v2/<name>/blobs/<digest>").digest(digest).send();
        Checks.successOr(r, 404, 405);
    }
}
