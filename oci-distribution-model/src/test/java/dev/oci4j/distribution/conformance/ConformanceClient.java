package dev.oci4j.distribution.conformance;

import dev.oci4j.distribution.DistributionJson;
import dev.oci4j.distribution.RegistryError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the conformance suite sends, as its Go client sends them: paths with {@code <name>},
 * {@code <reference>} and {@code <digest>} filled in, query parameters added to whatever the path
 * already holds, HTTP/1.1, redirects followed, no authentication.
 */
final class ConformanceClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    final String defaultName;

    ConformanceClient(URI base, String defaultName) {
        this.base = base;
        this.defaultName = defaultName;
    }

    Request request(String method, String path) {
        return new Request(method, path);
    }

    /** One request being built; {@link #send()} sends it. */
    final class Request {
        private final String method;
        private String path;
        private String name = defaultName;
        private String reference;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<String> query = new ArrayList<>();
        private byte[] body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request name(String name) {
            this.name = name;
            return this;
        }

        /** Fills {@code <reference>} (a tag or a digest). */
        Request reference(String reference) {
            this.reference = reference;
            return this;
        }

        /** Fills {@code <digest>}. */
        Request digest(String digest) {
            return reference(digest);
        }

        Request header(String header, String value) {
            // java.net.http computes Content-Length from the body, as Go's transport does.
            if (!header.equalsIgnoreCase("Content-Length")) {
                headers.put(header, value);
            }
            return this;
        }

        Request query(String key, String value) {
            query.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        Request body(byte[] body) {
            this.body = body;
            return this;
        }

        Response send() {
            String p = path.replace("<name>", name);
            if (reference != null) {
                p = p.replace("<reference>", reference).replace("<digest>", reference);
            }
            if (!query.isEmpty()) {
                p += (p.contains("?") ? "&" : "?") + String.join("&", query);
            }
            URI uri = p.startsWith("http://") || p.startsWith("https://") ? URI.create(p) : base.resolve(p);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            try {
                return new Response(http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + uri + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response with the helpers the suite uses. */
    final class Response {
        private final HttpResponse<byte[]> r;

        private Response(HttpResponse<byte[]> r) {
            this.r = r;
        }

        int status() {
            return r.statusCode();
        }

        /** The first value of a header, "" when absent (as Go's {@code Header.Get}). */
        String header(String name) {
            return r.headers().firstValue(name).orElse("");
        }

        byte[] body() {
            return r.body();
        }

        /** {@code Location} without scheme and host: the path and query to send the next request to. */
        String relativeLocation() {
            String location = header("Location");
            if (location.isEmpty()) {
                return "";
            }
            URI u = base.resolve(location);
            return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }

        /** {@code Location} resolved against the registry's URL. */
        String absoluteLocation() {
            String location = header("Location");
            return location.isEmpty() ? "" : base.resolve(location).toString();
        }

        /** The error codes of the body; fails when it is no error document. */
        List<String> errorCodes() {
            return DistributionJson.standard().readErrorResponse(r.body()).errors().stream()
                    .map(e -> e.code().value()).toList();
        }

        @Override
        public String toString() {
            String text = new String(r.body(), StandardCharsets.UTF_8);
            return r.request().method() + " " + r.uri() + " -> " + r.statusCode()
                    + (text.isEmpty() ? "" : " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text.strip()));
        }
    }
}
