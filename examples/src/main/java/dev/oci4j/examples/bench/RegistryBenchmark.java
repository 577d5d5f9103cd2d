package dev.oci4j.examples.bench;

import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.ImagePuller;
import dev.oci4j.distribution.client.ImagePusher;
import dev.oci4j.distribution.client.RegistryClient;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.layout.Blob;
import dev.oci4j.image.layout.BlobWriter;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Push and pull against a local docker-registry: oci4j in-process (warm), {@code oci push}/{@code oci pull}
 * in a new JVM through the {@code oci} launcher next to the jar (class-data sharing archive) and as
 * {@code java -jar}, and {@code skopeo copy}, on a 100 MiB one-layer image and a 20-layer image
 * (docs/benchmarks.md). Wall-clock medians, and CPU seconds (user + system) of the contender's processes.
 * Every push goes to a registry of its own, started for it (untimed), so nothing is skipped or mounted
 * because an earlier contender left it there (skopeo remembers blob locations across runs).
 *
 * <pre>{@code
 * java -cp examples/target/oci.jar dev.oci4j.examples.bench.RegistryBenchmark [--runs 5] [--launcher PATH]
 * }</pre>
 */
public final class RegistryBenchmark {

    private static final long MIB = 1024 * 1024;

    private static final String IN_PROCESS = "oci4j in-process";
    private static final String LAUNCHER = "`oci push`/`oci pull` (launcher)";
    private static final String JAR = "`java -jar oci.jar push`/`pull`";
    private static final String SKOPEO = "skopeo copy";

    private final int runs;
    private final Path work;
    private final String jar;
    private final String launcher;
    private final RegistryClient client = RegistryClient.builder().build();

    private RegistryBenchmark(int runs, Path work, String jar, String launcher) {
        this.runs = runs;
        this.work = work;
        this.jar = jar;
        this.launcher = launcher;
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param args {@code [--runs N] [--launcher PATH]}
     * @throws Exception when a step fails; the benchmark stops there
     */
    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int i = a.indexOf("--runs");
        int runs = i >= 0 ? Integer.parseInt(a.get(i + 1)) : 5;
        Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        Path work = Files.createTempDirectory(base, "oci4j-registry-bench-");
        String jar = Path.of(RegistryBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        // The launcher users run (examples/target/oci: class-data sharing archive, JIT options) sits next to
        // the jar the build made; --launcher names another.
        int l = a.indexOf("--launcher");
        Path launcher = l >= 0 ? Path.of(a.get(l + 1)) : Path.of(jar).resolveSibling("oci");
        String launcherPath = Files.isExecutable(launcher) ? launcher.toString() : null;
        try {
            System.out.println("runs " + runs + ", medians in seconds; load average before: "
                    + Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.println(launcherPath != null ? "launcher " + launcherPath
                    : "no launcher next to " + jar + " (or --launcher): its row is left out");
            RegistryBenchmark b = new RegistryBenchmark(runs, work, jar, launcherPath);
            b.workload("100 MiB, 1 layer", 1, 100 * MIB);
            b.workload("100 MiB, 20 layers", 20, 5 * MIB);
            System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            Umoci.deleteTree(work);
        }
    }

    private void workload(String name, int layers, long layerSize) throws Exception {
        Path dir = work.resolve("src-" + layers);
        ImageLayout src = ImageLayout.create(dir);
        Descriptor manifest = image(src, layers, layerSize);
        Timings t = new Timings(runs);
        Timings cpu = new Timings(runs);
        List<String> contenders = new ArrayList<>(List.of(IN_PROCESS));
        if (launcher != null) {
            contenders.add(LAUNCHER);
        }
        contenders.addAll(List.of(JAR, SKOPEO));
        // Warm-up for the in-process rows.
        try (Registry r = Registry.start(work.resolve("warm"))) {
            ImagePusher.of(client).push(src, manifest, Reference.parse(r.host() + "/warm:1"));
            ImagePuller.of(client).pull(Reference.parse(r.host() + "/warm:1"), ImageLayout.create(work.resolve("warm-dst")), "1");
        }
        Umoci.deleteTree(work.resolve("warm"));
        Umoci.deleteTree(work.resolve("warm-dst"));
        for (int run = 0; run < runs; run++) {
            for (int c = 0; c < contenders.size(); c++) {
                String contender = contenders.get(c);
                Path rdir = work.resolve("registry-" + c);
                Path dst = work.resolve("dst-" + c);
                try (Registry r = Registry.start(rdir)) {
                    String image = r.host() + "/bench:1";
                    String from = "oci:" + dir + ":1";
                    String to = "oci:" + dst + ":1";
                    double[] cpu0 = cpuSeconds();
                    long s = System.nanoTime();
                    switch (contender) {
                        case IN_PROCESS -> ImagePusher.of(client).push(src, manifest, Reference.parse(image));
                        case LAUNCHER -> Procs.run(launcher, "push", from, "docker://" + image);
                        case JAR -> Procs.run("java", "-jar", jar, "push", from, "docker://" + image);
                        default -> Procs.run("skopeo", "--insecure-policy", "copy", "-q", "--dest-tls-verify=false",
                                from, "docker://" + image);
                    }
                    t.put(contender + " push", run, (System.nanoTime() - s) / 1e9);
                    cpu.put(contender + " push", run, cpuSince(cpu0, contender));
                    cpu0 = cpuSeconds();
                    s = System.nanoTime();
                    switch (contender) {
                        case IN_PROCESS -> ImagePuller.of(client).pull(Reference.parse(image), ImageLayout.create(dst), "1");
                        case LAUNCHER -> Procs.run(launcher, "pull", "docker://" + image, to);
                        case JAR -> Procs.run("java", "-jar", jar, "pull", "docker://" + image, to);
                        default -> Procs.run("skopeo", "--insecure-policy", "copy", "-q", "--src-tls-verify=false",
                                "docker://" + image, to);
                    }
                    t.put(contender + " pull", run, (System.nanoTime() - s) / 1e9);
                    cpu.put(contender + " pull", run, cpuSince(cpu0, contender));
                    if (!ImageLayout.open(dst).resolve("1").orElseThrow().digest().equals(manifest.digest())) {
                        throw new IllegalStateException(contender + " pulled another digest");
                    }
                } finally {
                    Umoci.deleteTree(rdir);
                    Umoci.deleteTree(dst);
                }
            }
        }
        System.out.printf("%n%s (%s)%n| contender | push s | pull s | push x skopeo | pull x skopeo | push CPU s | pull CPU s |%n"
                + "|---|---|---|---|---|---|---|%n", name, manifest.digest());
        double skopeoPush = Report.median(t.get(SKOPEO + " push"));
        double skopeoPull = Report.median(t.get(SKOPEO + " pull"));
        for (String c : contenders) {
            double push = Report.median(t.get(c + " push"));
            double pull = Report.median(t.get(c + " pull"));
            System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", c, push, pull, push / skopeoPush,
                    pull / skopeoPull, Report.median(cpu.get(c + " push")), Report.median(cpu.get(c + " pull")));
        }
    }

    /**
     * This process's CPU seconds (user + system) and those of its children that have been waited for,
     * from /proc/self/stat: a child's CPU counts once it has exited and been reaped, which
     * {@link Procs#run} does before it returns. The registry is a child too, but it is reaped only when
     * it is stopped, after the pull.
     */
    private static double[] cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14), in clock ticks.
        double tick = 100.0;
        return new double[] {(Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick,
            (Long.parseLong(f[13]) + Long.parseLong(f[14])) / tick};
    }

