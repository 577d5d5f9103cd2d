package dev.oci4j.distribution.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Digest;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.LocalRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer tokens that run out, against a real docker-registry that refuses them once they have: the
 * token server ({@link TokenServer}) issues short-lived tokens, tokens that die before the time they
 * announce, and tokens that lack an action; every operation still succeeds for the caller. And a token
 * endpoint that answers garbage or 500 is one error naming the realm.
 */
class TokenExpiryTest {

    @TempDir
    static Path dir;
    static LocalRegistry registry;
    static TokenServer tokens;

    @BeforeAll
    static void start() throws Exception {
        tokens = new TokenServer("carol", "secret", 300);
        Path bundle = tokens.writeBundle(dir.resolve("token-ca.pem"));
        registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")), tokens.authYaml(bundle));
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
    }

    @AfterEach
    void normalTokens() {
        tokens.mode = TokenServer.Mode.TOKENS;
        issue(300, 300 + TokenServer.REGISTRY_LEEWAY_SECONDS);
    }

    /** Tokens announced to last {@code announced} seconds that the registry accepts for {@code valid}. */
    static void issue(long announced, long valid) {
        tokens.expiresIn = announced;
        tokens.validSeconds = valid;
    }

    static RegistryClient carol() {
        // A short backoff: the token endpoint's 5xx answers are retried too.
        return RegistryClient.builder().backoff(Duration.ofMillis(20))
                .credentials(CredentialProvider.of(registry.host(), Credentials.basic("carol", "secret"))).build();
    }

    static Reference ref(String text) {
        return Reference.parse(registry.host() + "/" + text);
    }

