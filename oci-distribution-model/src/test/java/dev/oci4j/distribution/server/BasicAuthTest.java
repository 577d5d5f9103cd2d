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
            // The ping still challenges, so that clients holding credentials learn to send them.
            assertThat(http.get("/v2/").statusCode()).isEqualTo(401);
            assertThat(http.get("/v2/a/tags/list").statusCode()).isEqualTo(404);
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

    @Test
    void htpasswdUsersAndGrantsDecideWhoMayPullAndPushWhat() throws Exception {
        Path htpasswd = dir.resolve("htpasswd");
        Files.writeString(htpasswd, Htpasswd.entry("ci", "build") + "\n" + Htpasswd.entry("dev", "read") + "\n");
        try (RegistryServer server = RegistryServer.builder().htpasswd(htpasswd).addUser("admin", "root")
                .grantPush("ci", "team/*").grantPull("dev", "team/app").grantPush("admin", "*").start()) {
            Http http = new Http(server.url());
            byte[] blob = Http.utf8("layer");
            String push = "/v2/team/app/blobs/uploads/?digest=" + Http.sha256(blob);
            assertThat(http.send("POST", push, blob, "Authorization", basic("ci", "build")).statusCode()).isEqualTo(201);
            String get = "/v2/team/app/blobs/" + Http.sha256(blob);
            assertThat(http.get(get, "Authorization", basic("dev", "read")).statusCode()).isEqualTo(200);
            assertThat(http.get(get, "Authorization", basic("admin", "root")).statusCode()).isEqualTo(200);

            HttpResponse<byte[]> devPush = http.send("POST", push, blob, "Authorization", basic("dev", "read"));
            assertThat(devPush.statusCode()).isEqualTo(403);
            assertThat(RegistryServerContract.code(devPush)).isEqualTo(ErrorCode.DENIED);
            assertThat(Http.text(devPush)).contains("user dev may not push to team/app");
            HttpResponse<byte[]> devElsewhere = http.get("/v2/team/lib/tags/list", "Authorization", basic("dev", "read"));
            assertThat(devElsewhere.statusCode()).isEqualTo(403);
            assertThat(Http.text(devElsewhere)).contains("may not pull from team/lib");
            HttpResponse<byte[]> ciOutside = http.send("DELETE", get.replace("team/app", "other"), null,
                    "Authorization", basic("ci", "build"));
            assertThat(ciOutside.statusCode()).isEqualTo(403);
            // Wrong password: 401 with the challenge, whatever the grants.
            HttpResponse<byte[]> wrong = http.get(get, "Authorization", basic("ci", "nope"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(RegistryServerContract.code(wrong)).isEqualTo(ErrorCode.UNAUTHORIZED);
            assertThat(http.get("/v2/", "Authorization", basic("dev", "read")).statusCode()).isEqualTo(200);
            assertThat(http.get("/v2/_catalog", "Authorization", basic("dev", "read")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aMountFromARepositoryTheUserMayNotReadIsAnOrdinaryUpload() throws Exception {
        try (RegistryServer server = RegistryServer.builder().addUser("a", "a").addUser("e", "e")
                .grantPush("a", "secret").grantPush("e", "mine").start()) {
            Http http = new Http(server.url());
            byte[] blob = Http.utf8("secret layer");
            http.send("POST", "/v2/secret/blobs/uploads/?digest=" + Http.sha256(blob), blob, "Authorization", basic("a", "a"));
            for (String q : new String[] {"?mount=" + Http.sha256(blob) + "&from=secret", "?mount=" + Http.sha256(blob)}) {
                assertThat(http.send("POST", "/v2/mine/blobs/uploads/" + q, null, "Authorization", basic("e", "e"))
                        .statusCode()).as(q).isEqualTo(202);
            }
            assertThat(http.get("/v2/mine/blobs/" + Http.sha256(blob), "Authorization", basic("e", "e")).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aMissingOrMalformedHtpasswdFailsTheStartNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistryServer.builder().htpasswd(missing).start())
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining(missing.toString());
        Path bad = Files.writeString(dir.resolve("bad"), "alice:$apr1$x$y\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistryServer.builder().htpasswd(bad).start())
                .isInstanceOf(java.io.IOException.class).hasMessageStartingWith(bad + ": line 1: ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegistryServer.builder().grantPull("a", "Team/*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Team/*");
    }
}
