package dev.oci4j.distribution.conformance;

import static dev.oci4j.distribution.conformance.Spec.runOnlyIf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.conformance.ConformanceClient.Response;
import java.util.ArrayList;
import java.util.List;

/** 02_push_test.go: streamed, monolithic and chunked uploads, cross-repository mounts, manifest upload. */
final class PushWorkflow {

    private static final String OCTETS = "application/octet-stream";

    private final ConformanceClient client;
    private final ConformanceData data;
    private final ConformanceSettings settings;
    private final String crossmountNamespace;
    private final List<Spec> specs = new ArrayList<>();
    private Response lastResponse;
    private Response prevResponse;
    private String emptyLayerManifestRef = "";

    private PushWorkflow(ConformanceClient client, ConformanceData data, ConformanceSettings settings,
            String crossmountNamespace) {
        this.client = client;
        this.data = data;
        this.settings = settings;
        this.crossmountNamespace = crossmountNamespace;
    }

    static List<Spec> specs(ConformanceClient client, ConformanceData data, ConformanceSettings settings,
            String crossmountNamespace) {
        return new PushWorkflow(client, data, settings, crossmountNamespace).build();
    }

    private void it(String context, String name, Spec.Body body) {
        specs.add(new Spec("Push", context, name, body));
    }

    private ConformanceClient.Request request(String method, String path) {
        return client.request(method, path);
    }

    private List<Spec> build() {
        streamed();
        monolithic();
        chunked();
        crossMount();
        manifestUpload();
        it("Teardown", "Delete manifest created in tests", () -> {
            runOnlyIf(settings.pushSetup, "push setup disabled");
            Response r = request("DELETE", "/v2/<name>/manifests/<digest>").digest(data.manifests[1].digest()).send();
            Checks.successOr(r, 405);
            if (!emptyLayerManifestRef.isEmpty()) {
                r = request("DELETE", "/v2/<name>/manifests/<reference>").reference(data.emptyLayerManifest.digest()).send();
                Checks.successOr(r, 405);
            }
        });
        it("Teardown", "Delete config blob created in tests", () -> deleteBlob(data.configs[1].digest()));
        it("Teardown", "Delete layer blob created in setup", () -> deleteBlob(data.layer.digest()));
        return specs;
    }

    private void deleteBlob(String digest) {
        runOnlyIf(settings.pushSetup, "push setup disabled");
        Response r = request("DELETE", "/v2/<name>/blobs/<digest>").digest(digest).send();
        Checks.successOr(r, 404, 405);
    }

    private void streamed() {
        it("Blob Upload Streamed", "PATCH request with blob in body should yield 202 response", () -> {
            Response r = request("POST", "/v2/<name>/blobs/uploads/").send();
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
            r = request("PATCH", r.relativeLocation()).header("Content-Type", OCTETS).body(data.blobA.content()).send();
            Checks.status(r, 202);
            lastResponse = r;
        });
        it("Blob Upload Streamed", "PUT request to session URL with digest should yield 201 response", () -> {
            assertThat(lastResponse).as("the PATCH's response").isNotNull();
            Response r = request("PUT", lastResponse.relativeLocation()).query("digest", data.blobA.digest())
                    .header("Content-Type", OCTETS).header("Content-Length", data.blobA.length()).send();
            Checks.status(r, 201);
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
        });
    }

