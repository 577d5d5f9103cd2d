package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.Assertions;

class MemoryRegistryServerTest extends RegistryServerContract {

    @Override
    RegistryStorage storage(Path dir) throws IOException {
        return RegistryStorage.inMemory();
    }

    @Test
    void startsOnAFreePortOfTheLoopbackInOneCall() throws IOException {
        try (RegistryServer r = RegistryServer.start()) {
            assertThat(r.host()).isEqualTo("127.0.0.1");
            assertThat(r.port()).isPositive();
            assertThat(r.url().toString()).isEqualTo("http://127.0.0.1:" + r.port());
            assertThat(new Http(r.url()).get("/v2/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPortInUseIsAnIOExceptionNamingTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", taken.getLocalPort());
            Assertions.assertThatThrownBy(() -> RegistryServer.builder().listen(address).start())
                    .isInstanceOf(IOException.class).hasMessageContaining("cannot listen on")
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void abandonedUploadsAreSwept() throws Exception {
        try (RegistryServer r = RegistryServer.builder().uploadTimeout(Duration.ofMillis(200)).start()) {
            Http h = new Http(r.url());
            String location = h.send("POST", "/v2/a/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
            h.send("PATCH", location, Http.utf8("partial"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (r.openUploads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(r.openUploads()).isZero();
            assertThat(h.get(location).statusCode()).isEqualTo(404);
            try (Stream<Path> files = Files.list(r.storage().uploadDirectory())) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void blobsLiveOutsideTheHeapAndNothingIsLeftAfterClose() throws IOException {
        MemoryStorage storage = new MemoryStorage();
        Path root = storage.root();
        try (RegistryServer r = RegistryServer.builder().storage(storage).start()) {
            Http h = new Http(r.url());
            String digest = h.pushBlob("a", Http.utf8("content kept as a file"));
            assertThat(h.send("POST", "/v2/b/blobs/uploads/?mount=" + digest + "&from=a", null).statusCode()).isEqualTo(201);
            try (Stream<Path> files = Files.walk(root)) {
                assertThat(files.filter(Files::isRegularFile)).hasSize(1);   // mounted: shared, not copied
            }
        }
        assertThat(root).doesNotExist();
    }
}