    /** Pushes a fresh image to {@code repository:1} and returns its digest. */
    static Digest push(RegistryClient client, String repository, long seed) throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve(repository.replace('/', '-') + "-src"));
        BuiltImage built = RegistryRoundTripTest.imageIn(dir, src, "1", 50_000, seed, Platform.of("linux", "amd64"));
        assertThat(ImagePusher.of(client).push(src, src.resolve("1").orElseThrow(), ref(repository + ":1")))
                .isEqualTo(built.digest());
        return built.digest();
    }

    static Digest pull(RegistryClient client, String repository, String into) throws Exception {
        ImageLayout dst = ImageLayout.create(dir.resolve(into));
        Digest d = ImagePuller.of(client).pull(ref(repository + ":1"), dst, "1").named().digest();
        assertThat(dst.verify().problems()).isEmpty();
        return d;
    }

    /** What docker-registry answers a request carrying {@code token}. */
    static int statusWith(String token, String repository) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://" + registry.host() + "/v2/" + repository + "/tags/list"))
                .header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static long fetchesOf(String scope, int from) {
        return tokens.requests.subList(from, tokens.requests.size()).stream().filter(s -> s.contains(scope)).count();
    }

    @Test
    void shortLivedTokensAreFetchedAgainWhenTheyExpire() throws Exception {
        issue(3, 3);
        RegistryClient client = carol();
        Digest pushed = push(client, "short/app", 31);
        String first = tokens.issued.get(tokens.issued.size() - 1);
        assertThat(statusWith(first, "short/app")).as("the registry accepts a fresh token").isEqualTo(200);

        Thread.sleep(4_000);
        assertThat(statusWith(first, "short/app")).as("the registry refuses an expired token").isEqualTo(401);
        int before = tokens.requests.size();
        assertThat(pull(client, "short/app", "short-dst")).isEqualTo(pushed);
        assertThat(client.tags(ref("short/app"))).containsExactly("1");
        assertThat(fetchesOf("repository:short/app:pull", before)).as("a new token after the old one expired")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aTokenTheRegistryRefusesBeforeItsAnnouncedExpiryIsReplacedOnThe401() throws Exception {
        issue(300, 2);
        RegistryClient client = carol();
        Digest pushed = push(client, "early/app", 32);

        // The client still holds tokens it believes good for minutes; the registry now refuses them.
        Thread.sleep(3_000);
        int before = tokens.requests.size();
        tokens.validSeconds = 300 + TokenServer.REGISTRY_LEEWAY_SECONDS;
        assertThat(pull(client, "early/app", "early-dst")).isEqualTo(pushed);
        assertThat(fetchesOf("repository:early/app:pull", before)).as("the refused token was replaced")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void a401NamingAScopeTheTokenLacksFetchesATokenForIt() throws Exception {
        // The first token asked with push is granted pull only: the registry answers the upload with a
        // 401 naming repository:narrow/app:pull,push (insufficient_scope).
        tokens.pullOnlyOnce.add("narrow/app");
        int before = tokens.requests.size();
        RegistryClient client = carol();
        Digest pushed = push(client, "narrow/app", 33);
        assertThat(tokens.pullOnlyOnce).isEmpty();
        assertThat(fetchesOf("repository:narrow/app:pull,push", before)).as("the narrow token, then one with push")
                .isGreaterThanOrEqualTo(2);
        assertThat(pull(client, "narrow/app", "narrow-dst")).isEqualTo(pushed);
    }

    @Test
    void aTokenEndpointAnsweringGarbageIsOneErrorNamingTheRealm() {
        tokens.mode = TokenServer.Mode.GARBAGE;
        assertThatThrownBy(() -> carol().fetchManifest(ref("garbage/app:1")))
                .hasMessageContaining(registry.host() + ": token endpoint " + tokens.realm())
                .hasMessageContaining("not a token response")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTokenEndpointAnswering500IsOneErrorNamingTheRealmAndTheStatus() {
        tokens.mode = TokenServer.Mode.SERVER_ERROR;
        assertThatThrownBy(() -> carol().fetchManifest(ref("broken/app:1")))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).contains(registry.host() + ": token endpoint " + tokens.realm())
                            .contains("HTTP 500");
                });
    }

    @Test
    void anUnreachableTokenEndpointIsOneErrorNamingTheRealm() throws Exception {
        // A second registry whose realm points at a port nothing listens on.
        Path bundle = tokens.writeBundle(dir.resolve("dead-ca.pem"));
        String dead = "http://127.0.0.1:" + LocalRegistry.freePort() + "/token";
        try (LocalRegistry r = LocalRegistry.start(Files.createDirectories(dir.resolve("dead")),
                tokens.authYaml(bundle).replace(tokens.realm(), dead))) {
            RegistryClient client = RegistryClient.builder().backoff(Duration.ofMillis(20))
                    .credentials(CredentialProvider.of(r.host(), Credentials.basic("carol", "secret"))).build();
            assertThatThrownBy(() -> client.fetchManifest(Reference.parse(r.host() + "/app:1")))
                    .hasMessageContaining(r.host() + ": token endpoint " + dead)
                    .hasMessageContaining("cannot be reached");
        }
    }

    @Test
    void aTokenEndpointAnswering503Or429IsRetriedAsOtherGetsAre() throws Exception {
        // The fault proxy in front of the token server; a registry whose realm is the proxy.
        try (FaultProxy proxy = new FaultProxy(tokens.realm().substring(0, tokens.realm().length() - "/token".length()))) {
            proxy.forwardAuthorization = true;
            proxy.add(FaultProxy.Fault.STATUS_503, x -> x.getRequestURI().getPath().equals("/token"), 1);
            proxy.add(FaultProxy.Fault.STATUS_429, x -> x.getRequestURI().getPath().equals("/token"), 1);
            Path bundle = tokens.writeBundle(dir.resolve("proxied-ca.pem"));
            String realm = "http://" + proxy.host() + "/token";
            try (LocalRegistry r = LocalRegistry.start(Files.createDirectories(dir.resolve("proxied")),
                    tokens.authYaml(bundle).replace(tokens.realm(), realm))) {
                RegistryClient client = RegistryClient.builder().backoff(Duration.ofMillis(20))
                        .credentials(CredentialProvider.of(r.host(), Credentials.basic("carol", "secret"))).build();
                assertThatThrownBy(() -> client.fetchManifest(Reference.parse(r.host() + "/retried/app:1")))
                        .as("a token was had: the registry itself answers")
                        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(404));
                assertThat(proxy.log).filteredOn(l -> l.startsWith("GET /token")).as("503, 429, then the token")
                        .hasSize(3);
                assertThat(proxy.rules).allSatisfy(rule -> assertThat(rule.times).isZero());
            }
        }
    }

    @Test
    void parallelPullsShareOneRefreshedToken() throws Exception {
        issue(3, 3);
        RegistryClient client = carol();
        push(client, "many/app", 34);
        Thread.sleep(4_000);
        int before = tokens.requests.size();
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try {
                    pull(client, "many/app", "many-dst-" + n);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(fetchesOf("repository:many/app:pull", before)).as("one fetch per expiry, not one per request")
                .isLessThan(6);
    }
}