    private void monolithic() {
        String context = "Blob Upload Monolithic";
        it(context, "GET nonexistent blob should result in 404 response", () -> {
            Checks.status(request("GET", "/v2/<name>/blobs/<digest>").digest(data.dummyDigest).send(), 404);
        });
        it(context, "POST request with digest and blob should yield a 201 or 202", () -> {
            Response r = request("POST", "/v2/<name>/blobs/uploads/").header("Content-Length", data.configs[1].length())
                    .header("Content-Type", OCTETS).query("digest", data.configs[1].digest())
                    .body(data.configs[1].content()).send();
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
            Checks.statusIn(r, 201, 202);
            lastResponse = r;
        });
        it(context, "GET request to blob URL from prior request should yield 200 or 404 based on response code", () -> {
            assertThat(lastResponse).as("the POST's response").isNotNull();
            Response r = request("GET", "/v2/<name>/blobs/<digest>").digest(data.configs[1].digest()).send();
            Checks.status(r, lastResponse.status() == 202 ? 404 : 200);
        });
        it(context, "POST request should yield a session ID", () -> {
            Response r = request("POST", "/v2/<name>/blobs/uploads/").send();
            Checks.status(r, 202);
            lastResponse = r;
        });
        it(context, "PUT upload of a blob should yield a 201 Response", () -> {
            Response r = request("PUT", lastResponse.relativeLocation()).header("Content-Length", data.configs[1].length())
                    .header("Content-Type", OCTETS).query("digest", data.configs[1].digest())
                    .body(data.configs[1].content()).send();
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
            Checks.status(r, 201);
        });
        it(context, "GET request to existing blob should yield 200 response", () -> {
            Checks.status(request("GET", "/v2/<name>/blobs/<digest>").digest(data.configs[1].digest()).send(), 200);
        });
        it(context, "PUT upload of a layer blob should yield a 201 Response", () -> {
            Response r = Checks.postThenPut(client, client.defaultName, data.layer);
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
            Checks.status(r, 201);
        });
        it(context, "GET request to existing layer should yield 200 response", () -> {
            Checks.status(request("GET", "/v2/<name>/blobs/<digest>").digest(data.layer.digest()).send(), 200);
        });
    }

    private void chunked() {
        String context = "Blob Upload Chunked";
        it(context, "Out-of-order blob upload should return 416", () -> {
            Response r = request("POST", "/v2/<name>/blobs/uploads/").header("Content-Length", "0").send();
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
            // A registry asking for bigger chunks than ours gets a blob cut to its size.
            String min = r.header("OCI-Chunk-Min-Length");
            if (!min.isEmpty()) {
                int minSize = Integer.parseInt(min);
                if (minSize > data.chunk1.content().length) {
                    data.setupChunkedBlob(minSize * 2 - 2);
                }
            }
            r = request("PATCH", r.relativeLocation()).header("Content-Type", OCTETS)
                    .header("Content-Length", data.chunk2.length()).header("Content-Range", data.chunk2Range)
                    .body(data.chunk2.content()).send();
            Checks.status(r, 416);
        });
        it(context, "PATCH request with first chunk should return 202", () -> {
            Response r = request("POST", "/v2/<name>/blobs/uploads/").header("Content-Length", "0").send();
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
            prevResponse = r;
            r = request("PATCH", r.relativeLocation()).header("Content-Type", OCTETS)
                    .header("Content-Length", data.chunk1.length()).header("Content-Range", data.chunk1Range)
                    .body(data.chunk1.content()).send();
            Checks.status(r, 202);
            assertThat(r.header("Range")).as("Range of %s", r).isEqualTo(data.chunk1Range);
            lastResponse = r;
        });
        it(context, "Retry previous blob chunk should return 416", () -> {
            Response r = request("PATCH", prevResponse.relativeLocation()).header("Content-Type", OCTETS)
                    .header("Content-Length", data.chunk1.length()).header("Content-Range", data.chunk1Range)
                    .body(data.chunk1.content()).send();
            Checks.status(r, 416);
        });
        it(context, "Get on stale blob upload should return 204 with a range and location", () -> {
            Response r = request("GET", prevResponse.relativeLocation()).send();
            Checks.status(r, 204);
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
            assertThat(r.header("Range")).as("Range of %s", r).isEqualTo(data.chunk1Range);
            lastResponse = r;
        });
        it(context, "PATCH request with second chunk should return 202", () -> {
            Response r = request("PATCH", lastResponse.relativeLocation()).header("Content-Length", data.chunk2.length())
                    .header("Content-Range", data.chunk2Range).header("Content-Type", OCTETS)
                    .body(data.chunk2.content()).send();
            Checks.status(r, 202);
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
            lastResponse = r;
        });
        it(context, "PUT request with digest should return 201", () -> {
            Response r = request("PUT", lastResponse.relativeLocation()).header("Content-Length", "0")
                    .header("Content-Type", OCTETS).query("digest", data.blobB.digest()).send();
            Checks.status(r, 201);
            assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
        });
    }

