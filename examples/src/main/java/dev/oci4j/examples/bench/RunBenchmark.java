package dev.oci4j.examples.bench;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.ContainerRuntimes;
import dev.oci4j.linux.RunResult;
import dev.oci4j.linux.RuntimeOptions;
import dev.oci4j.linux.bundle.BundlePreparer;
import dev.oci4j.linux.bundle.ContainerOptions;
import dev.oci4j.linux.bundle.LayerCache;
import dev.oci4j.linux.bundle.PreparedBundle;
import dev.oci4j.linux.bundle.RootfsMethod;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Container start-to-exit times for one {@code /bin/true} busybox bundle, medians of one run: raw
 * {@code runc run}, raw {@code crun run} (wrapped like the crun backend on a hybrid cgroup host),
 * the Java API's {@code run} on each backend in a warm JVM, and {@code oci run} on each (a JVM
 * start included); then bundle preparation for the 180 MB benchmark tree image: a first run that
 * applies the layers into an empty cache, later runs over the cached layers with an overlay, and
 * the full copy for reference. A program, not a timed test:
 *
 * <pre>
 * java -cp examples/target/oci.jar dev.oci4j.examples.bench.RunBenchmark [RUNS] [WORK_DIR]
 * </pre>
 */
public final class RunBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private RunBenchmark() {
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param args {@code [RUNS] [WORK_DIR]}
     * @throws Exception when a step fails; the benchmark stops there
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("oci4j-run-bench-");
        Files.createDirectories(work);
        Path jar = Path.of(RunBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ImageLayout layout = ImageLayout.openOrCreate(work.resolve("layout"));
        Path src = Files.createDirectories(work.resolve("busybox/bin"));
        Files.copy(Path.of("/bin/busybox"), src.resolve("busybox"));
        Files.createSymbolicLink(src.resolve("true"), Path.of("busybox"));
        ImageBuilder.fromScratch().platform(Platform.host()).sourceDateEpoch(Instant.ofEpochSecond(0))
                .addLayer(src.getParent()).cmd("/bin/true").writeTo(layout, "true");
        Descriptor entry = layout.resolve("true").orElseThrow();
        PreparedBundle bundle = BundlePreparer.prepare(layout, entry, Platform.host(), work.resolve("bundle"),
                ContainerOptions.DEFAULTS);

        Map<String, List<Double>> t = new LinkedHashMap<>();
        List<String> crunWrap = hybridCgroups()
                ? List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                        "umount -l \"$0\" && exec \"$@\"", "/sys/fs/cgroup/unified")
                : List.of();
        try (ContainerRuntime runc = ContainerRuntimes.open(RuntimeOptions.builder().backend("runc")
                .root(work.resolve("api-runc")).build());
                ContainerRuntime crun = ContainerRuntimes.open(RuntimeOptions.builder().backend("crun")
                        .root(work.resolve("api-crun")).build())) {
            for (int i = -3; i < runs; i++) {
                boolean warm = i < 0;
                String id = "bench-" + (i + 3);
                record(t, warm, "raw runc run", time(List.of("runc", "--root", work.resolve("raw-runc").toString(),
                        "run", "--bundle", bundle.dir().toString(), id)));
                List<String> crunCmd = new ArrayList<>(crunWrap);
                crunCmd.addAll(List.of("crun", "--root", work.resolve("raw-crun").toString(), "run", "--bundle",
                        bundle.dir().toString(), id));
                record(t, warm, "raw crun run" + (crunWrap.isEmpty() ? "" : " (unshare wrapper)"), time(crunCmd));
                apiRun(t, warm, runc, id, bundle.dir());
                apiRun(t, warm, crun, id, bundle.dir());
            }
            String image = "oci:" + work.resolve("layout") + ":true";
            int cliRuns = Math.max(5, runs / 2);
            for (int i = -1; i < cliRuns; i++) {
                for (String backend : List.of("runc", "crun")) {
                    record(t, i < 0, "oci run --runtime " + backend + " (JVM start included)",
                            time(List.of(javaBin(), "-jar", jar.toString(), "run", "--runtime", backend, image)));
                }
            }
        }
        bundle.delete();

