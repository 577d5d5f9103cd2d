package dev.oci4j.distribution.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.distribution.DistributionFormatException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.oci4j.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens this server issues and checks: JWTs (RFC 7519) signed with HMAC-SHA256 under a key made
 * when the server starts, carrying the subject, the audience (the service), issue and expiry times and
 * the granted access in the claim docker's token specification uses
 * ({@code "access":[{"type":"repository","name":"a","actions":["pull"]}]}). Tokens die with the server.
 */
final class Tokens {

    /** What a valid token says: who (empty for anonymous) and which {@code type:name:action} entries. */
    record Claims(String subject, Set<String> access) {
        boolean allows(String type, String name, String action) {
            return access.contains(type + ":" + name + ":" + action);
        }
    }

    /** A token just issued. */
    record Issued(String token, Instant issuedAt, Duration lifetime) {
    }

    /** One granted scope: a resource and the actions allowed on it. */
    record Access(String type, String name, List<String> actions) {
    }

    /** Why a token was refused (the message goes to the client). */
    static final class InvalidToken extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidToken(String message) {
            super(message, null, false, false);
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    static final String ISSUER = "oci4j-registry";

    private final byte[] key = new byte[32];
    private final String service;
    private final Duration lifetime;
    private final Clock clock;

    Tokens(String service, Duration lifetime, Clock clock) {
        new SecureRandom().nextBytes(key);
        this.service = service;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String service() {
        return service;
    }

    Issued issue(String subject, List<Access> access) {
        Instant now = clock.instant();
        long iat = now.getEpochSecond();
        byte[] jti = new byte[12];
        new SecureRandom().nextBytes(jti);
        ObjectNode o = Json.newObject();
        o.put("iss", ISSUER);
        o.put("sub", subject);
        o.put("aud", service);
        o.put("exp", iat + lifetime.toSeconds());
        o.put("nbf", iat);
        o.put("iat", iat);
        o.put("jti", B64.encodeToString(jti));
        ArrayNode list = o.putArray("access");
        for (Access a : access) {
            ObjectNode entry = list.addObject();
            entry.put("type", a.type());
            entry.put("name", a.name());
            ArrayNode actions = entry.putArray("actions");
            a.actions().forEach(actions::add);
        }
        byte[] claims = Json.write(o);
        String unsigned = HEADER + "." + B64.encodeToString(claims);
        return new Issued(unsigned + "." + B64.encodeToString(sign(unsigned)), Instant.ofEpochSecond(iat), lifetime);
    }

    Claims verify(String token) throws InvalidToken {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(HEADER)) {
            throw new InvalidToken("the token is not one this registry issued");
        }
        byte[] signature;
        byte[] body;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
            body = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("the token is not one this registry issued");
        }
        // Constant time, so timing tells nothing about how much of a forged signature was right.
        if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
            throw new InvalidToken("the token's signature is not this registry's (issued before a restart?)");
        }
        try {
            JsonNode o = Json.readTree(body, DistributionFormatException::new);
            if (!o.isObject()) {
                throw new InvalidToken("the token's claims are malformed");
            }
            if (!service.equals(text(o, "aud"))) {
                throw new InvalidToken("the token is for service \"" + text(o, "aud") + "\", not \"" + service + "\"");
            }
            long now = clock.instant().getEpochSecond();
            if (!o.path("exp").canConvertToLong() || now >= o.get("exp").asLong()) {
                throw new InvalidToken("the token has expired");
            }
            Set<String> access = new LinkedHashSet<>();
            for (JsonNode a : o.path("access")) {
                for (JsonNode action : a.path("actions")) {
                    access.add(text(a, "type") + ":" + text(a, "name") + ":" + action.asText());
                }
            }
            return new Claims(text(o, "sub"), access);
        } catch (DistributionFormatException e) {
            throw new InvalidToken("the token's claims are malformed");
        }
    }

    private static String text(JsonNode o, String name) {
        return o.path(name).asText("");
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
