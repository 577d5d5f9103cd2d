package dev.oci4j.examples.bench;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.linux.bundle.BundlePreparer;
import dev.oci4j.linux.bundle.ContainerOptions;
import dev.oci4j.linux.bundle.LayerCache;
import dev.oci4j.linux.bundle.PreparedBundle;
import dev.oci4j.linux.bundle.RootfsMethod;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * the full copy for reference. The container rows also show percentiles and CPU time; with
 * {@code --baseline JAR} the API rows of another build (an older {@code oci.jar}) run in the same
 * rounds, from their own class loader. {@code --runs-only} stops after the container rows.
 * A program, not a timed test:
 *
 * <pre>
 * java -cp examples/target/oci.jar dev.oci4j.examples.bench.RunBenchmark [RUNS] [WORK_DIR] [--runs-only] [--baseline JAR]
 * </pre>
 */
public final class RunBenchmark {

    private RunBenchmark() {
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param args {@code [RUNS] [WORK_DIR]}
     * @throws Exception when a step fails; the benchmark stops there
     */
    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Path baseline = null;
        boolean runsOnly = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--baseline") && i + 1 < args.length) {
                baseline = Path.of(args[++i]);
            } else if (args[i].equals("--runs-only")) {
                runsOnly = true;
            } else {
                positional.add(args[i]);
            }
        }
        int runs = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 20;
        Path work = positional.size() > 1 ? Path.of(positional.get(1)) : Files.createTempDirectory("oci4j-run-bench-");
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
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        List<String> crunWrap = hybridCgroups()
                ? List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                        "umount -l \"$0\" && exec \"$@\"", "/sys/fs/cgroup/unified")
                : List.of();
        String rawCrun = "raw crun run" + (crunWrap.isEmpty() ? "" : " (unshare wrapper)");
        List<ApiRuns> apis = new ArrayList<>();
        try {
            for (String backend : List.of("runc", "crun")) {
                apis.add(ApiRuns.open(null, backend, work.resolve("api-" + backend), "API run, " + backend + " backend"));
            }
            if (baseline != null) {
                for (String backend : List.of("runc", "crun")) {
                    apis.add(ApiRuns.open(baseline, backend, work.resolve("base-" + backend),
                            "API run, " + backend + " backend (baseline " + baseline.getFileName() + ")"));
                }
            }
            List<String> names = new ArrayList<>(List.of("raw runc run", rawCrun));
            apis.forEach(a -> names.add(a.name()));
            for (String n : names) {
                t.put(n, new ArrayList<>());
                if (n.startsWith("API")) {
                    t.put(n + ", until deleted", new ArrayList<>());
                }
            }
            for (int i = -3; i < runs; i++) {
                boolean warm = i < 0;
                String id = "bench-" + (i + 3);
                // Each round starts with the next contender: whatever one leaves running (a warm shim
                // starting) falls on each of the others alike.
                for (int k = 0; k < names.size(); k++) {
                    int c = Math.floorMod(i + k, names.size());
                    double cpuBefore = cpuSeconds();
                    if (c == 0) {
                        record(t, warm, names.get(c), time(List.of("runc", "--root",
                                work.resolve("raw-runc").toString(), "run", "--bundle", bundle.dir().toString(), id)));
                    } else if (c == 1) {
                        List<String> crunCmd = new ArrayList<>(crunWrap);
                        crunCmd.addAll(List.of("crun", "--root", work.resolve("raw-crun").toString(), "run",
                                "--bundle", bundle.dir().toString(), id));
                        record(t, warm, names.get(c), time(crunCmd));
                    } else {
                        double[] s = apis.get(c - 2).run(id, bundle.dir());
                        record(t, warm, names.get(c), s[0]);
                        record(t, warm, names.get(c) + ", until deleted", s[1]);
                    }
                    // The next contender starts once this one's leftovers (a warm shim still starting, a shim
                    // just ending) are done: its CPU time has then arrived, and none of its work falls on the next.
                    quiesce();
                    record(cpu, warm, names.get(c), cpuSeconds() - cpuBefore);
                }
            }
        } finally {
            for (ApiRuns a : apis) {
                a.close();
            }
        }
        if (!runsOnly) {
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

        long treeBytes = 0;
        int prepRuns = Math.max(3, runs / 4);
        if (!runsOnly) {
            Path tree = work.resolve("tree");
            treeBytes = BenchTree.generate(tree.resolve("data"), 42);
            ImageBuilder.fromScratch().platform(Platform.host()).sourceDateEpoch(Instant.ofEpochSecond(0))
                    .addLayer(src.getParent()).addLayer(tree).cmd("/bin/true").writeTo(layout, "tree");
            Descriptor big = layout.resolve("tree").orElseThrow();
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
        }

        System.out.printf("%d runs (oci run: %d, first-run bundles: %d); tree image: %.0f MB of files%n",
                runs, Math.max(5, runs / 2), prepRuns, treeBytes / 1e6);
        System.out.println("| what | median ms | p10 | p25 | p75 | p90 | CPU ms a run (mean) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<Double>> e : t.entrySet()) {
            List<Double> v = e.getValue();
            List<Double> c = cpu.get(e.getKey());
            System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", e.getKey(), median(v) * 1000,
                    percentile(v, 10) * 1000, percentile(v, 25) * 1000, percentile(v, 75) * 1000,
                    percentile(v, 90) * 1000, c == null ? "" : String.format("%.1f",
                            c.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 1000));
        }
        System.out.printf("API/raw: runc %.3fx, crun %.3fx%n",
                median(t.get("API run, runc backend")) / median(t.get("raw runc run")),
                median(t.get("API run, crun backend")) / median(t.get(rawCrun)));
        for (ApiRuns a : apis.subList(2, apis.size())) {
            System.out.printf("%s / raw: %.3fx%n", a.name(), median(t.get(a.name()))
                    / median(t.get(a.name().contains("runc") ? "raw runc run" : rawCrun)));
        }
    }

    /**
     * Waits (up to a second) until every child of this JVM sleeps, twice in a row 2 ms apart: a warm
     * shim waiting for its command does, one still starting or ending does not (or is gone).
     */
    private static void quiesce() throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        int calm = 0;
        while (calm < 2 && System.nanoTime() < deadline) {
            Thread.sleep(2);
            boolean asleep = ProcessHandle.current().children().allMatch(RunBenchmark::sleeping);
            calm = asleep ? calm + 1 : 0;
        }
    }

    private static boolean sleeping(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("S");
        } catch (IOException e) {
            // gone since it was listed
            return true;
        }
    }

    /**
     * This JVM's CPU seconds (user + system) and those of its reaped children, from /proc/self/stat in
     * clock ticks (10 ms): the mean of many rounds is what is meaningful. A shim's time (the runtime's
     * commands, the container) arrives with the shim, once it has reported the deletion and ended.
     */
    private static double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14), in clock ticks.
        return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]))
                / 100.0;
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

    /** The nearest-rank percentile {@code p} (0-100). */
    private static double percentile(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[Math.max(0, (int) Math.ceil(p / 100 * v.length) - 1)];
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
