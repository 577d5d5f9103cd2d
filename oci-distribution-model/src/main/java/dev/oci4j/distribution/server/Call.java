package dev.oci4j.distribution.server;

import com.sun.net.httpserver.HttpExchange;
import dev.oci4j.distribution.DistributionJson;
import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.distribution.ErrorResponse;
import dev.oci4j.distribution.RegistryError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** One request and its response, counting what was sent for the request log. */
final class Call {

    final HttpExchange exchange;
    final String method;
    final String path;
    final Map<String, String> query;
    int status;
    long bytesSent;

    Call(HttpExchange exchange) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.path = exchange.getRequestURI().getRawPath();
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    /** What a handler does with one call; an {@link ApiError} it throws becomes the error response. */
    @FunctionalInterface
    interface Body {
        void handle(Call c) throws IOException;
    }

    /**
     * Serves one exchange the way every handler of the server does: {@code body} answers it; an
     * {@link ApiError} becomes its error response, any other failure a 500; the exchange is closed
     * and one line goes to the request log.
     */
    static void serve(HttpExchange exchange, Consumer<String> log, Body body) {
        long start = System.nanoTime();
        Call c = new Call(exchange);
        try {
            body.handle(c);
        } catch (ApiError e) {
            c.respond(e);
        } catch (IOException | RuntimeException e) {
            c.respond(new ApiError(500, ErrorCode.of("UNKNOWN"), e.toString()));
        } finally {
            exchange.close();
            log.accept(c.method + " " + c.path + " " + (c.status == 0 ? "-" : c.status) + " " + c.bytesSent + " "
                    + (System.nanoTime() - start) / 1_000_000 + "ms");
        }
    }

    private void respond(ApiError e) {
        if (responded()) {
            return;   // the status line is gone; closing the exchange cuts the body short, which the client sees
        }
        try {
            error(e);
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** Every value of a request header, in order; empty when absent. */
    java.util.List<String> headers(String name) {
        java.util.List<String> values = exchange.getRequestHeaders().get(name);
        return values == null ? java.util.List.of() : values;
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    Call set(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
        return this;
    }

    InputStream body() {
        return exchange.getRequestBody();
    }

    boolean responded() {
        return status != 0;
    }

    /** A response without a body; {@code Content-Length: 0} except for 204. */
    void empty(int code) throws IOException {
        status = code;
        exchange.sendResponseHeaders(code, -1);
    }

    /** A response with a body given whole (small documents only); HEAD sends the headers alone. */
    void bytes(int code, String contentType, byte[] body) throws IOException {
        set("Content-Type", contentType);
        if (isHead()) {
            headers(code, body.length);
            return;
        }
        status = code;
        exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        bytesSent = body.length;
    }

    /** The status and a {@code Content-Length} for a HEAD, whose body stays empty. */
    void headers(int code, long length) throws IOException {
        set("Content-Length", Long.toString(length));
        status = code;
        exchange.sendResponseHeaders(code, -1);
    }

    /** Streams {@code length} bytes of {@code in} (closed afterwards) as the body. */
    void stream(int code, String contentType, long length, InputStream in) throws IOException {
        try (in) {
            set("Content-Type", contentType);
            if (isHead()) {
                headers(code, length);
                return;
            }
            status = code;
            exchange.sendResponseHeaders(code, length == 0 ? -1 : length);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] buf = new byte[Uploads.BUFFER];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException("blob ended " + left + " bytes early");
                    }
                    out.write(buf, 0, n);
                    bytesSent += n;
                    left -= n;
                }
            }
        }
    }

    void error(ApiError e) throws IOException {
        e.headers.forEach(this::set);
        RegistryError.Builder err = RegistryError.builder().code(e.code);
        if (e.getMessage() != null) {
            err.message(e.getMessage());
        }
        byte[] body = DistributionJson.standard().write(ErrorResponse.builder().addError(err.build()).build());
        bytes(e.status, "application/json", body);
    }
}
