package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.CredentialProvider;
import dev.oci4j.distribution.client.Credentials;
import dev.oci4j.distribution.client.ImagePuller;
import dev.oci4j.distribution.client.ImagePusher;
import dev.oci4j.distribution.client.PullResult;
import dev.oci4j.distribution.client.RegistryClient;
import dev.oci4j.distribution.client.RegistryException;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that speak docker's token authentication push and pull through the server's own token endpoint,
 * with users from an htpasswd file the test writes (bcrypt, as docker-registry's) and per-repository grants.
 */
class AuthInteropTest {

    @TempDir
    Path dir;

    Path htpasswd() throws IOException {
        return Files.writeString(dir.resolve("htpasswd"), Htpasswd.entry("ci", "push-secret") + "\n"
                + Htpasswd.entry("reader", "read-secret") + "\n");
    }

    RegistryServer.Builder server() throws IOException {
        return RegistryServer.builder().htpasswd(htpasswd()).grantPush("ci", "team/*").grantPull("reader", "team/app")
                .bearerTokens(Duration.ofMinutes(5));
    }

    BuiltImage image(ImageLayout layout, String ref, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Path root = Files.createDirectories(dir.resolve("rootfs-" + seed));
        Files.write(root.resolve("data.bin"), bytes);
        return ImageBuilder.fromScratch().platform(Platform.of("linux", "amd64")).addLayer(root).writeTo(layout, ref);
    }

    static RegistryClient client(RegistryServer server, String user, String password) {
        return RegistryClient.builder().credentials(CredentialProvider.of(server.hostPort(),
                Credentials.basic(user, password))).chunkSize(64 * 1024).monolithicMax(32 * 1024).build();
    }

    @Test
    void theRegistryClientPushesAndPullsWithBearerTokens() throws IOException {
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = image(src, "1", 200_000, 1);
        try (RegistryServer server = server().start()) {
            Reference target = Reference.parse(server.hostPort() + "/team/app:1");
            assertThat(ImagePusher.of(client(server, "ci", "push-secret")).push(src, src.resolve("1").orElseThrow(), target))
                    .isEqualTo(built.digest());
            // A second repository: the client mounts the layers from the first, which needs pull there.
            Reference other = Reference.parse(server.hostPort() + "/team/other:1");
            ImagePusher.of(client(server, "ci", "push-secret")).push(src, src.resolve("1").orElseThrow(), other);

            ImageLayout dst = ImageLayout.create(dir.resolve("dst"));
            PullResult pulled = ImagePuller.of(client(server, "reader", "read-secret")).pull(target, dst, "copy");
            assertThat(pulled.named().digest()).isEqualTo(built.digest());
            for (Descriptor layer : built.manifest().layers()) {
                assertThat(Files.mismatch(dst.blobPath(layer.digest()), src.blobPath(layer.digest()))).isEqualTo(-1L);
            }

            // reader may not push, and may not read team/other: DENIED, not a retry loop.
            RegistryClient reader = client(server, "reader", "read-secret");
            assertThatThrownBy(() -> ImagePusher.of(reader).push(src, src.resolve("1").orElseThrow(),
                    Reference.parse(server.hostPort() + "/team/app:2")))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(403));
            assertThatThrownBy(() -> reader.fetchManifest(other))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(403));
            // A wrong password fails at the token endpoint.
            assertThatThrownBy(() -> client(server, "ci", "wrong").fetchManifest(target))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.errors()).anySatisfy(x -> assertThat(x.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
                    });
        }
    }

    @Test
    void skopeoPushesAndPullsWithCredsThroughTheTokenEndpoint() throws IOException {
        TestEnvironment.requireTool("skopeo");
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = image(src, "1", 300_000, 2);
        try (RegistryServer server = server().start()) {
            String remote = "docker://" + server.hostPort() + "/team/app:1";
            String source = "oci:" + src.root() + ":1";
            assertThat(Commands.run("skopeo", "copy", "--dest-tls-verify=false", source, remote).exitCode()).isNotZero();
            assertThat(Commands.run("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "reader:read-secret",
                    source, remote).exitCode()).isNotZero();
            Commands.runOk("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "ci:push-secret", source, remote);
            Commands.runOk("skopeo", "copy", "--src-tls-verify=false", "--src-creds", "reader:read-secret", remote,
                    "oci:" + dir.resolve("dst") + ":copy");
            String inspected = Commands.runOk("skopeo", "inspect", "--tls-verify=false", "--creds", "reader:read-secret",
                    "--format", "{{.Digest}}", remote).stdout().trim();
            assertThat(inspected).isEqualTo(built.digest().toString());
            assertThat(Commands.run("skopeo", "inspect", "--tls-verify=false", remote).exitCode()).isNotZero();
        }
        assertThat(ImageLayout.open(dir.resolve("dst")).resolve("copy").orElseThrow().digest()).isEqualTo(built.digest());
    }

    @Test
    void skopeoPullsAnonymouslyWhenAnonymousPullIsOn() throws IOException {
        TestEnvironment.requireTool("skopeo");
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = image(src, "1", 1000, 3);
        try (RegistryServer server = server().anonymousPull(true).start()) {
            String remote = "docker://" + server.hostPort() + "/team/app:1";
            Commands.runOk("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "ci:push-secret",
                    "oci:" + src.root() + ":1", remote);
            String inspected = Commands.runOk("skopeo", "inspect", "--tls-verify=false", "--format", "{{.Digest}}",
                    remote).stdout().trim();
            assertThat(inspected).isEqualTo(built.digest().toString());
        }
    }
}
