package dev.oci4j.distribution.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Plain java.net.http requests against a server, as a client would send them. */
final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(path.startsWith("http") ? URI.create(path) : base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException {
        return send("GET", path, null, headers);
    }

    /** Pushes a blob in one POST; returns its digest. */
    String pushBlob(String repo, byte[] content) throws IOException {
        String digest = sha256(content);
        HttpResponse<byte[]> r = send("POST", "/v2/" + repo + "/blobs/uploads/?digest=" + digest, content);
        if (r.statusCode() != 201) {
            throw new IOException("push blob: " + r.statusCode() + " " + text(r));
        }
        return digest;
    }

    /** Pushes a manifest; returns the response. */
    HttpResponse<byte[]> putManifest(String repo, String ref, String mediaType, String json) throws IOException {
        return send("PUT", "/v2/" + repo + "/manifests/" + ref, json.getBytes(StandardCharsets.UTF_8),
                "Content-Type", mediaType);
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        return hash("SHA-256", "sha256", content);
    }

    static String sha512(byte[] content) {
        return hash("SHA-512", "sha512", content);
    }

    private static String hash(String jca, String alg, byte[] content) {
        try {
            return alg + ":" + HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
