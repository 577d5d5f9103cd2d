package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oci registry serve} through the packaged jar: it serves, logs one line per request, and stops on SIGTERM. */
class RegistryServeJarIT {

    @TempDir
    Path dir;

    @Test
    void servesUntilStoppedAndLogsEachRequest() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String jar = System.getProperty("oci.jar", "target/oci.jar");
        assertThat(Path.of(jar)).as("the packaged command").exists();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                "registry", "serve", "--listen", "127.0.0.1:" + port, "--storage", dir.resolve("storage").toString())
                .redirectError(dir.resolve("err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> r = null;
            for (int i = 0; i < 200 && r == null; i++) {
                try {
                    r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(50);
                }
            }
            assertThat(r).isNotNull();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(out.readLine()).matches("GET /v2/ 200 2 \\d+ms");
            assertThat(Files.readString(dir.resolve("err"))).contains("listening on http://127.0.0.1:" + port);
        } finally {
            p.destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.isDirectory(dir.resolve("storage/_uploads"))).isTrue();
        assertThat(List.of(p.exitValue())).first().isIn(0, 143);
    }
}