    private void crossMount() {
        String context = "Cross-Repository Blob Mount";
        it(context, "Cross-mounting of a blob without the from argument should yield session id", () -> {
            Response r = request("POST", "/v2/<name>/blobs/uploads/").name(crossmountNamespace)
                    .query("mount", data.dummyDigest).send();
            Checks.status(r, 202);
            assertThat(r.absoluteLocation()).as("Location of %s", r).isNotEmpty();
        });
        it(context, "POST request to mount another repository's blob should return 201 or 202", () -> {
            Response r = request("POST", "/v2/<name>/blobs/uploads/").name(crossmountNamespace)
                    .query("mount", data.blobA.digest()).query("from", client.defaultName).send();
            Checks.statusIn(r, 201, 202);
            lastResponse = r;
        });
        it(context, "GET request to test digest within cross-mount namespace should return 200", () -> {
            runOnlyIf(lastResponse.status() == 201, "the mount answered " + lastResponse.status() + ", not 201");
            assertThat(lastResponse.relativeLocation())
                    .isEqualTo("/v2/" + crossmountNamespace + "/blobs/" + data.blobA.digest());
            Checks.status(request("GET", lastResponse.relativeLocation()).send(), 200);
        });
        it(context, "Cross-mounting of nonexistent blob should yield session id", () -> {
            runOnlyIf(lastResponse.status() == 202, "the mount answered " + lastResponse.status() + ", not 202");
            assertThat(lastResponse.relativeLocation()).startsWith("/v2/" + crossmountNamespace + "/blobs/uploads/");
        });
        it(context, "Cross-mounting without from, and automatic content discovery enabled should return a 201", () -> {
            runOnlyIf(settings.automaticCrossmountTested, "OCI_AUTOMATIC_CROSSMOUNT is not set");
            runOnlyIf(lastResponse.status() == 201, "the mount with from answered " + lastResponse.status());
            runOnlyIf(settings.automaticCrossmountEnabled, "automatic cross-mounting is off");
            Response r = request("POST", "/v2/<name>/blobs/uploads/").name(crossmountNamespace)
                    .query("mount", data.blobA.digest()).send();
            Checks.status(r, 201);
        });
        it(context, "Cross-mounting without from, and automatic content discovery disabled should return a 202", () -> {
            runOnlyIf(settings.automaticCrossmountTested, "OCI_AUTOMATIC_CROSSMOUNT is not set");
            runOnlyIf(lastResponse.status() == 201, "the mount with from answered " + lastResponse.status());
            runOnlyIf(!settings.automaticCrossmountEnabled, "automatic cross-mounting is on");
            Response r = request("POST", "/v2/<name>/blobs/uploads/").name(crossmountNamespace)
                    .query("mount", data.blobA.digest()).send();
            Checks.status(r, 202);
        });
    }

    private void manifestUpload() {
        String context = "Manifest Upload";
        it(context, "GET nonexistent manifest should return 404", () -> {
            Response r = request("GET", "/v2/<name>/manifests/<reference>").reference(ConformanceData.NONEXISTENT_MANIFEST)
                    .send();
            Checks.status(r, 404);
        });
        it(context, "PUT should accept a manifest upload", () -> {
            for (int i = 0; i < 4; i++) {
                Response r = request("PUT", "/v2/<name>/manifests/<reference>").reference("test" + i)
                        .header("Content-Type", ConformanceData.MANIFEST).body(data.manifests[1].content()).send();
                assertThat(r.header("Location")).as("Location of %s", r).isNotEmpty();
                Checks.status(r, 201);
            }
        });
        it(context, "Registry should accept a manifest upload with no layers", () -> {
            Response r = request("PUT", "/v2/<name>/manifests/<reference>").reference(ConformanceData.EMPTY_LAYER_TEST_TAG)
                    .header("Content-Type", ConformanceData.MANIFEST).body(data.emptyLayerManifest.content()).send();
            // The suite only warns when a registry refuses it.
            if (r.status() == 201) {
                emptyLayerManifestRef = r.header("Location");
                assertThat(emptyLayerManifestRef).as("Location of %s", r).isNotEmpty();
            }
        });
        it(context, "GET request to manifest URL (digest) should yield 200 response", () -> {
            Response r = request("GET", "/v2/<name>/manifests/<digest>").digest(data.manifests[1].digest())
                    .header("Accept", ConformanceData.MANIFEST).send();
            Checks.status(r, 200);
        });
    }
}
