package dev.oci4j.distribution.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.distribution.AuthChallenge;
import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.internal.json.Json;
import dev.oci4j.internal.json.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry authentication (Docker's token authentication specification, distribution-spec
 * "Authentication"): Basic when the registry asks for it, otherwise bearer tokens fetched from the
 * challenge's realm with the user's credentials, cached per registry and scope, and fetched anew when
 * they expire or a 401 names a scope the cached token lacks. The cached token is never sent to the
 * token endpoint.
 */
final class TokenAuth {

    /** Docker's default when the token response has no expires_in. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    /**
     * Tokens are refreshed this long before they expire, so a request does not race the expiry; a
     * quarter of the lifetime for tokens shorter than 40 s, or a 2 s token would never be reused.
     */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    /** A token and when to stop using it (its expiry less the margin). */
    private record Token(String value, Instant refreshAt) {
    }

    private final Transport transport;
    private final CredentialProvider credentials;
    private final Map<String, AuthChallenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    TokenAuth(Transport transport, CredentialProvider credentials) {
        this.transport = transport;
        this.credentials = credentials;
    }

    /** The Authorization value for a request, or null before the registry asked for any. */
    String authorization(String registry, String scope) throws IOException {
        AuthChallenge c = challenges.get(registry);
        if (c == null) {
            return null;
        }
        if (c.isScheme("Basic")) {
            Optional<Credentials> creds = credentials.credentialsFor(registry);
            return creds.filter(x -> x.password().isPresent()).map(Credentials::basicHeader).orElse(null);
        }
        String key = key(registry, scope);
        synchronized (lock(key)) {
            Token t = tokens.get(key);
            if (!fresh(t)) {
                t = fetch(registry, c, scopes(scope, List.of()));
                tokens.put(key, t);
            }
            return "Bearer " + t.value();
        }
    }

    /**
     * Takes a 401's challenges; true when a new attempt can succeed (credentials or a token to try).
     * {@code sent} is the Authorization the refused request carried (null for none): what this request
     * sent decides, not what other requests did meanwhile, since parallel requests meet the first 401
     * together.
     */
    boolean challenged(String registry, List<String> headers, String scope, String sent) throws IOException {
        AuthChallenge chosen = null;
        for (String h : headers) {
            List<AuthChallenge> parsed;
            try {
                parsed = AuthChallenge.parseAll(h);
            } catch (DistributionFormatException e) {
                throw new IOException(registry + ": the registry's WWW-Authenticate is malformed: " + e.getMessage(), e);
            }
            for (AuthChallenge c : parsed) {
                if (c.isScheme("Bearer") && c.realm().isPresent()) {
                    chosen = c;
                } else if (c.isScheme("Basic") && chosen == null) {
                    chosen = c;
                }
            }
        }
        if (chosen == null) {
            return false;
        }
        challenges.put(registry, chosen);
        if (chosen.isScheme("Basic")) {
            boolean haveCreds = credentials.credentialsFor(registry).flatMap(Credentials::password).isPresent();
            // Credentials this request sent were refused: another attempt cannot help.
            return haveCreds && (sent == null || !sent.regionMatches(true, 0, "Basic ", 0, 6));
        }
        String key = key(registry, scope);
        synchronized (lock(key)) {
            Token current = tokens.get(key);
            if (fresh(current) && !("Bearer " + current.value()).equals(sent)) {
                // Parallel requests met the same 401; one of them has fetched the token already.
                return true;
            }
            // A token was refused, or the challenge names a scope it lacks: fetch one for the union.
            Token t = fetch(registry, chosen, scopes(scope, chosen.scopes()));
            tokens.put(key, t);
            return true;
        }
    }

    private static boolean fresh(Token t) {
        return t != null && Instant.now().isBefore(t.refreshAt());
    }

