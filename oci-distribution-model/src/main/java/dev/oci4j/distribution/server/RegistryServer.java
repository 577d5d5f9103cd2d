package dev.oci4j.distribution.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * An OCI registry (distribution-spec v1.1) on the JDK's HTTP server, for tests and tools: started on a
 * free port of 127.0.0.1 in one call, stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (RegistryServer registry = RegistryServer.start()) {
 *     String image = registry.hostPort() + "/library/busybox:latest";
 *     ...
 * }
 * }</pre>
 *
 * <p>Optionally with authentication (users given in code or read from an htpasswd file, HTTP Basic or
 * bearer tokens from the server's own token endpoint, per-repository pull and push grants, anonymous
 * pull) and TLS from PEM files:
 *
 * <pre>{@code
 * RegistryServer.builder()
 *         .htpasswd(Path.of("auth/htpasswd")).bearerTokens(Duration.ofMinutes(5))
 *         .grantPush("ci", "team/*").anonymousPull(true)
 *         .tls(Path.of("tls/chain.pem"), Path.of("tls/key.pem"))
 *         .start();
 * }</pre>
 */
public final class RegistryServer implements AutoCloseable {

    /** The {@code service} of bearer challenges and tokens. */
    static final String TOKEN_SERVICE = "oci4j-registry";

    private final HttpServer http;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService sweeper;
    private final RegistryStorage storage;
    private final Uploads uploads;
    private final Duration stopGrace;
    private final boolean tls;

