package dev.oci4j.distribution.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A small HTTP proxy in front of a registry that injects one fault per rule: a body cut off half
 * way, a 503 or 429 with Retry-After, a corrupted blob, a PATCH whose answer is lost, a redirect.
 */
final class FaultProxy implements AutoCloseable {

    enum Fault { CUT_BODY, STATUS_503, STATUS_429, CORRUPT, LOSE_ANSWER, REDIRECT }

    /** A fault for the next {@code times} requests that match. */
    static final class Rule {
        final Fault fault;
        final Predicate<HttpExchange> matches;
        int times;

        Rule(Fault fault, Predicate<HttpExchange> matches, int times) {
            this.fault = fault;
            this.matches = matches;
            this.times = times;
        }
    }

    private static final Set<String> HOP = Set.of("content-length", "transfer-encoding", "connection", "date");

    private final HttpServer server;
    private final String upstream;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    final List<Rule> rules = new java.util.concurrent.CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    volatile String redirectTo;
    volatile String requiredAuthorization;
    /** Passes the client's Authorization header on (in front of a token server, whose Basic check it is). */
    volatile boolean forwardAuthorization;

    FaultProxy(String upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void add(Fault fault, Predicate<HttpExchange> matches, int times) {
        rules.add(new Rule(fault, matches, times));
    }

    static Predicate<HttpExchange> blobGet() {
        return x -> x.getRequestMethod().equals("GET") && x.getRequestURI().getPath().contains("/blobs/sha256:");
    }

    private synchronized Fault take(HttpExchange x) {
        for (Rule r : rules) {
            if (r.times > 0 && r.matches.test(x)) {
                r.times--;
                return r.fault;
            }
        }
        return null;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            log.add(x.getRequestMethod() + " " + x.getRequestURI() + (auth == null ? "" : " [auth]")
                    + (x.getRequestHeaders().containsKey("Range") ? " Range:" + x.getRequestHeaders().getFirst("Range") : "")
                    + (x.getRequestHeaders().containsKey("Content-Range")
                            ? " Content-Range:" + x.getRequestHeaders().getFirst("Content-Range") : ""));
            if (requiredAuthorization != null && !requiredAuthorization.equals(auth)) {
                x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"proxy\"");
                x.sendResponseHeaders(401, -1);
                return;
            }
            Fault fault = take(x);
            if (fault == Fault.STATUS_503 || fault == Fault.STATUS_429) {
                x.getResponseHeaders().add("Retry-After", "1");
                x.sendResponseHeaders(fault == Fault.STATUS_503 ? 503 : 429, -1);
                return;
            }
            if (fault == Fault.REDIRECT) {
                x.getResponseHeaders().add("Location", redirectTo + x.getRequestURI());
                x.sendResponseHeaders(307, -1);
                return;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + x.getRequestURI()));
            for (String h : List.of("Accept", "Content-Type", "Content-Range", "Range")) {
                String v = x.getRequestHeaders().getFirst(h);
                if (v != null) {
                    b.header(h, v);
                }
            }
            if (forwardAuthorization && auth != null) {
                b.header("Authorization", auth);
            }
            byte[] body = x.getRequestBody().readAllBytes();
            b.method(x.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (fault == Fault.LOSE_ANSWER) {
                return; // closing without an answer drops the connection
            }
            for (Map.Entry<String, List<String>> h : r.headers().map().entrySet()) {
                if (!HOP.contains(h.getKey().toLowerCase())) {
                    String v = h.getValue().get(0);
                    if (h.getKey().equalsIgnoreCase("Location") && v.startsWith(upstream)) {
                        v = "http://" + host() + v.substring(upstream.length());
                    }
                    x.getResponseHeaders().add(h.getKey(), v);
                }
            }
            byte[] out = r.body();
            if (fault == Fault.CORRUPT && out.length > 0) {
                out = out.clone();
                out[out.length / 2] ^= 1;
            }
            boolean noBody = x.getRequestMethod().equals("HEAD") || out.length == 0;
            x.sendResponseHeaders(r.statusCode(), noBody ? -1 : out.length);
            if (noBody) {
                return;
            }
            OutputStream os = x.getResponseBody();
            if (fault == Fault.CUT_BODY) {
                os.write(out, 0, out.length / 2);
                os.flush();
                throw new IOException("cut"); // leaves the fixed-length body short: the connection closes
            }
            os.write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A second server on another host name that serves what it is asked from upstream, logging Authorization. */
    static HttpServer otherHost(String upstream, ConcurrentLinkedQueue<String> seen) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpClient http = HttpClient.newHttpClient();
        s.createContext("/", x -> {
            try (x) {
                seen.add(x.getRequestURI() + (x.getRequestHeaders().containsKey("Authorization") ? " [auth]" : ""));
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(upstream + x.getRequestURI()))
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                byte[] out = r.body().readAllBytes();
                x.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    x.getResponseBody().write(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        s.start();
        return s;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
