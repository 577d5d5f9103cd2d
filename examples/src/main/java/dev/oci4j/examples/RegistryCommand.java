package dev.oci4j.examples;

import dev.oci4j.distribution.server.RegistryServer;
import dev.oci4j.distribution.server.RegistryStorage;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
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
                RegistryStorage store = storage != null ? RegistryStorage.onDisk(storage) : RegistryStorage.inMemory();
                server = RegistryServer.builder().listen(address).storage(store).requestLog(line -> {
                    synchronized (out) {
                        out.println(line);
                        out.flush();
                    }
                }).start();
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
                    + (storage != null ? storage.toAbsolutePath() : "in memory"));
            err.flush();
            stopped.await();
            return 0;
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
