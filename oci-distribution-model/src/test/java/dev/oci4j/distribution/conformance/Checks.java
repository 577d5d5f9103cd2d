package dev.oci4j.distribution.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.conformance.ConformanceClient.Response;
import dev.oci4j.distribution.conformance.ConformanceData.TestBlob;
import java.util.Arrays;

/** The suite's recurring expectations, each failure naming the request and what came back. */
final class Checks {

    private Checks() {
    }

    static void status(Response r, int expected) {
        assertThat(r.status()).as("%s", r).isEqualTo(expected);
    }

    static void statusIn(Response r, Integer... allowed) {
        assertThat(r.status()).as("%s", r).isIn(Arrays.asList(allowed));
    }

    /** 2xx. */
    static void success(Response r) {
        assertThat(r.status()).as("%s", r).isBetween(200, 299);
    }

    /** 2xx or one of {@code others}. */
    static void successOr(Response r, Integer... others) {
        boolean ok = r.status() >= 200 && r.status() < 300 || Arrays.asList(others).contains(r.status());
        assertThat(ok).as("2xx or %s expected: %s", Arrays.toString(others), r).isTrue();
    }

    static void digestHeaderIfPresent(Response r, String digest) {
        String h = r.header("Docker-Content-Digest");
        if (!h.isEmpty()) {
            assertThat(h).as("Docker-Content-Digest of %s", r).isEqualTo(digest);
        }
    }

    /** The setups' upload: POST for a session, then PUT the whole blob with its digest. */
    static Response postThenPut(ConformanceClient client, String name, TestBlob blob) {
        Response session = client.request("POST", "/v2/<name>/blobs/uploads/").name(name).send();
        return client.request("PUT", session.relativeLocation()).query("digest", blob.digest())
                .header("Content-Type", "application/octet-stream").header("Content-Length", blob.length())
                .body(blob.content()).send();
    }
}
