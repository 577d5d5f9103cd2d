package dev.oci4j.distribution.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Digest;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Authentication against a real docker-registry: its own htpasswd (Basic) auth, and token auth with
 * a token server these tests run ({@link TokenServer}) and docker-registry verifying its JWTs.
 */
class RegistryAuthTest {

    @TempDir
    static Path dir;
    static LocalRegistry basic;
    static LocalRegistry bearer;
    static TokenServer tokens;

    @BeforeAll
    static void start() throws Exception {
        Path htpasswd = Files.writeString(dir.resolve("htpasswd"),
                "alice:" + BCrypt.hashpw("wonderland", BCrypt.gensalt(4)) + "\n");
        basic = LocalRegistry.start(Files.createDirectories(dir.resolve("basic")), String.join("\n",
                "auth:",
                "  htpasswd:",
                "    realm: oci4j-test",
                "    path: " + htpasswd));
        tokens = new TokenServer("bob", "builder", 300);
        Path bundle = tokens.writeBundle(dir.resolve("token-ca.pem"));
        bearer = LocalRegistry.start(Files.createDirectories(dir.resolve("bearer")), tokens.authYaml(bundle));
    }

    @AfterAll
    static void stop() throws Exception {
        if (basic != null) {
            basic.close();
        }
        if (bearer != null) {
            bearer.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    static RegistryClient client(LocalRegistry r, String user, String password) {
        return RegistryClient.builder()
                .credentials(CredentialProvider.of(r.host(), Credentials.basic(user, password))).build();
    }

    static BuiltImage image(String name, long seed) throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve(name));
        return RegistryRoundTripTest.imageIn(dir, src, "1", 20_000, seed, Platform.of("linux", "amd64"));
    }

    @Test
    void htpasswdUsersPushAndPull() throws Exception {
        BuiltImage built = image("basic-src", 21);
        RegistryClient alice = client(basic, "alice", "wonderland");
        Reference ref = Reference.parse(basic.host() + "/private:1");
        ImageLayout src = ImageLayout.open(dir.resolve("basic-src"));
        assertThat(ImagePusher.of(alice).push(src, src.resolve("1").orElseThrow(), ref)).isEqualTo(built.digest());

        ImageLayout dst = ImageLayout.create(dir.resolve("basic-dst"));
        assertThat(ImagePuller.of(alice).pull(ref, dst, "1").named().digest()).isEqualTo(built.digest());
    }

    @Test
    void wrongBasicCredentialsAreOneErrorNamingTheRegistryAndTheCode() throws Exception {
        Reference ref = Reference.parse(basic.host() + "/private:1");
        for (RegistryClient c : List.of(client(basic, "alice", "looking-glass"), RegistryClient.builder().build())) {
            assertThatThrownBy(() -> c.fetchManifest(ref))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.hasCode(ErrorCode.UNAUTHORIZED)).isTrue();
                        assertThat(e.getMessage()).startsWith(basic.host() + "/private:1: UNAUTHORIZED");
                    });
        }
    }

    @Test
    void bearerTokensAreFetchedWithTheCredentialsAndCachedPerScope() throws Exception {
        BuiltImage built = image("bearer-src", 22);
        RegistryClient bob = client(bearer, "bob", "builder");
        Reference ref = Reference.parse(bearer.host() + "/team/app:1");
        ImageLayout src = ImageLayout.open(dir.resolve("bearer-src"));
        int before = tokens.requests.size();
        assertThat(ImagePusher.of(bob).push(src, src.resolve("1").orElseThrow(), ref)).isEqualTo(built.digest());
        ImageLayout dst = ImageLayout.create(dir.resolve("bearer-dst"));
        assertThat(ImagePuller.of(bob).pull(ref, dst, "1").named().digest()).isEqualTo(built.digest());
        assertThat(bob.tags(ref)).containsExactly("1");

        List<List<String>> fetched = List.copyOf(tokens.requests.subList(before, tokens.requests.size()));
        assertThat(fetched).as("one token per scope, not one per request").hasSize(2);
        assertThat(fetched).anySatisfy(scopes -> assertThat(scopes).anyMatch(s -> s.startsWith("repository:team/app:")
                && s.contains("push")));
    }

    @Test
    void aTokenForOneRepositoryIsNotUsedForAnother() throws Exception {
        BuiltImage built = image("bearer-two", 23);
        RegistryClient bob = client(bearer, "bob", "builder");
        ImageLayout src = ImageLayout.open(dir.resolve("bearer-two"));
        ImagePusher.of(bob).push(src, src.resolve("1").orElseThrow(), Reference.parse(bearer.host() + "/one:1"));
        Digest copied = ImagePusher.of(bob).copy(Reference.parse(bearer.host() + "/one:1"),
                Reference.parse(bearer.host() + "/two"));
        assertThat(copied).isEqualTo(built.digest());
        assertThat(tokens.requests).anySatisfy(scopes -> assertThat(scopes).anyMatch(s -> s.startsWith("repository:two:")));
    }

    @Test
    void credentialsTheTokenServerRefusesAreOneErrorNamingTheRegistry() {
        Reference ref = Reference.parse(bearer.host() + "/team/app:1");
        assertThatThrownBy(() -> client(bearer, "bob", "wrong").fetchManifest(ref))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains(bearer.host()).contains("UNAUTHORIZED");
                });
        assertThatThrownBy(() -> RegistryClient.builder().build().fetchManifest(ref))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
