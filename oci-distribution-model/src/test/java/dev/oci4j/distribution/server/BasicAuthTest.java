package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic authentication: 401 with a challenge without or with wrong credentials; anonymous pull on its own. */
class BasicAuthTest {

    @TempDir
    Path dir;

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyRequestNeedsTheRightCredentials() throws Exception {
        try (RegistryServer server = RegistryServer.builder().addUser("alice", "s3cret").start()) {
            Http http = new Http(server.url());
            HttpResponse<byte[]> none = http.get("/v2/");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"oci4j registry\"");
            assertThat(RegistryServerContract.code(none)).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(http.get("/v2/", "Authorization", basic("alice", "wrong")).statusCode()).isEqualTo(401);
            assertThat(http.get("/v2/", "Authorization", "Basic !!!").statusCode()).isEqualTo(401);
            assertThat(http.get("/v2/", "Authorization", basic("alice", "s3cret")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anonymousPullLetsReadsThroughButNotWrites() throws Exception {
        try (RegistryServer server = RegistryServer.builder().addUser("alice", "s3cret").anonymousPull(true).start()) {
            Http http = new Http(server.url());
            assertThat(http.get("/v2/").statusCode()).isEqualTo(200);
            assertThat(http.send("POST", "/v2/a/blobs/uploads/", null).statusCode()).isEqualTo(401);
            assertThat(http.send("POST", "/v2/a/blobs/uploads/", null, "Authorization", basic("alice", "s3cret"))
                    .statusCode()).isEqualTo(202);
        }
    }

    @Test
    void skopeoPushesWithCredentialsAndIsRefusedWithout() throws Exception {
        TestEnvironment.requireTool("skopeo");
        Path root = Files.createDirectories(dir.resolve("rootfs"));
        Files.writeString(root.resolve("f"), "x");
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        ImageBuilder.fromScratch().platform(Platform.of("linux", "amd64")).addLayer(root).writeTo(src, "1");
        try (RegistryServer server = RegistryServer.builder().addUser("alice", "s3cret").start()) {
            String remote = "docker://" + server.hostPort() + "/app:1";
            assertThat(Commands.run("skopeo", "copy", "--dest-tls-verify=false", "oci:" + src.root() + ":1", remote)
                    .exitCode()).isNotZero();
            Commands.runOk("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "alice:s3cret",
                    "oci:" + src.root() + ":1", remote);
            assertThat(server.storage().resolveTag("app", "1")).isPresent();
        }
    }
}
