package dev.oci4j.distribution.server;

import dev.oci4j.distribution.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Basic authentication (RFC 7617) against users given in code; with anonymous pull, GET and HEAD
 * pass without credentials. A refusal is 401 {@code UNAUTHORIZED} with a {@code WWW-Authenticate} challenge.
 */
final class BasicAuth {

    static final String CHALLENGE = "Basic realm=\"oci4j registry\"";

    private final Map<String, byte[]> users;
    private final boolean anonymousPull;

    BasicAuth(Map<String, String> users, boolean anonymousPull) {
        this.users = Map.copyOf(users.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8))));
        this.anonymousPull = anonymousPull;
    }

    void check(Call c) {
        if (users.isEmpty() || anonymousPull && (c.method.equals("GET") || c.method.equals("HEAD"))) {
            return;
        }
        Optional<String> header = c.header("Authorization");
        if (header.isPresent() && header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                byte[] expected = colon < 0 ? null : users.get(pair.substring(0, colon));
                // Compared in constant time, so the answer's timing does not tell how much of a password was right.
                if (expected != null && MessageDigest.isEqual(expected,
                        pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8))) {
                    return;
                }
            } catch (IllegalArgumentException badBase64) {
                // refused below like any wrong credentials
            }
        }
        throw new ApiError(401, ErrorCode.UNAUTHORIZED, header.isPresent() ? "wrong user name or password"
                : "authentication required").header("WWW-Authenticate", CHALLENGE);
    }
}
