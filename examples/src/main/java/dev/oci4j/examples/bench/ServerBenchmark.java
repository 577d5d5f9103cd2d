package dev.oci4j.examples.bench;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The registry server against docker-registry 2.8: {@code skopeo copy} pushes an image from an OCI
 * layout to each registry and pulls it back into another, for a 100 MiB one-layer image and a 20-layer
 * image, in the same run, rounds interleaved, medians reported (docs/benchmarks.md). The servers:
 * docker-registry with filesystem storage, and {@code oci registry serve} in its own JVM with
 * {@code --storage} (image layouts on disk) and with {@code --memory}. Every round starts each registry
 * afresh (untimed) and warms it, as a long-running server is, with an image of the same shape but other
 * bytes (untimed); the timed push then finds no blob of its own there to reuse or mount.
 *
 * <pre>{@code
 * java -cp examples/target/oci.jar dev.oci4j.examples.bench.ServerBenchmark [--runs 5]
 * }</pre>
 */
public final class ServerBenchmark {

    private static final long MIB = 1024 * 1024;
    private static final String[] SERVERS = {"docker-registry 2.8", "oci registry serve --storage", "oci registry serve --memory"};

    private final int runs;
    private final Path work;
    private final String jar;

    private ServerBenchmark(int runs, Path work, String jar) {
        this.runs = runs;
        this.work = work;
        this.jar = jar;
    }

    /**
     * Runs the benchmark and prints one table per image.
     *
     * @param args {@code --runs N} (default 5)
     * @throws Exception when a server does not start or a copy fails
     */
    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int i = a.indexOf("--runs");
        int runs = i >= 0 ? Integer.parseInt(a.get(i + 1)) : 5;
        Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        Path work = Files.createTempDirectory(base, "oci4j-server-bench-");
        String jar = Path.of(ServerBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        try {
            System.out.println("skopeo copy, runs " + runs + ", medians in seconds; load average before: "
                    + Files.readString(Path.of("/proc/loadavg")).trim());
            ServerBenchmark b = new ServerBenchmark(runs, work, jar);
            b.workload("100 MiB, 1 layer", 1, 100 * MIB);
            b.workload("100 MiB, 20 layers", 20, 5 * MIB);
            System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            Umoci.deleteTree(work);
        }
    }

    private void workload(String name, int layers, long layerSize) throws Exception {
        Path src = work.resolve("src-" + layers);
        Descriptor manifest = RegistryBenchmark.image(ImageLayout.create(src), layers, layerSize);
        Path warm = work.resolve("warm-" + layers);
        RegistryBenchmark.image(ImageLayout.create(warm), layers, layerSize, 7);
        Timings t = new Timings(runs);
        for (int run = 0; run < runs; run++) {
            // Rotating who goes first spreads the machine's other load over all servers alike.
            for (int k = 0; k < SERVERS.length; k++) {
                int s = (k + run) % SERVERS.length;
                Path dir = work.resolve("server-" + s);
                Path dst = work.resolve("dst-" + s);
                try (Server server = start(s, dir)) {
                    String warmImage = "docker://" + server.host() + "/warm/app:1";
                    Procs.run("skopeo", "--insecure-policy", "copy", "-q", "--dest-tls-verify=false", "oci:" + warm + ":1",
                            warmImage);
                    Procs.run("skopeo", "--insecure-policy", "copy", "-q", "--src-tls-verify=false", warmImage,
                            "oci:" + dst + ":warm");
                    String image = "docker://" + server.host() + "/bench/app:1";
                    long start = System.nanoTime();
                    Procs.run("skopeo", "--insecure-policy", "copy", "-q", "--dest-tls-verify=false", "oci:" + src + ":1", image);
                    t.put(SERVERS[s] + " push", run, (System.nanoTime() - start) / 1e9);
                    start = System.nanoTime();
                    Procs.run("skopeo", "--insecure-policy", "copy", "-q", "--src-tls-verify=false", image, "oci:" + dst + ":1");
                    t.put(SERVERS[s] + " pull", run, (System.nanoTime() - start) / 1e9);
                    if (!ImageLayout.open(dst).resolve("1").orElseThrow().digest().equals(manifest.digest())) {
                        throw new IllegalStateException(SERVERS[s] + " served another digest");
                    }
                } finally {
                    Umoci.deleteTree(dir);
                    Umoci.deleteTree(dst);
                }
            }
        }
        System.out.printf("%n%s (%s)%n| server | push s | pull s | push x docker-registry | pull x docker-registry |%n"
                + "|---|---|---|---|---|%n", name, manifest.digest());
        double basePush = Report.median(t.get(SERVERS[0] + " push"));
        double basePull = Report.median(t.get(SERVERS[0] + " pull"));
        for (String s : SERVERS) {
            double push = Report.median(t.get(s + " push"));
            double pull = Report.median(t.get(s + " pull"));
            // Below 1 is faster than docker-registry.
            System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f |%n", s, push, pull, push / basePush, pull / basePull);
        }
    }

    private Server start(int which, Path dir) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb;
        if (which == 0) {
            Path config = Files.writeString(dir.resolve("config.yml"), String.join("\n", "version: 0.1",
                    "log:", "  level: error", "  accesslog:", "    disabled: true",
                    "storage:", "  filesystem:", "    rootdirectory: " + dir.resolve("storage"),
                    "http:", "  addr: 127.0.0.1:" + port, ""));
            pb = new ProcessBuilder("docker-registry", "serve", config.toString());
        } else {
            pb = new ProcessBuilder("java", "-cp", jar, "dev.oci4j.examples.Oci", "registry", "serve",
                    "--listen", "127.0.0.1:" + port);
            pb.command().addAll(which == 1 ? List.of("--storage", dir.resolve("storage").toString()) : List.of("--memory"));
        }
        // The request log goes nowhere, as docker-registry's access log is off.
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("server.log").toFile()).start();
        Server server = new Server(p, port);
        for (int i = 0; i < 600; i++) {
            if (!p.isAlive()) {
                throw new IOException(SERVERS[which] + " exited: " + Files.readString(dir.resolve("server.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + server.host() + "/v2/").toURL().openConnection();
                c.getResponseCode();
                c.disconnect();
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IOException(SERVERS[which] + " did not start: " + Files.readString(dir.resolve("server.log")));
    }

    /** A registry process on 127.0.0.1; closing stops it and waits. */
    private record Server(Process process, int port) implements AutoCloseable {

        String host() {
            return "127.0.0.1:" + port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
