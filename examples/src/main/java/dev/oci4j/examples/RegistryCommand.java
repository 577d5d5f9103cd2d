package dev.oci4j.examples;

import dev.oci4j.distribution.server.RegistryServer;
import dev.oci4j.distribution.server.RegistryStorage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oci registry serve}: an OCI registry on this machine, in memory or as image layouts on disk. */
@Command(name = "registry", description = "Run an OCI registry.", subcommands = RegistryCommand.Serve.class)
public final class RegistryCommand {

    @Command(name = "serve", description = "Serve an OCI registry (distribution-spec v1.1) until stopped;"
            + " logs one line per request: method, path, status, bytes, milliseconds.")
    static final class Serve implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        String listen = "127.0.0.1:5000";

        @Option(names = "--storage", paramLabel = "DIR", description = "Keep repositories as OCI image layouts under DIR.")
        Path storage;

        @Option(names = "--memory", description = "Keep everything in memory (the default without --storage).")
        boolean memory;

        @Option(names = "--htpasswd", paramLabel = "FILE",
                description = "Require users from an htpasswd file with bcrypt entries (htpasswd -B), as docker-registry.")
        Path htpasswd;

        @Option(names = "--token-auth", description = "With --htpasswd: bearer tokens from this server's /token"
                + " endpoint (docker's token authentication) instead of HTTP Basic.")
        boolean tokenAuth;

        @Option(names = "--token-lifetime", paramLabel = "SECONDS", description = "How long a token is good for"
                + " (default ${DEFAULT-VALUE}).")
        long tokenLifetime = 300;

        @Option(names = "--anonymous-pull", description = "With --htpasswd: anyone may pull without credentials.")
        boolean anonymousPull;

        @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve HTTPS with this PEM certificate chain"
                + " (the server's certificate first); needs --tls-key.")
        Path tlsCert;

        @Option(names = "--tls-key", paramLabel = "FILE", description = "The PEM private key of --tls-cert: PKCS#8,"
                + " PKCS#1 (RSA) or SEC1 (EC), unencrypted.")
        Path tlsKey;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            RegistryServer server;
            try {
                if (storage != null && memory) {
                    throw new IllegalArgumentException("--storage and --memory exclude each other");
                }
                InetSocketAddress address = address(listen);
                RegistryServer.Builder b = RegistryServer.builder().listen(address);
                configureSecurity(b);
                // Every input is read before the storage exists, so bad configuration leaves nothing behind.
                b.checkFiles();
                Path created = storage == null ? null : FileTrees.firstMissing(storage.toAbsolutePath());
                RegistryStorage store = storage != null ? RegistryStorage.onDisk(storage) : RegistryStorage.inMemory();
                b.storage(store).requestLog(line -> {
                    synchronized (out) {
                        out.println(line);
                        out.flush();
                    }
                });
                try {
                    server = b.start();
                } catch (IOException | RuntimeException e) {
                    store.close();
                    if (created != null) {
                        // What can still fail here (a port in use) is known only when listening; nothing was stored yet.
                        FileTrees.deleteTree(created);
                    }
                    throw e;
                }
            } catch (IOException | IllegalArgumentException e) {
                err.println("oci registry serve: " + CliErrors.describe(e));
                err.flush();
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "oci-registry-stop"));
            err.println("oci registry serve: listening on " + server.url() + ", storage "
                    + (storage != null ? storage.toAbsolutePath() : "in memory") + ", " + describeAuth());
            err.flush();
            stopped.await();
            return 0;
        }

        /** Checks the auth and TLS options together, then sets them; nothing is read from disk yet. */
        private void configureSecurity(RegistryServer.Builder b) {
            if ((tlsCert == null) != (tlsKey == null)) {
                throw new IllegalArgumentException("--tls-cert and --tls-key go together");
            }
            if (htpasswd == null && (tokenAuth || anonymousPull)) {
                throw new IllegalArgumentException((tokenAuth ? "--token-auth" : "--anonymous-pull")
                        + " needs --htpasswd: without users there is no one to authenticate");
            }
            if (tokenLifetime < 1) {
                throw new IllegalArgumentException("--token-lifetime must be at least 1 second, found " + tokenLifetime);
            }
            if (tlsCert != null) {
                b.tls(tlsCert, tlsKey);
            }
            if (htpasswd != null) {
                b.htpasswd(htpasswd).anonymousPull(anonymousPull);
                if (tokenAuth) {
                    b.bearerTokens(Duration.ofSeconds(tokenLifetime));
                }
            }
        }

        private String describeAuth() {
            if (htpasswd == null) {
                return "no authentication";
            }
            return (tokenAuth ? "bearer tokens from /token" : "HTTP Basic") + " for the users of " + htpasswd
                    + (anonymousPull ? ", anonymous pull" : "");
        }

        /** {@code HOST:PORT}, {@code [v6]:PORT} or {@code :PORT} (all interfaces). */
        static InetSocketAddress address(String text) {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--listen " + text + ": expected HOST:PORT");
            }
            String host = text.substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--listen " + text + ": the port must be 0 to 65535");
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            InetSocketAddress a = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
            if (a.isUnresolved()) {
                throw new IllegalArgumentException("--listen " + text + ": unknown host " + host);
            }
            return a;
        }
    }
}
