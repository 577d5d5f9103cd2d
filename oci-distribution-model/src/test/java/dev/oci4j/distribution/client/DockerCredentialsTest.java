package dev.oci4j.distribution.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's config.json and containers' auth.json: {@code auths}, {@code credHelpers} and
 * {@code credsStore}, the order skopeo searches the files in, and {@code oci login}'s writes.
 */
class DockerCredentialsTest {

    @TempDir
    Path dir;

    static String auth(String userColonPassword) {
        return Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }

    /**
     * A {@code docker-credential-test} helper: reads the registry on stdin, knows two, and for the
     * others fails the way real helpers do ("credentials not found in native keychain", exit 1).
     */
    Path helperDir() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path helper = bin.resolve("docker-credential-test");
        Files.writeString(helper, String.join("\n",
                "#!/bin/sh",
                "[ \"$1\" = get ] || exit 2",
                "read registry",
                "case \"$registry\" in",
                "  helped.example) printf '{\"ServerURL\":\"%s\",\"Username\":\"helper-user\",\"Secret\":\"helper-secret\"}' \"$registry\" ;;",
                "  token.example) printf '{\"ServerURL\":\"%s\",\"Username\":\"<token>\",\"Secret\":\"refresh-me\"}' \"$registry\" ;;",
                "  *) echo 'credentials not found in native keychain'; exit 1 ;;",
                "esac",
                ""));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        return bin;
    }

    DockerCredentials docker(String configJson, Path helpers) throws IOException {
        write("docker/config.json", configJson);
        return DockerCredentials.fromEnvironment(
                Map.of("DOCKER_CONFIG", dir.resolve("docker").toString(), "PATH", helpers.toString()), dir);
    }

    @Test
    void anAuthsEntryIsBase64OfUserColonPassword() throws IOException {
        DockerCredentials c = docker("{\"auths\":{\"localhost:5000\":{\"auth\":\"" + auth("alice:pa:ss") + "\"}}}", dir);
        assertThat(c.credentialsFor("localhost:5000")).contains(Credentials.basic("alice", "pa:ss"));
        assertThat(c.credentialsFor("localhost:5001")).isEmpty();
    }

    @Test
    void dockerHubsUrlKeysNameDockerIo() throws IOException {
        DockerCredentials c = docker("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("bob:pw") + "\"}}}", dir);
        assertThat(c.credentialsFor("docker.io")).contains(Credentials.basic("bob", "pw"));
    }

    @Test
    void anIdentityTokenIsKeptAsOne() throws IOException {
        DockerCredentials c = docker("{\"auths\":{\"r.example\":{\"auth\":\"" + auth("carol:") + "\",\"identitytoken\":\"tok\"}}}", dir);
        assertThat(c.credentialsFor("r.example")).contains(Credentials.identityToken("carol", "tok"));
    }

    @Test
    void anAuthThatIsNotBase64IsAnErrorNamingTheFile() throws IOException {
        DockerCredentials c = docker("{\"auths\":{\"r.example\":{\"auth\":\"%%%\"}}}", dir);
        assertThatThrownBy(() -> c.credentialsFor("r.example")).isInstanceOf(IOException.class)
                .hasMessageContaining("config.json").hasMessageContaining("auths.r.example.auth is not base64");
    }

    @Test
    void aCredHelperAnswersForItsRegistry() throws IOException {
        DockerCredentials c = docker("{\"credHelpers\":{\"helped.example\":\"test\",\"token.example\":\"test\"}}", helperDir());
        assertThat(c.credentialsFor("helped.example")).contains(Credentials.basic("helper-user", "helper-secret"));
        assertThat(c.credentialsFor("token.example")).as("Username <token> means an identity token")
                .contains(Credentials.identityToken("", "refresh-me"));
        assertThat(c.credentialsFor("other.example")).as("no credHelpers entry, no credsStore").isEmpty();
    }

    @Test
    void theCredsStoreAnswersWhereAuthsHasNothingAndNotFoundIsNoCredentials() throws IOException {
        DockerCredentials c = docker("{\"auths\":{\"a.example\":{\"auth\":\"" + auth("a:b") + "\"}},\"credsStore\":\"test\"}",
                helperDir());
        assertThat(c.credentialsFor("a.example")).contains(Credentials.basic("a", "b"));
        assertThat(c.credentialsFor("helped.example")).contains(Credentials.basic("helper-user", "helper-secret"));
        assertThat(c.credentialsFor("unknown.example")).isEmpty();
    }

    @Test
    void aHelperThatIsNotOnThePathIsAnErrorNamingIt() throws IOException {
        DockerCredentials c = docker("{\"credsStore\":\"missing\"}", helperDir());
        assertThatThrownBy(() -> c.credentialsFor("r.example")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("r.example: the credential helper docker-credential-missing is not on the PATH");
    }

    @Test
    void aHelperNameCannotLeaveThePath() throws IOException {
        DockerCredentials c = docker("{\"credHelpers\":{\"r.example\":\"../../bin/sh\"}}", helperDir());
        assertThatThrownBy(() -> c.credentialsFor("r.example")).hasMessageContaining("must not contain a slash");
    }

    @Test
    void filesAreSearchedInSkopeosOrder() throws IOException {
        write("authfile.json", "{\"auths\":{\"first.example\":{\"auth\":\"" + auth("from:authfile") + "\"}}}");
        write("run/containers/auth.json", "{\"auths\":{\"first.example\":{\"auth\":\"" + auth("from:xdg") + "\"},"
                + "\"second.example\":{\"auth\":\"" + auth("from:xdg") + "\"}}}");
        write("home/.docker/config.json", "{\"auths\":{\"third.example\":{\"auth\":\"" + auth("from:docker") + "\"}}}");
        DockerCredentials c = DockerCredentials.fromEnvironment(Map.of(
                "REGISTRY_AUTH_FILE", dir.resolve("authfile.json").toString(),
                "XDG_RUNTIME_DIR", dir.resolve("run").toString()), dir.resolve("home"));

        assertThat(c.files()).containsExactly(dir.resolve("authfile.json"), dir.resolve("run/containers/auth.json"),
                dir.resolve("home/.docker/config.json"));
        assertThat(c.credentialsFor("first.example")).contains(Credentials.basic("from", "authfile"));
        assertThat(c.credentialsFor("second.example")).contains(Credentials.basic("from", "xdg"));
        assertThat(c.credentialsFor("third.example")).contains(Credentials.basic("from", "docker"));
    }

    @Test
    void loginStoresAnEntryOwnerReadableAndKeepsTheRest() throws IOException {
        Path file = write("auth.json", "{\"auths\":{\"https://r.example/v2/\":{\"auth\":\"" + auth("old:pw") + "\"}},"
                + "\"credHelpers\":{\"x.example\":\"test\"}}");
        DockerCredentials c = DockerCredentials.fromFile(file);
        c.store("r.example", Credentials.basic("new", "secret"));

        assertThat(c.credentialsFor("r.example")).contains(Credentials.basic("new", "secret"));
        assertThat(Files.readString(file)).doesNotContain("https://r.example/v2/").contains("\"credHelpers\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        assertThat(c.erase("r.example")).isTrue();
        assertThat(c.erase("r.example")).isFalse();
        assertThat(c.credentialsFor("r.example")).isEqualTo(Optional.empty());
    }
}