        Path tree = work.resolve("tree");
        long treeBytes = BenchTree.generate(tree.resolve("data"), 42);
        ImageBuilder.fromScratch().platform(Platform.host()).sourceDateEpoch(Instant.ofEpochSecond(0))
                .addLayer(src.getParent()).addLayer(tree).cmd("/bin/true").writeTo(layout, "tree");
        Descriptor big = layout.resolve("tree").orElseThrow();
        int prepRuns = Math.max(3, runs / 4);
        for (int i = 0; i < prepRuns; i++) {
            LayerCache fresh = LayerCache.at(work.resolve("cache-" + i));
            record(t, false, "bundle, first run (apply layers into the cache + overlay)",
                    prepare(layout, big, work.resolve("b-first-" + i), fresh, RootfsMethod.OVERLAY));
            record(t, false, "bundle, full copy (no cache)",
                    prepare(layout, big, work.resolve("b-copy-" + i), null, RootfsMethod.COPY));
        }
        LayerCache cache = LayerCache.at(work.resolve("cache-0"));
        for (int i = -3; i < runs; i++) {
            record(t, i < 0, "bundle, later runs (cached layers + overlay)",
                    prepare(layout, big, work.resolve("b-cached-" + (i + 3)), cache, RootfsMethod.OVERLAY));
        }

        System.out.printf("%d runs (oci run: %d, first-run bundles: %d); tree image: %.0f MB of files%n",
                runs, Math.max(5, runs / 2), prepRuns, treeBytes / 1e6);
        System.out.println("| what | median ms |");
        System.out.println("|---|---:|");
        for (Map.Entry<String, List<Double>> e : t.entrySet()) {
            System.out.printf("| %s | %.1f |%n", e.getKey(), median(e.getValue()) * 1000);
        }
        System.out.printf("API/raw: runc %.3fx, crun %.3fx%n",
                median(t.get("API run, runc backend")) / median(t.get("raw runc run")),
                median(t.get("API run, crun backend")) / median(t.get(t.keySet().stream()
                        .filter(k -> k.startsWith("raw crun")).findFirst().orElseThrow())));
    }

    /**
     * One API run, timed until it returns (exit status and output known), then until its deletion is
     * done too ({@code list()} waits for it): the next row must not share the machine with it.
     */
    private static void apiRun(Map<String, List<Double>> t, boolean warm, ContainerRuntime rt, String id, Path bundle)
            throws Exception {
        long start = System.nanoTime();
        RunResult r = rt.run(id, bundle, TIMEOUT);
        double s = (System.nanoTime() - start) / 1e9;
        rt.list();
        double all = (System.nanoTime() - start) / 1e9;
        if (!r.status().success()) {
            throw new IllegalStateException(rt.name() + " run " + id + ": " + r.status() + " " + r.stderr());
        }
        record(t, warm, "API run, " + rt.name() + " backend", s);
        record(t, warm, "API run, " + rt.name() + " backend, until deleted (+ list)", all);
    }

    private static double prepare(ImageLayout layout, Descriptor entry, Path dir, LayerCache cache,
            RootfsMethod expected) throws IOException {
        long start = System.nanoTime();
        PreparedBundle b = BundlePreparer.prepare(layout, entry, Platform.host(), dir, ContainerOptions.DEFAULTS,
                cache);
        double s = (System.nanoTime() - start) / 1e9;
        try {
            if (b.rootfsMethod() != expected) {
                throw new IllegalStateException("expected " + expected + " but got " + b.rootfsMethod() + ": "
                        + b.warnings());
            }
        } finally {
            b.delete();
        }
        return s;
    }

    private static double time(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int code = p.waitFor();
        double s = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code);
        }
        return s;
    }

    private static void record(Map<String, List<Double>> t, boolean warmup, String name, double seconds) {
        List<Double> l = t.computeIfAbsent(name, k -> new ArrayList<>());
        if (!warmup) {
            l.add(seconds);
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** cgroup v1 controllers with cgroup2 at /sys/fs/cgroup/unified: crun 1.8 refuses this layout. */
    private static boolean hybridCgroups() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            if (line.contains(" /sys/fs/cgroup/unified ") && line.contains(" - cgroup2 ")) {
                return true;
            }
        }
        return false;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe" : "");
    }
}
