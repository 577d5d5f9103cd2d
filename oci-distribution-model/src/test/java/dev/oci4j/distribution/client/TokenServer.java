package dev.oci4j.distribution.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A token server as Docker's token authentication specification describes it, on the JDK's HttpServer:
 * {@code GET /token?service=...&scope=...} with Basic credentials answers an RS256 JWT granting the
 * scopes asked for. The signing key is a fresh RSA key with a self-signed certificate (DER written
 * here: the JDK has no public API that makes certificates); docker-registry trusts it through
 * {@code rootcertbundle} and finds it through the token's {@code x5c} header.
 */
final class TokenServer implements AutoCloseable {

    static final String SERVICE = "oci4j-test-registry";
    static final String ISSUER = "oci4j-test-issuer";

    private final HttpServer server;
    private final KeyPair key;
    private final byte[] certificate;
    private final String user;
    private final String password;
    /** What the answer's {@code expires_in} announces. */
    volatile long expiresIn;
    /**
     * How long docker-registry accepts the token: its {@code exp} claim is set so that, with the
     * registry's leeway for clock skew added, the token is refused this many seconds after issue.
     * Below {@link #expiresIn}, it plays a token that dies earlier than announced (clock skew, a
     * revoked session).
     */
    volatile long validSeconds;
    /** How the endpoint answers. */
    volatile Mode mode = Mode.TOKENS;
    /** Repositories whose next token is granted {@code pull} only, even when {@code push} is asked. */
    final Set<String> pullOnlyOnce = ConcurrentHashMap.newKeySet();
    /** The scopes of each token request, in order: the tests count fetches per scope. */
    final List<List<String>> requests = new CopyOnWriteArrayList<>();
    /** The tokens issued, in order. */
    final List<String> issued = new CopyOnWriteArrayList<>();
    final Map<String, Integer> refused = new ConcurrentHashMap<>();

    /** How the token endpoint answers. */
    enum Mode {
        /** Tokens, as the specification says. */
        TOKENS,
        /** HTTP 200 with a body that is not JSON. */
        GARBAGE,
        /** HTTP 500 with an HTML page, as a broken proxy in front of a token service would. */
        SERVER_ERROR
    }

    /**
     * docker-registry 2.8 accepts a token this long after its {@code exp} (the JWT leeway for clock
     * skew, distribution's registry/auth/token); the tests that need a token to really expire take it
     * off the claim.
     */
    static final long REGISTRY_LEEWAY_SECONDS = 60;

