package dev.oci4j.distribution.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.oci4j.distribution.ErrorCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The token endpoint (docker's token authentication specification, and its OAuth2 form): {@code GET
 * /token?service=S&scope=repository:NAME:pull,push} with optional Basic credentials, or {@code POST
 * /token} with {@code grant_type=password}. Answers {@code {"token","access_token","expires_in","issued_at"}}
 * granting the requested actions the policy allows and silently leaving out the others, as the
 * specification says; wrong credentials are 401. No credentials get an anonymous token.
 */
final class TokenEndpoint implements HttpHandler {

    static final String PATH = "/token";
    private static final int MAX_FORM = 64 * 1024;

    private final AccessPolicy policy;
    private final Tokens tokens;
    private final AccessControl access;
    private final Consumer<String> log;

    TokenEndpoint(AccessPolicy policy, Tokens tokens, AccessControl access, Consumer<String> log) {
        this.policy = policy;
        this.tokens = tokens;
        this.access = access;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Call.serve(exchange, log, this::issue);
    }

    /** Issues a token for the call's credentials and scopes (the OAuth2 password grant for a POST). */
    private void issue(Call c) throws IOException {
        if (!c.path.equals(PATH)) {
            throw new ApiError(404, ErrorCode.of("NOT_FOUND"), "no endpoint at " + Checks.shorten(c.path));
        }
        Map<String, List<String>> params = form(c.exchange.getRequestURI().getRawQuery());
        String user;
        switch (c.method) {
            case "GET" -> user = headerUser(c);
            case "POST" -> {
                params.putAll(form(readForm(c)));
                user = passwordGrant(params);
            }
            default -> throw Router.methodNotAllowed(c);
        }
        Optional<String> service = first(params, "service");
        if (service.isPresent() && !service.get().equals(tokens.service())) {
            throw new ApiError(400, ErrorCode.UNSUPPORTED, "service \"" + Checks.shorten(service.get())
                    + "\" is not this registry's (\"" + tokens.service() + "\")");
        }
        List<Tokens.Access> granted = new ArrayList<>();
        for (String scopes : params.getOrDefault("scope", List.of())) {
            for (String scope : scopes.trim().split(" +")) {
                if (!scope.isEmpty()) {
                    grant(user, scope).ifPresent(granted::add);
                }
            }
        }
        Tokens.Issued t = tokens.issue(user == null ? "" : user, granted);
        c.set("Cache-Control", "no-store");
        ObjectNode body = Json.newObject();
        body.put("token", t.token());
        body.put("access_token", t.token());
        body.put("expires_in", t.lifetime().toSeconds());
        body.put("issued_at", DateTimeFormatter.ISO_INSTANT.format(t.issuedAt()));
        c.bytes(200, "application/json", Json.write(body));
    }

    private static ApiError wrongCredentials() {
        return new ApiError(401, ErrorCode.UNAUTHORIZED, "wrong user name or password")
                .header("WWW-Authenticate", AccessControl.BASIC_CHALLENGE);
    }

    private String headerUser(Call c) {
        Optional<String> header = c.header("Authorization");
        if (header.isEmpty()) {
            return null;
        }
        String user = access.basicUser(header.get());
        if (user == null) {
            throw wrongCredentials();
        }
        return user;
    }

    private String passwordGrant(Map<String, List<String>> params) {
        String grant = first(params, "grant_type").orElse("");
        if (!grant.equals("password")) {
            // Refresh tokens are not issued, so a refresh_token grant cannot hold one of ours.
            throw new ApiError(400, ErrorCode.UNSUPPORTED, "grant_type \"" + Checks.shorten(grant)
                    + "\" is not supported; use password, or GET with Basic credentials");
        }
        String user = first(params, "username").orElse("");
        if (user.isEmpty() || !policy.authenticate(user, first(params, "password").orElse(""))) {
            throw wrongCredentials();
        }
        return user;
    }

    /** {@code TYPE:NAME:ACTIONS} → what of it {@code user} may have, empty when nothing. */
    private Optional<Tokens.Access> grant(String user, String scope) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first <= 0 || last <= first + 1) {
            throw new ApiError(400, ErrorCode.UNSUPPORTED, "scope \"" + Checks.shorten(scope)
                    + "\" is not TYPE:NAME:ACTIONS, such as repository:library/busybox:pull,push");
        }
        String type = scope.substring(0, first);
        String name = scope.substring(first + 1, last);
        List<String> actions = new ArrayList<>();
        if (type.equals("registry") && name.equals("catalog")) {
            for (String a : scope.substring(last + 1).split(",")) {
                if (a.equals("*") && policy.mayList(user)) {
                    actions.add(a);
                }
            }
        } else if (type.equals("repository")) {
            Checks.name(name);
            for (String a : scope.substring(last + 1).split(",")) {
                boolean ok = switch (a) {
                    case "pull" -> policy.mayPull(user, name);
                    // Deleting needs push here; "*" asks for everything a repository offers.
                    case "push", "delete", "*" -> policy.mayPush(user, name);
                    default -> false;
                };
                if (ok && !actions.contains(a)) {
                    actions.add(a);
                }
            }
            if (actions.contains("*") || actions.contains("delete")) {
                // A token names the actions the registry checks: pull and push.
                for (String implied : List.of("pull", "push")) {
                    if (!actions.contains(implied)) {
                        actions.add(implied);
                    }
                }
            }
        }
        return actions.isEmpty() ? Optional.empty() : Optional.of(new Tokens.Access(type, name, actions));
    }

    private static String readForm(Call c) throws IOException {
        try (InputStream in = c.body()) {
            byte[] bytes = in.readNBytes(MAX_FORM + 1);
            if (bytes.length > MAX_FORM) {
                throw new ApiError(413, ErrorCode.SIZE_INVALID, "the token request's form is over " + MAX_FORM + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** {@code a=1&b=2&b=3}: every value of every key (a scope may be asked for more than once). */
    private static Map<String, List<String>> form(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, ErrorCode.UNSUPPORTED, "malformed form or query: " + e.getMessage());
            }
        }
        return out;
    }

    private static Optional<String> first(Map<String, List<String>> params, String key) {
        List<String> v = params.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }
}
