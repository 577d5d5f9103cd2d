package dev.oci4j.distribution.server;

import dev.oci4j.distribution.AuthChallenge;
import dev.oci4j.distribution.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks each request against the {@link AccessPolicy}, with HTTP Basic (RFC 7617) or with bearer tokens
 * from the server's own token endpoint (docker's token authentication specification). A request without
 * acceptable credentials is 401 {@code UNAUTHORIZED} with a {@code WWW-Authenticate} challenge; a user
 * known but not allowed is 403 {@code DENIED}. Reads need pull on the repository, everything else push.
 */
final class AccessControl {

    static final String BASIC_CHALLENGE = "Basic realm=\"oci4j registry\"";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d+)?|\\[[0-9A-Fa-f:.%a-z]+\\](:\\d+)?");

    private final AccessPolicy policy;
    private final Tokens tokens;
    private final String scheme;
    private final Supplier<String> hostPort;

    /**
     * @param tokens   null for Basic authentication
     * @param scheme   {@code http} or {@code https}, for the token realm's URL
     * @param hostPort the server's own address, for a realm when the request names no {@code Host}
     */
    AccessControl(AccessPolicy policy, Tokens tokens, String scheme, Supplier<String> hostPort) {
        this.policy = policy;
        this.tokens = tokens;
        this.scheme = scheme;
        this.hostPort = hostPort;
    }

    /** What a request needs: a repository (null for {@code /v2/}) or the catalog, and whether it writes. */
    private record Need(String repository, boolean catalog, boolean write) {
        String scope() {
            if (catalog) {
                return "registry:catalog:*";
            }
            return repository == null ? null : "repository:" + repository + (write ? ":pull,push" : ":pull");
        }
    }

    void check(Call c) {
        if (!policy.enabled()) {
            return;
        }
        Need need = need(c);
        if (tokens == null) {
            checkBasic(c, need);
        } else {
            checkBearer(c, need);
        }
    }

    private static Need need(Call c) {
        boolean write = !c.method.equals("GET") && !c.method.equals("HEAD");
        if (c.path.equals("/v2/_catalog")) {
            return new Need(null, true, false);   // only GET is an endpoint there; the route refuses the rest
        }
        Matcher m = Router.ROUTE.matcher(c.path);
        if (!m.matches()) {
            return new Need(null, false, write);
        }
        try {
            return new Need(Checks.name(m.group(1)), false, write);
        } catch (ApiError badName) {
            // Checked again by the route, once the caller is known: strangers learn nothing from names.
            return new Need(null, false, write);
        }
    }

    private boolean allowed(String user, Need need) {
        if (need.catalog()) {
            return policy.mayList(user);
        }
        if (need.repository() == null) {
            // Even with anonymous pull: clients (containers/image, docker) decide at this ping whether to
            // authenticate at all, and one answered 200 here never sends the credentials a push needs.
            return user != null;
        }
        return need.write() ? policy.mayPush(user, need.repository()) : policy.mayPull(user, need.repository());
    }

    // ---------------------------------------------------------------- Basic

    private void checkBasic(Call c, Need need) {
        Optional<String> header = c.header("Authorization");
        String user = null;
        if (header.isPresent()) {
            user = basicUser(header.get());
            if (user == null) {
                throw new ApiError(401, ErrorCode.UNAUTHORIZED, "wrong user name or password")
                        .header("WWW-Authenticate", BASIC_CHALLENGE);
            }
        }
        if (!allowed(user, need)) {
            throw refused(user, need).header("WWW-Authenticate", BASIC_CHALLENGE);
        }
        String who = user;
        limitMount(c, need, from -> policy.mayPull(who, from), who);
    }

    /** The user whose Basic credentials these are, null when they are wrong or not Basic. */
    String basicUser(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon > 0 && policy.authenticate(pair.substring(0, colon), pair.substring(colon + 1))) {
                return pair.substring(0, colon);
            }
        } catch (IllegalArgumentException badBase64) {
            // wrong like any other
        }
        return null;
    }

    private static ApiError refused(String user, Need need) {
        if (user == null) {
            return new ApiError(401, ErrorCode.UNAUTHORIZED, "authentication required"
                    + (need.scope() == null ? "" : " for " + need.scope()));
        }
        String what = need.catalog() ? "list the catalog"
                : need.repository() == null ? "use this registry"
                : (need.write() ? "push to " : "pull from ") + need.repository();
        return new ApiError(403, ErrorCode.DENIED, "requested access to the resource is denied: user " + user
                + " may not " + what);
    }

    /**
     * A mount takes a blob from another repository, which needs pull there: without it the mount is
     * dropped and the POST opens an ordinary upload (the spec's answer when a registry cannot mount).
     * Without {@code from} the registry searches every repository, so only someone who may pull
     * everything gets that.
     */
    private void limitMount(Call c, Need need, java.util.function.Predicate<String> mayPullFrom, String user) {
        if (!need.write() || need.repository() == null || !c.method.equals("POST") || c.param("mount").isEmpty()) {
            return;
        }
        Optional<String> from = c.param("from");
        boolean ok;
        if (from.isPresent()) {
            String source;
            try {
                source = Checks.name(from.get());
            } catch (ApiError badName) {
                return;   // the route refuses it
            }
            ok = mayPullFrom.test(source);
        } else {
            ok = policy.mayPullEverything(user);
        }
        if (!ok) {
            c.query.remove("mount");
            c.query.remove("from");
            c.query.remove("digest");
        }
    }

    // ---------------------------------------------------------------- Bearer

    private void checkBearer(Call c, Need need) {
        Optional<String> header = c.header("Authorization");
        Tokens.Claims claims = null;
        if (header.isPresent() && header.get().regionMatches(true, 0, "Bearer", 0, 6)
                && (header.get().length() == 6 || header.get().charAt(6) == ' ')) {
            try {
                claims = tokens.verify(header.get().substring(6).trim());
            } catch (Tokens.InvalidToken e) {
                throw new ApiError(401, ErrorCode.UNAUTHORIZED, e.getMessage())
                        .header("WWW-Authenticate", bearerChallenge(c, need, "invalid_token"));
            }
        }
        if (claims == null) {
            // No token: only what anonymous users may do passes; everyone else is sent to the token endpoint.
            if (allowed(null, need)) {
                limitMount(c, need, from -> policy.mayPull(null, from), null);
                return;
            }
            throw refused(null, need).header("WWW-Authenticate", bearerChallenge(c, need, null));
        }
        if (!tokenAllows(claims, need)) {
            String user = claims.subject().isEmpty() ? null : claims.subject();
            if (user != null && !allowed(user, need)) {
                throw refused(user, need);
            }
            // The user could have this access, the token just does not carry it: a new token can.
            throw new ApiError(401, ErrorCode.UNAUTHORIZED, "the token does not grant " + need.scope())
                    .header("WWW-Authenticate", bearerChallenge(c, need, "insufficient_scope"));
        }
        Tokens.Claims granted = claims;
        limitMount(c, need, from -> granted.allows("repository", from, "pull"),
                claims.subject().isEmpty() ? null : claims.subject());
    }

    private static boolean tokenAllows(Tokens.Claims claims, Need need) {
        if (need.catalog()) {
            return claims.allows("registry", "catalog", "*");
        }
        if (need.repository() == null) {
            return true;   // any token this registry issued opens /v2/
        }
        return claims.allows("repository", need.repository(), need.write() ? "push" : "pull");
    }

    private String bearerChallenge(Call c, Need need, String error) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("realm", realm(c));
        p.put("service", tokens.service());
        if (need.scope() != null) {
            String scope = need.scope();
            Optional<String> from = c.method.equals("POST") ? c.param("from") : Optional.empty();
            if (c.param("mount").isPresent() && from.isPresent() && from.get().matches("[a-z0-9._/-]+")) {
                scope += " repository:" + from.get() + ":pull";
            }
            p.put("scope", scope);
        }
        if (error != null) {
            p.put("error", error);
        }
        return AuthChallenge.of("Bearer", p).toString();
    }

    /** The token endpoint's URL as the client reached this server (it may know it by another name than ours). */
    String realm(Call c) {
        String host = c.header("Host").filter(h -> HOST.matcher(h).matches()).orElseGet(hostPort);
        return scheme + "://" + host + TokenEndpoint.PATH;
    }
}
