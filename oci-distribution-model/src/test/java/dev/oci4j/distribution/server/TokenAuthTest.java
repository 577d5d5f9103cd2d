package dev.oci4j.distribution.server;

import static dev.oci4j.distribution.server.BasicAuthTest.basic;
import static dev.oci4j.distribution.server.Http.sha256;
import static dev.oci4j.distribution.server.Http.text;
import static dev.oci4j.distribution.server.Http.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oci4j.distribution.AuthChallenge;
import dev.oci4j.distribution.ErrorCode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens from the server's own token endpoint (docker's token authentication specification):
 * challenges naming realm, service and scope, tokens granting what the policy allows, per-repository
 * grants, anonymous pull on its own, expiry, and UNAUTHORIZED/DENIED error bodies.
 */
class TokenAuthTest {

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static RegistryServer.Builder tokenServer() {
        return RegistryServer.builder().addUser("alice", "wonderland").addUser("bob", "builder")
                .grantPush("alice", "team/*").grantPull("bob", "team/app").bearerTokens(Duration.ofMinutes(5));
    }

    static AuthChallenge challenge(HttpResponse<byte[]> r) {
        return AuthChallenge.parseAll(r.headers().firstValue("WWW-Authenticate").orElseThrow()).get(0);
    }

    static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return new ObjectMapper().readTree(r.body());
    }

    static String token(Http http, String credentials, String... scopes) throws IOException {
        StringBuilder q = new StringBuilder("/token?service=oci4j-registry");
        for (String s : scopes) {
            q.append("&scope=").append(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> r = credentials == null ? http.get(q.toString())
                : http.get(q.toString(), "Authorization", credentials);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return json(r).get("token").asText();
    }

    static JsonNode claims(String token) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void aRequestWithoutATokenIsChallengedWithRealmServiceAndScope() throws IOException {
        try (RegistryServer server = tokenServer().start()) {
            Http http = new Http(server.url());
            HttpResponse<byte[]> ping = http.get("/v2/");
            assertThat(ping.statusCode()).isEqualTo(401);
            assertThat(RegistryServerContract.code(ping)).isEqualTo(ErrorCode.UNAUTHORIZED);
            AuthChallenge c = challenge(ping);
            assertThat(c.isScheme("Bearer")).isTrue();
            assertThat(c.realm()).hasValue(server.url() + "/token");
            assertThat(c.service()).hasValue("oci4j-registry");
            assertThat(c.scopes()).isEmpty();

            assertThat(challenge(http.get("/v2/team/app/manifests/1")).scopes()).containsExactly("repository:team/app:pull");
            HttpResponse<byte[]> push = http.send("POST", "/v2/team/app/blobs/uploads/", null);
            assertThat(push.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"" + server.url()
                    + "/token\",service=\"oci4j-registry\",scope=\"repository:team/app:pull,push\"");
            assertThat(challenge(http.get("/v2/_catalog")).scopes()).containsExactly("registry:catalog:*");
            // A mount asks for pull on the source too, in the one scope parameter, space-separated.
            assertThat(challenge(http.send("POST", "/v2/team/app/blobs/uploads/?mount=" + sha256(utf8("x"))
                    + "&from=team/base", null)).scopes()).containsExactly("repository:team/app:pull,push",
                    "repository:team/base:pull");
        }
    }

    @Test
    void theTokenEndpointAnswersWithTokenAccessTokenExpiresInAndIssuedAt() throws IOException {
        try (RegistryServer server = tokenServer().start()) {
            Http http = new Http(server.url());
            HttpResponse<byte[]> r = http.get("/token?service=oci4j-registry&scope=repository:team/app:pull,push",
                    "Authorization", basic("alice", "wonderland"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = json(r);
            assertThat(body.get("token").asText()).isNotEmpty().isEqualTo(body.get("access_token").asText());
            assertThat(body.get("expires_in").asLong()).isEqualTo(300);
            assertThat(Instant.parse(body.get("issued_at").asText())).isBetween(Instant.now().minusSeconds(5), Instant.now());
            JsonNode claims = claims(body.get("token").asText());
            assertThat(claims.get("sub").asText()).isEqualTo("alice");
            assertThat(claims.get("aud").asText()).isEqualTo("oci4j-registry");
            assertThat(claims.get("access").toString())
                    .isEqualTo("[{\"type\":\"repository\",\"name\":\"team/app\",\"actions\":[\"pull\",\"push\"]}]");

            String token = body.get("token").asText();
            HttpResponse<byte[]> push = http.send("POST", "/v2/team/app/blobs/uploads/?digest=" + sha256(utf8("layer")),
                    utf8("layer"), "Authorization", "Bearer " + token);
            assertThat(push.statusCode()).as(text(push)).isEqualTo(201);
            assertThat(http.get("/v2/team/app/blobs/" + sha256(utf8("layer")), "Authorization", "Bearer " + token)
                    .statusCode()).isEqualTo(200);
            assertThat(http.get("/v2/", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theOAuth2PasswordGrantIsAcceptedToo() throws IOException {
        try (RegistryServer server = tokenServer().start()) {
            Http http = new Http(server.url());
            HttpResponse<byte[]> r = http.send("POST", "/token", utf8("grant_type=password&username=alice&password="
                    + "wonderland&service=oci4j-registry&scope=repository%3Ateam%2Fapp%3Apull&client_id=test"),
                    "Content-Type", "application/x-www-form-urlencoded");
            assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
            assertThat(claims(json(r).get("access_token").asText()).get("access").get(0).get("actions").toString())
                    .isEqualTo("[\"pull\"]");
            HttpResponse<byte[]> wrong = http.send("POST", "/token", utf8("grant_type=password&username=alice&password=x"),
                    "Content-Type", "application/x-www-form-urlencoded");
            assertThat(wrong.statusCode()).isEqualTo(401);
            HttpResponse<byte[]> refresh = http.send("POST", "/token", utf8("grant_type=refresh_token&refresh_token=x"),
                    "Content-Type", "application/x-www-form-urlencoded");
            assertThat(refresh.statusCode()).isEqualTo(400);
            assertThat(text(refresh)).contains("refresh_token");
        }
    }

    @Test
    void tokensGrantOnlyWhatThePolicyAllows() throws IOException {
        try (RegistryServer server = tokenServer().start()) {
            Http http = new Http(server.url());
            // bob may pull team/app only: push is left out of his token, other repositories entirely.
            String bobs = token(http, basic("bob", "builder"), "repository:team/app:pull,push", "repository:team/other:pull",
                    "registry:catalog:*");
            assertThat(claims(bobs).get("access").toString()).isEqualTo("[{\"type\":\"repository\",\"name\":\"team/app\","
                    + "\"actions\":[\"pull\"]},{\"type\":\"registry\",\"name\":\"catalog\",\"actions\":[\"*\"]}]");
            // alice may push under team/ but not elsewhere; "*" and delete are granted with push.
            String alices = token(http, basic("alice", "wonderland"), "repository:team/x:*", "repository:other:pull");
            assertThat(claims(alices).get("access").toString())
                    .isEqualTo("[{\"type\":\"repository\",\"name\":\"team/x\",\"actions\":[\"*\",\"pull\",\"push\"]}]");
            // Anonymous (no anonymous pull): an empty token, which opens /v2/ and nothing else.
            String anon = token(http, null, "repository:team/app:pull");
            assertThat(claims(anon).get("sub").asText()).isEmpty();
            assertThat(claims(anon).get("access")).isEmpty();
        }
    }

    @Test
    void aKnownUserWithoutTheRightIsDeniedWhileAMissingScopeIsChallenged() throws IOException {
        try (RegistryServer server = tokenServer().start()) {
            Http http = new Http(server.url());
            String bobs = token(http, basic("bob", "builder"), "repository:team/app:pull,push");
            HttpResponse<byte[]> denied = http.send("POST", "/v2/team/app/blobs/uploads/", null, "Authorization", "Bearer " + bobs);
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(RegistryServerContract.code(denied)).isEqualTo(ErrorCode.DENIED);
            assertThat(text(denied)).contains("user bob may not push to team/app");

            // alice may push to team/lib, but her token names only team/app: a new token helps, so 401.
            String alices = token(http, basic("alice", "wonderland"), "repository:team/app:pull,push");
            HttpResponse<byte[]> narrow = http.send("POST", "/v2/team/lib/blobs/uploads/", null, "Authorization", "Bearer " + alices);
            assertThat(narrow.statusCode()).isEqualTo(401);
            assertThat(challenge(narrow).error()).hasValue("insufficient_scope");
            assertThat(challenge(narrow).scopes()).containsExactly("repository:team/lib:pull,push");
            String anon = token(http, null);
            HttpResponse<byte[]> anonymous = http.get("/v2/team/app/tags/list", "Authorization", "Bearer " + anon);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(RegistryServerContract.code(anonymous)).isEqualTo(ErrorCode.UNAUTHORIZED);
        }
    }

    @Test
    void wrongCredentialsAtTheTokenEndpointAre401WithABasicChallenge() throws IOException {
        try (RegistryServer server = tokenServer().start()) {
            Http http = new Http(server.url());
            for (String auth : List.of(basic("alice", "nope"), basic("mallory", "x"), "Basic !!!", "Bearer abc")) {
                HttpResponse<byte[]> r = http.get("/token?service=oci4j-registry&scope=repository:team/app:pull",
                        "Authorization", auth);
                assertThat(r.statusCode()).as(auth).isEqualTo(401);
                assertThat(RegistryServerContract.code(r)).isEqualTo(ErrorCode.UNAUTHORIZED);
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"oci4j registry\"");
            }
            HttpResponse<byte[]> otherService = http.get("/token?service=elsewhere", "Authorization", basic("alice", "wonderland"));
            assertThat(otherService.statusCode()).isEqualTo(400);
            assertThat(text(otherService)).contains("elsewhere");
            HttpResponse<byte[]> badScope = http.get("/token?scope=nonsense", "Authorization", basic("alice", "wonderland"));
            assertThat(badScope.statusCode()).isEqualTo(400);
            assertThat(text(badScope)).contains("TYPE:NAME:ACTIONS");
            assertThat(http.get("/token?scope=repository:UPPER:pull").statusCode()).isEqualTo(400);
            assertThat(http.send("DELETE", "/token", null).statusCode()).isEqualTo(405);
        }
    }

    @Test
    void forgedTamperedOrForeignTokensAreInvalid() throws IOException {
        try (RegistryServer server = tokenServer().start(); RegistryServer other = tokenServer().start()) {
            Http http = new Http(server.url());
            String good = token(http, basic("alice", "wonderland"), "repository:team/app:pull");
            String[] parts = good.split("\\.");
            String widened = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                    Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("team/app", "team/xxx")
                    .getBytes(StandardCharsets.UTF_8));
            String foreign = token(new Http(other.url()), basic("alice", "wonderland"), "repository:team/app:pull");
            for (String t : List.of(parts[0] + "." + widened + "." + parts[2], foreign, "garbage", "a.b.c", "")) {
                HttpResponse<byte[]> r = http.get("/v2/team/app/tags/list", "Authorization", "Bearer " + t);
                assertThat(r.statusCode()).as(t).isEqualTo(401);
                assertThat(challenge(r).error()).as(t).hasValue("invalid_token");
            }
            assertThat(http.get("/v2/team/app/tags/list", "Authorization", "Bearer " + good).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void tokensExpire() throws IOException {
        MovableClock clock = new MovableClock();
        try (RegistryServer server = tokenServer().bearerTokens(Duration.ofSeconds(60)).clock(clock).start()) {
            Http http = new Http(server.url());
            HttpResponse<byte[]> r = http.get("/token?scope=repository:team/app:pull", "Authorization", basic("alice", "wonderland"));
            assertThat(json(r).get("expires_in").asLong()).isEqualTo(60);
            assertThat(json(r).get("issued_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
            String token = json(r).get("token").asText();
            clock.now = clock.now.plusSeconds(59);
            assertThat(http.get("/v2/team/app/tags/list", "Authorization", "Bearer " + token).statusCode()).isEqualTo(404);
            clock.now = clock.now.plusSeconds(1);
            HttpResponse<byte[]> expired = http.get("/v2/team/app/tags/list", "Authorization", "Bearer " + token);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(challenge(expired).error()).hasValue("invalid_token");
            assertThat(text(expired)).contains("expired");
        }
    }

    @Test
    void anonymousPullWorksOnItsOwnWithoutAnyToken() throws IOException {
        try (RegistryServer server = tokenServer().anonymousPull(true).start()) {
            Http http = new Http(server.url());
            // The ping challenges all the same: a client that is not sent to the token endpoint there never
            // goes, and then cannot push.
            assertThat(http.get("/v2/").statusCode()).isEqualTo(401);
            assertThat(http.get("/v2/team/app/tags/list").statusCode()).isEqualTo(404);   // passed auth, no such repo
            assertThat(http.get("/v2/_catalog").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> push = http.send("POST", "/v2/team/app/blobs/uploads/", null);
            assertThat(push.statusCode()).isEqualTo(401);
            assertThat(challenge(push).scopes()).containsExactly("repository:team/app:pull,push");
            // An anonymous token holds pull on anything, push on nothing.
            String anon = token(http, null, "repository:x/y:pull,push");
            assertThat(claims(anon).get("access").toString())
                    .isEqualTo("[{\"type\":\"repository\",\"name\":\"x/y\",\"actions\":[\"pull\"]}]");
        }
    }

    @Test
    void theRealmFollowsTheHostTheClientUsed() throws IOException {
        try (RegistryServer server = tokenServer().start()) {
            HttpResponse<byte[]> r = new Http(java.net.URI.create("http://localhost:" + server.port())).get("/v2/");
            assertThat(challenge(r).realm()).hasValue("http://localhost:" + server.port() + "/token");
        }
    }

    @Test
    void aMountFromARepositoryTheCallerMayNotReadOpensAnOrdinaryUpload() throws IOException {
        try (RegistryServer server = RegistryServer.builder().addUser("alice", "a").addUser("eve", "e")
                .grantPush("alice", "secret").grantPush("eve", "eve/*").bearerTokens(Duration.ofMinutes(1)).start()) {
            Http http = new Http(server.url());
            String alice = token(http, basic("alice", "a"), "repository:secret:pull,push");
            byte[] blob = utf8("the secret layer");
            assertThat(http.send("POST", "/v2/secret/blobs/uploads/?digest=" + sha256(blob), blob,
                    "Authorization", "Bearer " + alice).statusCode()).isEqualTo(201);
            String eve = token(http, basic("eve", "e"), "repository:eve/x:pull,push", "repository:secret:pull");
            for (String query : List.of("?mount=" + sha256(blob) + "&from=secret", "?mount=" + sha256(blob))) {
                HttpResponse<byte[]> r = http.send("POST", "/v2/eve/x/blobs/uploads/" + query, null,
                        "Authorization", "Bearer " + eve);
                assertThat(r.statusCode()).as(query).isEqualTo(202);
            }
            assertThat(http.get("/v2/eve/x/blobs/" + sha256(blob), "Authorization", "Bearer " + eve).statusCode())
                    .isEqualTo(404);
            // alice may read secret, so her mount into another of hers works.
            HttpResponse<byte[]> mine = http.send("POST", "/v2/secret/blobs/uploads/?mount=" + sha256(blob) + "&from=secret",
                    null, "Authorization", "Bearer " + alice);
            assertThat(mine.statusCode()).isEqualTo(201);
        }
    }
}