    /** One lock per registry and scope: parallel blob requests wait for one token fetch, not one each. */
    private Object lock(String key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    private static List<String> scopes(String scope, List<String> extra) {
        Set<String> all = new LinkedHashSet<>();
        if (scope != null && !scope.isBlank()) {
            all.addAll(List.of(scope.trim().split(" +")));
        }
        all.addAll(extra);
        return new ArrayList<>(all);
    }

    private static String key(String registry, String scope) {
        return registry + " " + (scope == null ? "" : scope);
    }

    private Token fetch(String registry, AuthChallenge challenge, List<String> scopes) throws IOException {
        String realm = challenge.realm().orElseThrow();
        // Every failure names the realm: the token endpoint is another server than the registry,
        // and "the registry refused" would send the user looking in the wrong place.
        String endpoint = registry + ": token endpoint " + realm;
        URI realmUri;
        try {
            realmUri = URI.create(realm);
            if (realmUri.getScheme() == null || !realmUri.getScheme().matches("(?i)https?")) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(registry + ": the token realm \"" + realm + "\" is not an http(s) URL", e);
        }
        Optional<Credentials> creds = credentials.credentialsFor(registry);
        StringBuilder query = new StringBuilder();
        challenge.service().ifPresent(s -> query.append("&service=").append(enc(s)));
        for (String s : scopes) {
            query.append("&scope=").append(enc(s));
        }
        HttpRequest.Builder b;
        if (creds.isPresent() && creds.get().identityToken().isPresent()) {
            String form = "grant_type=refresh_token&client_id=oci4j&refresh_token=" + enc(creds.get().identityToken().get())
                    + query;
            b = HttpRequest.newBuilder(realmUri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            String q = query.length() == 0 ? "" : query.substring(1);
            String sep = realm.contains("?") ? "&" : "?";
            b = HttpRequest.newBuilder(URI.create(realm + (q.isEmpty() ? "" : sep + q))).GET();
            creds.filter(c -> c.password().isPresent()).ifPresent(c -> b.header("Authorization", c.basicHeader()));
        }
        b.timeout(Duration.ofMinutes(1));
        // A GET for a token is idempotent: retried on 429, 5xx and network errors as the registry's own
        // GETs are. The refresh-token POST is sent once (a token service may rotate refresh tokens).
        boolean retryable = b.build().method().equals("GET");
        HttpResponse<InputStream> r;
        for (int attempt = 1; ; attempt++) {
            try {
                r = transport.sendRaw(transport.http(), b.build());
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (retryable && transport.retryAfter(attempt, 0, null, endpoint)) {
                    continue;
                }
                // The JDK's ConnectException often has no message at all.
                throw new IOException(endpoint + ": cannot be reached (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
            }
            if (retryable && r.statusCode() != 200 && transport.retryAfter(attempt, r.statusCode(), r.headers(), endpoint)) {
                Transport.discard(r);
                continue;
            }
            break;
        }
        if (r.statusCode() != 200) {
            throw Transport.error(r, b.build().method(), endpoint);
        }
        byte[] body = Transport.readBody(r, 1024 * 1024, endpoint);
        try {
            JsonFields o = JsonFields.of(Json.readTree(body, DistributionFormatException::new), "",
                    DistributionFormatException::new);
            String token = o.omitemptyString("token").or(() -> o.omitemptyString("access_token")).orElseThrow(() ->
                    new IOException(endpoint + ": the answer has neither \"token\" nor \"access_token\""));
            // Lenient, as Docker is: an expires_in that is no positive integer means the default.
            Duration life = o.node("expires_in").filter(JsonNode::canConvertToLong).map(JsonNode::asLong)
                    .filter(n -> n > 0).map(Duration::ofSeconds).orElse(DEFAULT_LIFETIME);
            Duration margin = life.compareTo(MARGIN.multipliedBy(4)) < 0 ? life.dividedBy(4) : MARGIN;
            return new Token(token, Instant.now().plus(life).minus(margin));
        } catch (DistributionFormatException e) {
            throw new IOException(endpoint + ": the answer is not a token response: " + e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