    TokenServer(String user, String password, long lifetimeSeconds) throws IOException, GeneralSecurityException {
        this.user = user;
        this.password = password;
        this.expiresIn = lifetimeSeconds;
        this.validSeconds = lifetimeSeconds + REGISTRY_LEEWAY_SECONDS;
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        this.key = g.generateKeyPair();
        this.certificate = selfSigned(key, "oci4j test token issuer");
        // Proof that the DER is a certificate before docker-registry, which says less, reads it.
        CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(certificate));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The certificate as the PEM bundle docker-registry's {@code rootcertbundle} names. */
    Path writeBundle(Path file) throws IOException {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate)
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(file, pem);
    }

    /** The registry config's {@code auth:} section for this server. */
    String authYaml(Path bundle) {
        return String.join("\n",
                "auth:",
                "  token:",
                "    realm: " + realm(),
                "    service: " + SERVICE,
                "    issuer: " + ISSUER,
                "    rootcertbundle: " + bundle);
    }

    private void token(HttpExchange x) throws IOException {
        try (x) {
            List<String> scopes = new ArrayList<>();
            String service = null;
            String query = x.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(pair.substring(0, Math.max(eq, 0)), StandardCharsets.UTF_8);
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (k.equals("scope")) {
                    scopes.add(v);
                } else if (k.equals("service")) {
                    service = v;
                }
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            if (!SERVICE.equals(service) || !expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
                refused.merge(String.valueOf(service), 1, Integer::sum);
                byte[] body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}"
                        .getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(401, body.length);
                x.getResponseBody().write(body);
                return;
            }
            requests.add(List.copyOf(scopes));
            Mode m = mode;
            if (m != Mode.TOKENS) {
                byte[] body = (m == Mode.GARBAGE ? "<html>token service maintenance</html>"
                        : "<html><body><h1>500 Internal Server Error</h1></body></html>").getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "text/html");
                x.sendResponseHeaders(m == Mode.GARBAGE ? 200 : 500, body.length);
                x.getResponseBody().write(body);
                return;
            }
            List<String> granted = new ArrayList<>();
            for (String s : scopes) {
                String[] p = s.split(":");
                granted.add(p.length == 3 && p[0].equals("repository") && p[2].contains("push") && pullOnlyOnce.remove(p[1])
                        ? "repository:" + p[1] + ":pull" : s);
            }
            String token = jwt(granted);
            issued.add(token);
            byte[] body = ("{\"token\":\"" + token + "\",\"expires_in\":" + expiresIn + "}")
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** An RS256 JWT for {@code scopes} ({@code type:name:action,action}), with the certificate as x5c. */
    private String jwt(List<String> scopes) throws GeneralSecurityException {
        String header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\"" + Base64.getEncoder().encodeToString(certificate) + "\"]}";
        String access = scopes.stream().map(s -> {
            String[] p = s.split(":");
            String actions = p.length < 3 ? "" : java.util.Arrays.stream(p[p.length - 1].split(","))
                    .map(a -> "\"" + a + "\"").collect(Collectors.joining(","));
            String name = String.join(":", java.util.Arrays.copyOfRange(p, 1, Math.max(p.length - 1, 1)));
            return "{\"type\":\"" + p[0] + "\",\"name\":\"" + name + "\",\"actions\":[" + actions + "]}";
        }).collect(Collectors.joining(","));
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"aud\":\"" + SERVICE + "\",\"exp\":"
                + (now + validSeconds - REGISTRY_LEEWAY_SECONDS) + ",\"nbf\":" + (now - 10) + ",\"iat\":" + now + ",\"jti\":\""
                + Long.toHexString(System.nanoTime()) + "\",\"access\":[" + access + "]}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key.getPrivate());
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(s.sign());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // A minimal DER writer: just what an X.509 v3 certificate without extensions needs.

    static byte[] selfSigned(KeyPair key, String commonName) throws GeneralSecurityException {
        byte[] sha256WithRsa = der(0x30, oid(1, 2, 840, 113549, 1, 1, 11), new byte[] {0x05, 0x00});
        byte[] name = der(0x30, der(0x31, der(0x30, oid(2, 5, 4, 3),
                der(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
        Instant now = Instant.now();
        byte[] validity = der(0x30,
                der(0x17, utc.format(now.minusSeconds(3600)).getBytes(StandardCharsets.US_ASCII)),
                der(0x17, utc.format(now.plusSeconds(86_400)).getBytes(StandardCharsets.US_ASCII)));
        byte[] tbs = der(0x30,
                der(0xa0, der(0x02, new byte[] {2})),
                der(0x02, BigInteger.valueOf(now.toEpochMilli()).toByteArray()),
                sha256WithRsa, name, validity, name, key.getPublic().getEncoded());
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key.getPrivate());
        s.update(tbs);
        byte[] sig = s.sign();
        byte[] bits = new byte[sig.length + 1];
        System.arraycopy(sig, 0, bits, 1, sig.length);
        return der(0x30, tbs, sha256WithRsa, der(0x03, bits));
    }

    static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        int n = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(40 * arcs[0] + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int v = arcs[i];
            int groups = 1;
            while ((v >>> (7 * groups)) != 0) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write(((v >>> (7 * g)) & 0x7f) | (g > 0 ? 0x80 : 0));
            }
        }
        return der(0x06, out.toByteArray());
    }
}
