package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB blob ({@code -Doci4j.bigBlobMiB} to change) pushed in chunks to a registry whose JVM has a
 * 64 MiB heap, then pulled back: the server streams, it never holds a blob in memory.
 */
class BigBlobTest {

    static final long CHUNK = 64L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aGibibyteBlobPushedInChunksAndPulledThroughA64MiBHeap() throws Exception {
        long size = Long.getLong("oci4j.bigBlobMiB", 1024) * 1024 * 1024;
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), ServeForTest.class.getName(), dir.resolve("storage").toString())
                .redirectError(dir.resolve("server.err").toFile()).start();
        try {
            String port = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(port).as("server port; stderr in " + dir.resolve("server.err")).isNotNull();
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpClient client = HttpClient.newHttpClient();
            MessageDigest pushed = MessageDigest.getInstance("SHA-256");
            Random random = new Random(42);
            String location = client.send(HttpRequest.newBuilder(base.resolve("/v2/big/blobs/uploads/"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("Location").orElseThrow();
            for (long offset = 0; offset < size; offset += CHUNK) {
                long n = Math.min(CHUNK, size - offset);
                byte[] chunkSeed = new byte[8];
                random.nextBytes(chunkSeed);
                HttpRequest patch = HttpRequest.newBuilder(base.resolve(location))
                        .header("Content-Range", offset + "-" + (offset + n - 1))
                        .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> generated(chunkSeed, n, pushed)), n))
                        .build();
                HttpResponse<Void> r = client.send(patch, HttpResponse.BodyHandlers.discarding());
                assertThat(r.statusCode()).isEqualTo(202);
                location = r.headers().firstValue("Location").orElseThrow();
            }
            String digest = "sha256:" + HexFormat.of().formatHex(pushed.digest());
            HttpResponse<Void> put = client.send(HttpRequest.newBuilder(base.resolve(location + "?digest=" + digest))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(put.statusCode()).isEqualTo(201);

            HttpResponse<InputStream> get = client.send(HttpRequest.newBuilder(base.resolve("/v2/big/blobs/" + digest)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(get.statusCode()).isEqualTo(200);
            MessageDigest pulled = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (InputStream in = get.body()) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = in.read(buf)) >= 0; total += r) {
                    pulled.update(buf, 0, r);
                }
            }
            assertThat(total).isEqualTo(size);
            assertThat("sha256:" + HexFormat.of().formatHex(pulled.digest())).isEqualTo(digest);
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
    }

    /** {@code n} pseudo-random bytes made as they are read, fed to {@code md} too. */
    private static InputStream generated(byte[] seed, long n, MessageDigest md) {
        Random r = new Random(java.nio.ByteBuffer.wrap(seed).getLong());
        return new InputStream() {
            long left = n;
            final byte[] block = new byte[1 << 16];

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int k = (int) Math.min(Math.min(len, block.length), left);
                r.nextBytes(block);
                System.arraycopy(block, 0, b, off, k);
                md.update(b, off, k);
                left -= k;
                return k;
            }
        };
    }
}
