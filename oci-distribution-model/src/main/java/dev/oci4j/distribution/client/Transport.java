package dev.oci4j.distribution.client;

import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.DistributionJson;
import dev.oci4j.distribution.ErrorResponse;
import dev.oci4j.distribution.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * HTTP for one client: which scheme a registry speaks, authentication, redirects without
 * credentials to other hosts, and retries of idempotent requests.
 */
final class Transport {

    /** How a request body is produced, once per attempt. */
    @FunctionalInterface
    interface Body {
        BodyPublisher open() throws IOException;
    }

    /**
     * One request. {@code scope} is the token scope it needs ({@code repository:a:pull}); {@code retryable}
     * says it may be sent again after a failure (idempotent, or harmless to repeat).
     */
    record Call(String method, String registry, URI uri, Map<String, String> headers, Body body, String scope,
            boolean retryable, String target) {
    }

    private static final int MAX_REDIRECTS = 10;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final Supplier<HttpClient> insecureHttp;
    private final Set<String> insecureRegistries;
    /** Loopback registries reached over plain HTTP that have not answered over it yet. */
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
    /** Loopback registries found to speak TLS: reached without certificate checks, as Docker does. */
    private final Set<String> loopbackTls = ConcurrentHashMap.newKeySet();
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxRetryAfter;
    private final String userAgent;
    private final TokenAuth auth;
    private final Map<String, String> schemes = new ConcurrentHashMap<>();
    /** Loopback registries that answered over plain HTTP. */
    private final Set<String> confirmedHttp = ConcurrentHashMap.newKeySet();

    Transport(HttpClient http, Supplier<HttpClient> insecureHttp, Set<String> insecureRegistries, CredentialProvider credentials,
            int maxAttempts, Duration backoff, Duration maxRetryAfter, String userAgent) {
        this.http = http;
        this.insecureHttp = insecureHttp;
        this.insecureRegistries = Set.copyOf(insecureRegistries);
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxRetryAfter = maxRetryAfter;
        this.userAgent = userAgent;
        this.auth = new TokenAuth(this, credentials);
    }

    /** The registry API's base URI, such as {@code https://registry-1.docker.io}. */
    URI base(String registry) throws IOException {
        String host = registry.equals(Reference.DOCKER_HUB) ? Reference.DOCKER_HUB_API_HOST : registry;
        return URI.create(scheme(registry) + "://" + host);
    }