    private RegistryServer(Builder b) throws IOException {
        // Everything the configuration names is read before a port is taken or a thread started.
        List<Htpasswd> files = new ArrayList<>();
        for (Path f : b.htpasswdFiles) {
            files.add(Htpasswd.read(f));
        }
        SSLContext ssl = b.sslContext != null ? b.sslContext
                : b.tlsCertificate != null ? PemTls.context(b.tlsCertificate, b.tlsKey) : null;
        this.tls = ssl != null;
        AccessPolicy policy = new AccessPolicy(b.users, files, b.grants, b.anonymousPull,
                !b.users.isEmpty() || !files.isEmpty() || b.tokenLifetime != null);
        Tokens tokens = b.tokenLifetime == null ? null : new Tokens(TOKEN_SERVICE, b.tokenLifetime, b.clock);
        AccessControl access = new AccessControl(policy, tokens, tls ? "https" : "http", this::hostPort);
        this.storage = b.storage != null ? b.storage : RegistryStorage.inMemory();
        this.uploads = new Uploads(storage.uploadDirectory());
        this.stopGrace = b.stopGrace;
        AtomicInteger n = new AtomicInteger();
        // Bounded both ways: a fixed number of workers, and a queue that, once full, makes the accepting
        // thread serve the request itself, which stops it accepting more (back pressure, not unbounded memory).
        this.workers = new ThreadPoolExecutor(b.workers, b.workers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), r -> daemon(r, "oci4j-registry-" + n.incrementAndGet()),
                new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            if (ssl != null) {
                HttpsServer https = HttpsServer.create(b.listen, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(ssl));
                this.http = https;
            } else {
                this.http = HttpServer.create(b.listen, 0);
            }
        } catch (IOException e) {
            workers.shutdown();
            if (b.storage == null) {
                storage.close();
            }
            throw new IOException("cannot listen on " + b.listen + ": " + e.getMessage(), e);
        }
        http.createContext("/", new Router(storage, uploads, b.chunkMinLength, b.log, access));
        if (tokens != null) {
            http.createContext(TokenEndpoint.PATH, new TokenEndpoint(policy, tokens, access, b.log));
        }
        http.setExecutor(workers);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "oci4j-registry-sweeper"));
        long every = Math.max(50, b.uploadTimeout.toMillis() / 2);
        Duration timeout = b.uploadTimeout;
        sweeper.scheduleWithFixedDelay(() -> uploads.sweep(timeout), every, every, TimeUnit.MILLISECONDS);
        http.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts a registry with in-memory storage on a free port of 127.0.0.1, without authentication or TLS.
     *
     * @return the running server
     * @throws IOException when no port can be had
     */
    public static RegistryServer start() throws IOException {
        return builder().start();
    }

    /**
     * A builder: 127.0.0.1, a free port, in-memory storage, 16 workers, no authentication, no TLS.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The address the server listens on.
     *
     * @return the address, such as {@code 127.0.0.1} or {@code ::1}
     */
    public String host() {
        return http.getAddress().getAddress().getHostAddress();
    }

    /**
     * The port the server listens on.
     *
     * @return the port, the one picked when the builder asked for port 0
     */
    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * The registry part of an image reference.
     *
     * @return {@code host:port}, such as {@code 127.0.0.1:40123} or {@code [::1]:40123}
     */
    public String hostPort() {
        String h = host();
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + port();
    }

    /**
     * The base URL.
     *
     * @return {@code http://127.0.0.1:40123}, or {@code https://...} with TLS
     */
    public URI url() {
        return URI.create((tls ? "https://" : "http://") + hostPort());
    }

    /**
     * Whether the server speaks TLS.
     *
     * @return true when started with {@link Builder#tls(Path, Path)} or {@link Builder#tls(SSLContext)}
     */
    public boolean isTls() {
        return tls;
    }

    /**
     * The storage this server serves.
     *
     * @return the storage, closed with the server
     */
    public RegistryStorage storage() {
        return storage;
    }

    /**
     * How many upload sessions are open.
     *
     * @return the count of uploads started and neither finished, cancelled nor swept
     */
    public int openUploads() {
        return uploads.size();
    }

    /**
     * Stops accepting, lets requests in flight finish (up to the builder's stop grace), then drops open
     * uploads and closes the storage.
     */
    @Override
    public void close() {
        http.stop((int) Math.max(0, stopGrace.toSeconds()));
        sweeper.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(stopGrace.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        uploads.closeAll();
        try {
            storage.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "RegistryServer[" + url() + "]";
    }

    /** Configures and starts a {@link RegistryServer}. */
    public static final class Builder {
        private InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private RegistryStorage storage;
        private int workers = 16;
        private long chunkMinLength;
        private Duration uploadTimeout = Duration.ofMinutes(15);
        private Duration stopGrace = Duration.ofSeconds(1);
        private Consumer<String> log = line -> { };
        private final Map<String, String> users = new TreeMap<>();
        private final List<Path> htpasswdFiles = new ArrayList<>();
        private final List<AccessPolicy.Grant> grants = new ArrayList<>();
        private boolean anonymousPull;
        private Duration tokenLifetime;
        private Clock clock = Clock.systemUTC();
        private Path tlsCertificate;
        private Path tlsKey;
        private SSLContext sslContext;

        private Builder() {
        }

        /**
         * Where to listen; port 0 picks a free one. Default: a free port of 127.0.0.1.
         *
         * @param address the address and port
         * @return this builder
         */
        public Builder listen(InetSocketAddress address) {
            this.listen = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * The storage; in memory when not set. The server closes it on {@link RegistryServer#close()}.
         *
         * @param storage the storage
         * @return this builder
         */
        public Builder storage(RegistryStorage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * How many requests are served at once (default 16).
         *
         * @param workers at least 1
         * @return this builder
         * @throws IllegalArgumentException below 1
         */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, found " + workers);
            }
            this.workers = workers;
            return this;
        }

        /**
         * The {@code OCI-Chunk-Min-Length} advertised to clients; 0 (default) sends none.
         *
         * @param bytes the minimum chunk length, 0 for none
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder chunkMinLength(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("chunkMinLength must not be negative, found " + bytes);
            }
            this.chunkMinLength = bytes;
            return this;
        }

        /**
         * How long an upload session may sit idle before it is swept (default 15 minutes).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder uploadTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("uploadTimeout must be positive, found " + timeout);
            }
            this.uploadTimeout = timeout;
            return this;
        }

        /**
         * How long {@link RegistryServer#close()} waits for requests in flight (default 1 second).
         *
         * @param grace the wait
         * @return this builder
         */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /**
         * Adds a user: with any user (here or from {@link #htpasswd}), requests need credentials, HTTP
         * Basic or, with {@link #bearerTokens}, a token (see {@link #anonymousPull}). Without
         * {@link #grantPull}/{@link #grantPush} grants every user may pull and push everything. Use it
         * only over TLS or loopback: passwords travel in clear text.
         *
         * @param name     the user name, not empty, without {@code ':'}
         * @param password the password
         * @return this builder
         * @throws IllegalArgumentException for an empty name or one holding {@code ':'}
         */
        public Builder addUser(String name, String password) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            Htpasswd.checkUser(name);
            users.put(name, password);
            return this;
        }

        /**
         * Adds the users of an htpasswd file with bcrypt entries ({@code htpasswd -B}, or
         * {@link Htpasswd#entry}), read when the server starts; otherwise as {@link #addUser}.
         *
         * @param file the htpasswd file
         * @return this builder
         */
        public Builder htpasswd(Path file) {
            htpasswdFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Lets {@code user} pull the repositories {@code repositories} names. Once any grant is given, users
         * may do only what grants give them (and what {@link #anonymousPull} gives everyone).
         *
         * @param user         a user of {@link #addUser} or {@link #htpasswd}
         * @param repositories a repository name, or a pattern where {@code *} matches any characters
         *                     ({@code team/*}, {@code *})
         * @return this builder
         * @throws IllegalArgumentException for a pattern with characters no repository name has
         */
        public Builder grantPull(String user, String repositories) {
            grants.add(AccessPolicy.grant(user, repositories, false));
            return this;
        }

        /**
         * Lets {@code user} pull, push and delete in the repositories {@code repositories} names (see
         * {@link #grantPull}).
         *
         * @param user         a user of {@link #addUser} or {@link #htpasswd}
         * @param repositories a repository name, or a pattern where {@code *} matches any characters
         * @return this builder
         * @throws IllegalArgumentException for a pattern with characters no repository name has
         */
        public Builder grantPush(String user, String repositories) {
            grants.add(AccessPolicy.grant(user, repositories, true));
            return this;
        }

        /**
         * Authenticates with bearer tokens instead of HTTP Basic (docker's token authentication, which
         * docker, skopeo, podman and oci4j's client speak): a request without a good token gets 401 with
         * {@code WWW-Authenticate: Bearer realm="<url>/token",service="oci4j-registry",scope="repository:NAME:pull,push"},
         * and the server's own {@code /token} endpoint trades user credentials for a token holding the
         * scopes the user may have. Tokens are signed with a key made at start, so they die with the server.
         *
         * @param lifetime how long a token is good for, at least one second
         * @return this builder
         * @throws IllegalArgumentException for less than one second
         */
        public Builder bearerTokens(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.toSeconds() < 1) {
                throw new IllegalArgumentException("a token lifetime is at least one second, found " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * Back to HTTP Basic authentication (the default).
         *
         * @return this builder
         */
        public Builder clearBearerTokens() {
            this.tokenLifetime = null;
            return this;
        }

        /** The clock tokens are issued and checked by; tests move it to see tokens expire. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Serves HTTPS with a certificate chain and its private key from PEM files, read when the server
         * starts. The key is PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC or Ed25519), PKCS#1
         * ({@code BEGIN RSA PRIVATE KEY}) or SEC1 ({@code BEGIN EC PRIVATE KEY}), unencrypted.
         *
         * @param certificateChain PEM certificates, the server's first, then the intermediates
         * @param privateKey       the PEM private key of the first certificate
         * @return this builder
         */
        public Builder tls(Path certificateChain, Path privateKey) {
            this.tlsCertificate = Objects.requireNonNull(certificateChain, "certificateChain");
            this.tlsKey = Objects.requireNonNull(privateKey, "privateKey");
            this.sslContext = null;
            return this;
        }

        /**
         * Serves HTTPS with a TLS context made elsewhere (from a key store, say).
         *
         * @param context an initialized server context
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            this.tlsCertificate = null;
            this.tlsKey = null;
            return this;
        }

        /**
         * Serves plain HTTP (the default).
         *
         * @return this builder
         */
        public Builder clearTls() {
            this.sslContext = null;
            this.tlsCertificate = null;
            this.tlsKey = null;
            return this;
        }

        /**
         * With authentication, lets anyone pull every repository (GET and HEAD, and the catalog) without
         * credentials; pushing still needs a user (default: false).
         *
         * @param allowed whether anonymous pull is allowed
         * @return this builder
         */
        public Builder anonymousPull(boolean allowed) {
            this.anonymousPull = allowed;
            return this;
        }

        /**
         * Receives one line per request: method, path, status, bytes sent, milliseconds
         * ({@code GET /v2/ 200 2 0ms}). Called on the worker threads, so concurrently.
         *
         * @param log the receiver
         * @return this builder
         */
        public Builder requestLog(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * Reads the htpasswd files and the PEM files given so far, exactly as {@link #start()} will, and
         * only that: nothing is created, no port taken. For callers that want bad configuration rejected
         * before they create anything else (a storage directory, say); {@link #start()} reads the files again.
         *
         * @return this builder
         * @throws IOException naming the file and line when an htpasswd or PEM file cannot be read or is
         *                     malformed, or when the key does not belong to the certificate
         */
        public Builder checkFiles() throws IOException {
            for (Path f : htpasswdFiles) {
                Htpasswd.read(f);
            }
            if (sslContext == null && tlsCertificate != null) {
                PemTls.context(tlsCertificate, tlsKey);
            }
            return this;
        }

        /**
         * Reads the htpasswd files and TLS files, then starts the server.
         *
         * @return the running server
         * @throws IOException naming the address when it cannot listen there (a port in use), or the
         *                     file and line when an htpasswd or PEM file cannot be read or is malformed
         */
        public RegistryServer start() throws IOException {
            return new RegistryServer(this);
        }
    }
}
