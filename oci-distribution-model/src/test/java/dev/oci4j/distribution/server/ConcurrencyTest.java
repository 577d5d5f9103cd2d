package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 50 clients push and pull distinct and identical blobs at once: every blob intact, nothing deadlocks. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void fiftyClientsPushAndPullDistinctAndIdenticalBlobs() throws Exception {
        byte[] shared = new byte[300_000];
        new Random(0).nextBytes(shared);
        try (RegistryServer server = RegistryServer.builder().storage(RegistryStorage.onDisk(dir)).workers(8).start()) {
            ExecutorService clients = Executors.newFixedThreadPool(50);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                done.add(clients.submit(() -> {
                    Http http = new Http(server.url());
                    byte[] own = new byte[100_000 + n * 1000];
                    new Random(n + 1).nextBytes(own);
                    String repo = "c/r" + (n % 5);
                    for (byte[] blob : List.of(own, shared)) {
                        String location = http.send("POST", "/v2/" + repo + "/blobs/uploads/", null)
                                .headers().firstValue("Location").orElseThrow();
                        int half = blob.length / 2;
                        location = http.send("PATCH", location, java.util.Arrays.copyOf(blob, half),
                                "Content-Range", "0-" + (half - 1)).headers().firstValue("Location").orElseThrow();
                        HttpResponse<byte[]> put = http.send("PUT", location + "?digest=" + Http.sha256(blob),
                                java.util.Arrays.copyOfRange(blob, half, blob.length));
                        assertThat(put.statusCode()).isEqualTo(201);
                        assertThat(http.get("/v2/" + repo + "/blobs/" + Http.sha256(blob)).body()).isEqualTo(blob);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            clients.shutdown();
            assertThat(server.openUploads()).isZero();
        }
    }
}
