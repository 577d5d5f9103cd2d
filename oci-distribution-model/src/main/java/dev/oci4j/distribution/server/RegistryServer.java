package dev.oci4j.distribution.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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
 */
public final class RegistryServer implements AutoCloseable {

    private final HttpServer http;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService sweeper;
    private final RegistryStorage storage;
    private final Uploads uploads;
    private final Duration stopGrace;

    private RegistryServer(Builder b) throws IOException {
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
            this.http = HttpServer.create(b.listen, 0);
        } catch (IOException e) {
            workers.shutdown();
            if (b.storage == null) {
                storage.close();
            }
            throw new IOException("cannot listen on " + b.listen + ": " + e.getMessage(), e);
        }
        http.createContext("/", new Router(storage, uploads, b.chunkMinLength, b.log,
                new BasicAuth(b.users, b.anonymousPull)));
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

    /** {@return the base URL, {@code http://127.0.0.1:40123}} */
    public URI url() {
        return URI.create("http://" + hostPort());
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
        private final java.util.Map<String, String> users = new java.util.TreeMap<>();
        private boolean anonymousPull;

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
         * Requires HTTP Basic authentication as this user for every request (see {@link #anonymousPull}).
         * Send it only over TLS or loopback: Basic credentials travel in clear text.
         *
         * @param name the user name, not empty and without {@code :}
         * @param password the password
         * @return this builder
         * @throws IllegalArgumentException when the name is empty or holds {@code :}
         */
        public Builder addUser(String name, String password) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            if (name.isEmpty() || name.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a user name is not empty and holds no ':', found \"" + name + "\"");
            }
            users.put(name, password);
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
         * Starts the server.
         *
         * @return the running server; close it to stop it
         * @throws IOException naming the address when it cannot listen there (a port in use)
         */
        public RegistryServer start() throws IOException {
            return new RegistryServer(this);
        }
    }
}