    /** CPU seconds since {@code before}: this process's for the in-process contender, the children's else. */
    private static double cpuSince(double[] before, String contender) throws IOException {
        double[] now = cpuSeconds();
        return contender.equals(IN_PROCESS) ? now[0] - before[0] : now[1] - before[1];
    }

    /** An image of {@code layers} gzip layers of random bytes (stored deflate blocks: no time spent compressing). */
    static Descriptor image(ImageLayout layout, int layers, long size) throws Exception {
        return image(layout, layers, size, 42);
    }

    /** As {@link #image(ImageLayout, int, long)} with other random bytes: the same shape, other digests. */
    static Descriptor image(ImageLayout layout, int layers, long size, long seed) throws Exception {
        Random random = new Random(seed);
        byte[] chunk = new byte[(int) MIB];
        List<Descriptor> blobs = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            MessageDigest diff = MessageDigest.getInstance("SHA-256");
            Blob blob;
            try (BlobWriter w = layout.newBlobWriter()) {
                try (OutputStream gz = new GZIPOutputStream(new NonClosing(w), 64 * 1024) {
                    {
                        def.setLevel(Deflater.NO_COMPRESSION);
                    }
                }) {
                    for (long done = 0; done < size; done += chunk.length) {
                        random.nextBytes(chunk);
                        diff.update(chunk);
                        gz.write(chunk);
                    }
                }
                blob = w.commit();
            }
            blobs.add(Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, blob.digest(), blob.size()));
            diffIds.add("\"sha256:" + HexFormat.of().formatHex(diff.digest()) + "\"");
        }
        Descriptor config = layout.writeJson(MediaType.OCI_CONFIG, ("{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + String.join(",", diffIds) + "]}}")
                .getBytes(StandardCharsets.UTF_8));
        return layout.tag("1", layout.writeManifest(ImageManifest.builder().config(config).layers(blobs).build()));
    }

    /** Lets the gzip stream finish without closing the blob writer, which must still commit. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** docker-registry on 127.0.0.1 and a free port with filesystem storage in {@code dir}. */
    private record Registry(Process process, int port) implements AutoCloseable {

        static Registry start(Path dir) throws Exception {
            Files.createDirectories(dir);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path config = Files.writeString(dir.resolve("config.yml"), String.join("\n", "version: 0.1",
                    "log:", "  level: error", "  accesslog:", "    disabled: true",
                    "storage:", "  filesystem:", "    rootdirectory: " + dir.resolve("storage"),
                    "http:", "  addr: 127.0.0.1:" + port, ""));
            Process p = new ProcessBuilder("docker-registry", "serve", config.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("registry.log").toFile()).start();
            Registry r = new Registry(p, port);
            for (int i = 0; i < 400; i++) {
                try {
                    HttpURLConnection c = (HttpURLConnection) URI.create("http://" + r.host() + "/v2/").toURL().openConnection();
                    c.getResponseCode();
                    c.disconnect();
                    return r;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            r.close();
            throw new IOException("docker-registry did not start: " + Files.readString(dir.resolve("registry.log")));
        }

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
