package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.ImagePuller;
import dev.oci4j.distribution.client.ImagePusher;
import dev.oci4j.distribution.client.PullResult;
import dev.oci4j.distribution.client.RegistryClient;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client and loopback registries that speak TLS: Docker reaches 127.0.0.0/8 and localhost over HTTPS
 * without certificate checks or over plain HTTP, and so does the client (plain HTTP first, TLS when the
 * registry gives no HTTP answer to it, or Go's "HTTP request to an HTTPS server"): the embedded registry
 * and docker-registry, each with a self-signed certificate.
 */
class LoopbackTlsClientTest {

    @TempDir
    Path dir;

    BuiltImage image(ImageLayout layout) throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        Files.write(root.resolve("data.bin"), bytes);
        return ImageBuilder.fromScratch().platform(Platform.of("linux", "amd64")).addLayer(root).writeTo(layout, "1");
    }

    @Test
    void aSelfSignedTlsRegistryOnLoopbackIsPushedToAndPulledFrom() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir.resolve("rsa"), "RSA");
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = image(src);
        try (RegistryServer server = RegistryServer.builder().tls(cert.certificate, cert.pkcs8Key).start()) {
            assertThat(server.isTls()).isTrue();
            Reference ref = Reference.parse(server.hostPort() + "/tls/app:1");
            // A fresh client each way: each finds out on its own that the registry speaks TLS.
            ImagePusher.of(RegistryClient.builder().build()).push(src, src.resolve("1").orElseThrow(), ref);
            PullResult pulled = ImagePuller.of(RegistryClient.builder().build())
                    .pull(ref, ImageLayout.create(dir.resolve("dst")), "1");
            assertThat(pulled.named().digest()).isEqualTo(built.digest());
        }
    }

    @Test
    void dockerRegistryWithTlsOnLoopbackIsPushedToAndPulledFrom() throws Exception {
        // Go's TLS server answers plain HTTP with a bare 400 "Client sent an HTTP request to an HTTPS server".
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir.resolve("rsa"), "RSA");
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = image(src);
        // LocalRegistry puts this right under http.addr: it becomes http.tls.
        String tls = String.join("\n", "  tls:", "    certificate: " + cert.certificate, "    key: " + cert.pkcs8Key);
        try (LocalRegistry registry = LocalRegistry.start(Files.createDirectories(dir.resolve("docker-registry")), tls)) {
            Reference ref = Reference.parse(registry.host() + "/tls/app:1");
            ImagePusher.of(RegistryClient.builder().build()).push(src, src.resolve("1").orElseThrow(), ref);
            PullResult pulled = ImagePuller.of(RegistryClient.builder().build())
                    .pull(ref, ImageLayout.create(dir.resolve("dst")), "1");
            assertThat(pulled.named().digest()).isEqualTo(built.digest());
        }
    }

    @Test
    void aPlainHttpRegistryOnLoopbackStaysOnPlainHttp() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = image(src);
        try (RegistryServer server = RegistryServer.builder().requestLog(line -> { }).start()) {
            RegistryClient client = RegistryClient.builder().build();
            Reference ref = Reference.parse(server.hostPort() + "/plain/app:1");
            ImagePusher.of(client).push(src, src.resolve("1").orElseThrow(), ref);
            assertThat(ImagePuller.of(client).pull(ref, ImageLayout.create(dir.resolve("dst")), "1").named().digest())
                    .isEqualTo(built.digest());
            assertThat(server.isTls()).isFalse();
        }
    }
}