    private String scheme(String registry) throws IOException {
        String known = schemes.get(registry);
        if (known != null) {
            return known;
        }
        if (Reference.isLoopbackHost(registry)) {
            // Docker's rule: registries on 127.0.0.0/8 and localhost are insecure, HTTPS without certificate
            // checks or plain HTTP. Plain HTTP first, as nearly all of them speak it (and no TLS set-up is
            // paid for); a first request that gets no HTTP answer, or the "HTTP request to an HTTPS server"
            // answer, is sent again over TLS, and the registry stays there (see exchange).
            schemes.putIfAbsent(registry, "http");
            if (schemes.get(registry).equals("http") && !confirmedHttp.contains(registry)) {
                unconfirmed.add(registry);
            }
            return schemes.get(registry);
        }
        if (!insecureRegistries.contains(registry)) {
            schemes.put(registry, "https");
            return "https";
        }
        // Asked for explicitly (--tls-verify=false): HTTPS without verification, else plain HTTP.
        String host = registry.equals(Reference.DOCKER_HUB) ? Reference.DOCKER_HUB_API_HOST : registry;
        try {
            HttpResponse<Void> r = insecureHttp.get().send(HttpRequest.newBuilder(URI.create("https://" + host + "/v2/"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
            r.statusCode();
            schemes.put(registry, "https");
        } catch (SSLException | ConnectException e) {
            schemes.put(registry, "http");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while probing " + registry);
        }
        return schemes.get(registry);
    }

    private HttpClient clientFor(String registry) {
        return insecureRegistries.contains(registry) || loopbackTls.contains(registry) ? insecureHttp.get() : http;
    }

    /**
     * Sends one request of {@code call}. To a loopback registry that has not answered over plain HTTP yet,
     * a request that gets no HTTP answer at all (a TLS server drops the connection or answers with an alert)
     * or Go's "Client sent an HTTP request to an HTTPS server" is sent again over TLS; if that fails too,
     * the plain-HTTP failure is what is reported.
     */
    private HttpResponse<InputStream> exchange(Call call, URI uri, RequestAt request)
            throws IOException {
        String registry = call.registry();
        if (!unconfirmed.contains(registry) || !uri.getScheme().equals("http") || !sameOrigin(uri, base(registry))) {
            return sendRaw(clientFor(registry), request.at(uri));
        }
        HttpResponse<InputStream> r;
        try {
            r = sendRaw(http, request.at(uri));
        } catch (ConnectException | HttpConnectTimeoutException | InterruptedIOException e) {
            throw e; // nothing listens, or the wait was cut short: TLS would not change that
        } catch (IOException e) {
            return overTls(registry, uri, request, e);
        }
        if (r.statusCode() == 400 && r.headers().firstValue("Content-Type").map(t -> t.startsWith("text/plain")).orElse(true)) {
            // Go's TLS servers answer plain HTTP with a bare 400, no headers, and "Client sent an HTTP
            // request to an HTTPS server." (a HEAD's answer shows no body: its bare 400 has to do).
            byte[] body = readBody(r, MAX_ERROR_BODY, call.target());
            boolean bare = r.headers().map().isEmpty() && r.request().method().equals("HEAD");
            Buffered plain = new Buffered(r, body);
            if (bare || new String(body, StandardCharsets.UTF_8).contains("HTTP request to an HTTPS server")) {
                HttpResponse<InputStream> tls = overTls(registry, uri, request, null);
                return tls != null ? tls : plain;
            }
            r = plain;
        }
        confirmedHttp.add(registry);
        unconfirmed.remove(registry);
        return r;
    }

    /**
     * The request again over TLS; when that fails too, throws {@code plainFailure}, or returns null when
     * there is none (the plain answer stands).
     */
    private HttpResponse<InputStream> overTls(String registry, URI uri, RequestAt request,
            IOException plainFailure) throws IOException {
        URI tls = URI.create("https" + uri.toString().substring("http".length()));
        HttpResponse<InputStream> r;
        try {
            r = sendRaw(insecureHttp.get(), request.at(tls));
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            if (plainFailure == null) {
                return null;
            }
            plainFailure.addSuppressed(e);
            throw plainFailure;
        }
        loopbackTls.add(registry);
        schemes.put(registry, "https");
        unconfirmed.remove(registry);
        return r;
    }

    /** One request of a call, made for a URI (the same one over TLS, or another after a redirect). */
    @FunctionalInterface
    private interface RequestAt {
        HttpRequest at(URI uri) throws IOException;
    }

    /** A response whose body was read already (to look at it), handed on as a stream of the same bytes. */
    private record Buffered(HttpResponse<InputStream> response, byte[] bytes) implements HttpResponse<InputStream> {
        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public java.util.Optional<HttpResponse<InputStream>> previousResponse() {
            return response.previousResponse();
        }

        @Override
        public HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public InputStream body() {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }
    }

    /**
     * Sends a call: authenticates on a 401, follows redirects, retries what may be retried. Returns
     * any status; callers turn unexpected ones into errors with {@link #error}.
     */
    HttpResponse<InputStream> send(Call call) throws IOException {
        boolean authRetried = false;
        IOException last = null;
        String sentAuthorization = null;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                sentAuthorization = auth.authorization(call.registry(), call.scope());
                response = followRedirects(call, sentAuthorization);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (!call.retryable() || attempt >= maxAttempts || e instanceof RegistryException) {
                    if (last != null) {
                        e.addSuppressed(last);
                    }
                    throw e;
                }
                last = e;
                sleep(backoffFor(attempt), call);
                continue;
            }
            int status = response.statusCode();
            if (status == 401 && !authRetried) {
                authRetried = true;
                List<String> challenges = response.headers().allValues("WWW-Authenticate");
                if (!challenges.isEmpty() && auth.challenged(call.registry(), challenges, call.scope(), sentAuthorization)) {
                    discard(response);
                    attempt--;
                    continue;
                }
                return response;
            }
            if ((status == 429 || status >= 500) && call.retryable() && attempt < maxAttempts) {
                Duration wait = retryAfter(response.headers()).orElse(backoffFor(attempt));
                discard(response);
                sleep(wait, call);
                continue;
            }
            return response;
        }
    }

    private HttpResponse<InputStream> followRedirects(Call call, String authorization) throws IOException {
        URI uri = call.uri();
        String method = call.method();
        Body body = call.body();
        URI registryBase = base(call.registry());
        for (int hop = 0; ; hop++) {
            String m = method;
            Body bd = body;
            String auth = authorization != null && sameOrigin(uri, registryBase) ? authorization : null;
            HttpResponse<InputStream> r = exchange(call, uri, u -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(u).timeout(Duration.ofMinutes(10));
                b.header("User-Agent", userAgent);
                call.headers().forEach(b::header);
                if (auth != null) {
                    // Credentials go to the registry only: a redirect to object storage gets none.
                    b.header("Authorization", auth);
                }
                b.method(m, bd == null ? BodyPublishers.noBody() : bd.open());
                return b.build();
            });
            int s = r.statusCode();
            String location = r.headers().firstValue("Location").orElse(null);
            boolean redirect = (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) && location != null
                    && !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) || s == 303 && location != null;
            if (!redirect) {
                return r;
            }
            discard(r);
            if (hop >= MAX_REDIRECTS) {
                throw new IOException(call.target() + ": more than " + MAX_REDIRECTS + " redirects, last to " + location);
            }
            try {
                uri = uri.resolve(location);
            } catch (IllegalArgumentException e) {
                throw new IOException(call.target() + ": the registry redirected to a malformed URI: " + location, e);
            }
            if (s == 303) {
                method = "GET";
                body = null;
            }
        }
    }

    HttpResponse<InputStream> sendRaw(HttpClient client, HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            // The JDK's message is often empty, the reason two causes down (ClosedChannelException
            // for a refused connection): say which registry address failed and why. Still a
            // ConnectException, so retries treat it as before.
            ConnectException named = new ConnectException(request.uri().getScheme() + "://"
                    + request.uri().getAuthority() + " cannot be reached: " + connectProblem(e, request.uri()));
            named.initCause(e);
            throw named;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted: " + request.method() + " " + request.uri());
        }
    }

    HttpClient http() {
        return http;
    }

    /** Why a connection failed, in words: the innermost cause that says something. */
    static String connectProblem(Throwable e, URI uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host " + uri.getHost();
            }
            if (t instanceof java.nio.channels.ClosedChannelException
                    || t.getMessage() != null && t.getMessage().contains("Connection refused")) {
                return "connection refused (nothing listens on that port?)";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "connect timed out";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getAuthority().equalsIgnoreCase(b.getAuthority());
    }

    /**
     * Whether a request that failed on attempt {@code attempt} ({@code status} 429 or 5xx, or
     * {@code status} 0 for a network error) gets another one; if so, waits first as {@link #send} does
     * (the answer's {@code Retry-After}, else the backoff). For requests sent without {@link #send}, such
     * as the token endpoint's.
     */
    boolean retryAfter(int attempt, int status, HttpHeaders headers, String target) throws InterruptedIOException {
        if (attempt >= maxAttempts || status != 0 && status != 429 && status < 500) {
            return false;
        }
        Duration wait = headers == null ? backoffFor(attempt) : retryAfter(headers).orElse(backoffFor(attempt));
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + target);
        }
        return true;
    }

    private Duration backoffFor(int attempt) {
        long ms = backoff.toMillis() << Math.min(attempt - 1, 6);
        return Duration.ofMillis(Math.min(ms, 30_000));
    }

    private java.util.Optional<Duration> retryAfter(HttpHeaders headers) {
        String v = headers.firstValue("Retry-After").orElse(null);
        if (v == null) {
            return java.util.Optional.empty();
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                d = d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d);
    }

    private static void sleep(Duration d, Call call) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + call.target());
        }
    }

    static void discard(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            in.skip(MAX_ERROR_BODY);
        } catch (IOException ignored) {
            // The connection is not reused then; nothing else is lost.
        }
    }

    /** Reads a small body (a manifest, a list) up to {@code limit} bytes. */
    static byte[] readBody(HttpResponse<InputStream> r, long limit, String target) throws IOException {
        try (InputStream in = r.body()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new IOException(target + ": the registry's answer is larger than " + limit + " bytes");
            }
            return bytes;
        }
    }

    /** The registry's error for an unexpected status, reading its error body. */
    static RegistryException error(HttpResponse<InputStream> r, String method, String target) {
        byte[] body;
        try {
            body = method.equals("HEAD") ? new byte[0] : readBody(r, MAX_ERROR_BODY, target);
        } catch (IOException e) {
            body = new byte[0];
        }
        ErrorResponse errors = null;
        if (body.length > 0) {
            try {
                errors = DistributionJson.standard().readErrorResponse(body);
            } catch (DistributionFormatException notAnErrorBody) {
                // kept as an excerpt below
            }
        }
        String excerpt = "";
        if (errors == null || errors.errors().isEmpty()) {
            String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
            excerpt = text.length() > 120 ? text.substring(0, 117) + "..." : text;
        }
        return new RegistryException(r.statusCode(), method, target, errors == null ? List.of() : errors.errors(), excerpt);
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name.toLowerCase(Locale.ROOT)).orElse(null);
    }
}
