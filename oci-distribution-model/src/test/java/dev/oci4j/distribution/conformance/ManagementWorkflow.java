package dev.oci4j.distribution.conformance;

import static dev.oci4j.distribution.conformance.Spec.runOnlyIf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.DistributionJson;
import dev.oci4j.distribution.conformance.ConformanceClient.Response;
import java.util.ArrayList;
import java.util.List;

/** 04_management_test.go: deleting a tag, a manifest and blobs, and seeing them gone. */
final class ManagementWorkflow {

    private final ConformanceClient client;
    private final ConformanceData data;
    private final ConformanceSettings settings;
    private final List<Spec> specs = new ArrayList<>();
    private String tagToDelete = "";
    private int numTags;
    private boolean blobDeleteAllowed = true;

    private ManagementWorkflow(ConformanceClient client, ConformanceData data, ConformanceSettings settings) {
        this.client = client;
        this.data = data;
        this.settings = settings;
    }

    static List<Spec> specs(ConformanceClient client, ConformanceData data, ConformanceSettings settings) {
        return new ManagementWorkflow(client, data, settings).build();
    }

    private void it(String context, String name, Spec.Body body) {
        specs.add(new Spec("Content Management", context, name, body));
    }

    private List<Spec> build() {
        it("Setup", "Populate registry with test config blob", () -> {
            runOnlyIf(settings.managementSetup, "management setup disabled");
            Checks.success(Checks.postThenPut(client, client.defaultName, data.configs[3]));
        });
        it("Setup", "Populate registry with test layer", () -> {
            runOnlyIf(settings.managementSetup, "management setup disabled");
            Checks.success(Checks.postThenPut(client, client.defaultName, data.layer));
        });
        it("Setup", "Populate registry with test tag", () -> {
            runOnlyIf(settings.managementSetup, "management setup disabled");
            tagToDelete = ConformanceData.TEST_TAG_NAME;
            Response r = client.request("PUT", "/v2/<name>/manifests/<reference>").reference(tagToDelete)
                    .header("Content-Type", ConformanceData.MANIFEST).body(data.manifests[3].content()).send();
            Checks.success(r);
        });
        it("Setup", "Check how many tags there are before anything gets deleted", () -> {
            runOnlyIf(settings.managementSetup, "management setup disabled");
            Response r = client.request("GET", "/v2/<name>/tags/list").send();
            Checks.status(r, 200);
            numTags = DistributionJson.standard().readTagList(r.body()).tags().size();
        });

        it("Manifest delete", "DELETE request to manifest tag should return 202, unless tag deletion is disallowed (400/405)",
                () -> {
                    Response r = client.request("DELETE", "/v2/<name>/manifests/<reference>").reference(tagToDelete).send();
                    Checks.statusIn(r, 400, 202, 405);
                    if (r.status() == 400) {
                        List<String> codes = r.errorCodes();
                        assertThat(codes).as("%s", r).isNotEmpty();
                        assertThat(codes.get(0)).as("%s", r).isEqualTo("UNSUPPORTED");
                    }
                });
        it("Manifest delete", "DELETE request to manifest (digest) should yield 202 response unless already deleted", () -> {
            Response r = client.request("DELETE", "/v2/<name>/manifests/<digest>").digest(data.manifests[3].digest()).send();
            Checks.statusIn(r, 202, 404);
        });
        it("Manifest delete", "GET request to deleted manifest URL should yield 404 response, unless delete is disallowed",
                () -> {
                    Response r = client.request("GET", "/v2/<name>/manifests/<digest>").digest(data.manifests[3].digest())
                            .send();
                    Checks.statusIn(r, 404, 200);
                });
        it("Manifest delete", "GET request to tags list should reflect manifest deletion", () -> {
            Response r = client.request("GET", "/v2/<name>/tags/list").send();
            Checks.status(r, 200);
            assertThat(DistributionJson.standard().readTagList(r.body()).tags().size()).as("tags of %s", r)
                    .isLessThan(numTags);
        });

        it("Blob delete", "DELETE request to blob URL should yield 202 response", () -> {
            runOnlyIf(settings.managementSetup, "management setup disabled");
            Response r = client.request("DELETE", "/v2/<name>/blobs/<digest>").digest(data.configs[3].digest()).send();
            Checks.statusIn(r, 202, 404, 405);
            r = client.request("DELETE", "/v2/<name>/blobs/<digest>").digest(data.layer.digest()).send();
            Checks.statusIn(r, 202, 404, 405);
            if (r.status() == 405) {
                blobDeleteAllowed = false;
            }
        });
        it("Blob delete", "GET request to deleted blob URL should yield 404 response", () -> {
            runOnlyIf(settings.managementSetup, "management setup disabled");
            runOnlyIf(blobDeleteAllowed, "the registry does not delete blobs");
            Checks.status(client.request("GET", "/v2/<name>/blobs/<digest>").digest(data.configs[3].digest()).send(), 404);
        });
        return specs;
    }
}
