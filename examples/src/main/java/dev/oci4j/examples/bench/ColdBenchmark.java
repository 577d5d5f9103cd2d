package dev.oci4j.examples.bench;

import dev.oci4j.image.layer.Compression;
import dev.oci4j.image.layer.GzipEngine;
import dev.oci4j.image.layer.LayerWriter;
import dev.oci4j.image.layer.WrittenLayer;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold-JVM performance of the {@code oci} command against its baselines, in one run (docs/benchmarks.md,
 * issue 13): start-up of short commands against a Java hello-world, {@code skopeo --version} and
 * {@code runc spec}; {@code oci build} and {@code oci unpack} of the layer benchmark's tree in a new JVM
 * against {@code umoci insert} and {@code umoci unpack}; and the same layer work in a warm JVM. With
 * libisal.so.2 installed, gzip builds with the ISA-L engine ({@code --gzip-engine isal}, levels 1-3 warm)
 * are rows too.
 *
 * <pre>{@code
 * java -cp examples/target/oci.jar dev.oci4j.examples.bench.ColdBenchmark [--runs 3] [--start-runs 10]
 *     [--jar JAR] [--launcher SCRIPT] [--before-jar JAR] [--before-launcher SCRIPT] [--skip-layers] [--seed 42]
 * }</pre>
 *
 * <p>Each {@code oci} row runs in up to three forms: the launcher script next to the jar
 * ({@code target/oci}, with its class-data sharing archive), plain {@code java -cp JAR}, and an older
 * jar given with {@code --before-jar}, or an older launcher (with its jar and archive next to it) given with
 * {@code --before-launcher}, which compares launcher options. Every contender runs once per round, rounds repeat, and the
 * table shows medians, so load from other work on the machine hits all contenders alike; the ratios
 * are within one run. Rows whose tool is missing are left out.
 */
public final class ColdBenchmark {

    private final Path work;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Map<String, List<String>> ociForms = new LinkedHashMap<>();
    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();
    private final Map<String, Long> sizes = new LinkedHashMap<>();

    private ColdBenchmark(Path work) {
        this.work = work;
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param args options as in the class description
     * @throws Exception when a contender fails
     */
    public static void main(String[] args) throws Exception {
        int runs = 3;
        int startRuns = 10;
        long seed = 42;
        boolean layers = true;
        Path jar = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
        Path launcher = null;
        Path before = null;
        Path beforeLauncher = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--start-runs" -> startRuns = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]).toAbsolutePath();
                case "--launcher" -> launcher = Path.of(args[++i]).toAbsolutePath();
                case "--before-jar" -> before = Path.of(args[++i]).toAbsolutePath();
                case "--before-launcher" -> beforeLauncher = Path.of(args[++i]).toAbsolutePath();
                case "--skip-layers" -> layers = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (launcher == null && Files.isExecutable(jar.resolveSibling("oci"))) {
            launcher = jar.resolveSibling("oci");
        }
        Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        Path work = Files.createTempDirectory(base, "oci4j-cold-");
        try {
            ColdBenchmark bench = new ColdBenchmark(work);
            if (launcher != null) {
                bench.ociForms.put("launcher", List.of(launcher.toString()));
            }
            bench.ociForms.put("java -cp jar", List.of(bench.java, "-cp", jar.toString(), "dev.oci4j.examples.Oci"));
            if (beforeLauncher != null) {
                bench.ociForms.put("before launcher", List.of(beforeLauncher.toString()));
            }
            if (before != null) {
                bench.ociForms.put("before", List.of(bench.java, "-cp", before.toString(), "dev.oci4j.examples.Oci"));
            }
            System.out.printf("cold benchmark: %d start-up rounds, %d layer rounds, medians; forms of oci: %s;"
                    + " load average before: %s%n", startRuns, runs, bench.ociForms.keySet(), loadAverage());
            bench.startup(startRuns);
            if (layers) {
                bench.layers(runs, seed);
            }
            bench.print(System.out);
            System.out.println("load average after: " + loadAverage());
        } finally {
            Umoci.deleteTree(work);
        }
    }

    private void startup(int runs) throws IOException {
        Path hello = work.resolve("hello");
        Files.createDirectories(hello);
        Files.writeString(hello.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        // javac as a process: the examples module does not read java.compiler, and needs not.
        Procs.run(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), hello.resolve("Hello.java").toString());
        Path manifest = work.resolve("manifest.json");
        Files.writeString(manifest, "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":"
                + "\"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\"size\":0},"
                + "\"layers\":[]}");
        Path runcBundle = Files.createDirectories(work.resolve("runc-spec"));
        boolean skopeo = works("skopeo", "--version");
        boolean runc = works("runc", "--version");
        for (int i = 0; i < runs; i++) {
            time("hello-world (java -cp DIR Hello)", List.of(java, "-cp", hello.toString(), "Hello"));
            if (skopeo) {
                time("skopeo --version", List.of("skopeo", "--version"));
            }
            if (runc) {
                Files.deleteIfExists(runcBundle.resolve("config.json"));
                time("runc spec", List.of("runc", "spec", "--bundle", runcBundle.toString()));
            }
            for (Map.Entry<String, List<String>> form : ociForms.entrySet()) {
                String f = " [" + form.getKey() + "]";
                time("oci --version" + f, oci(form.getValue(), "--version"));
                time("oci help" + f, oci(form.getValue(), "help"));
                time("oci validate FILE" + f, oci(form.getValue(), "validate", manifest.toString()));
                time("oci spec" + f, oci(form.getValue(), "spec"));
            }
        }
    }

    private void layers(int runs, long seed) throws IOException {
        Path tree = work.resolve("tree");
        long t0 = System.nanoTime();
        long bytes = BenchTree.generate(tree, seed);
        System.out.printf("tree: %.1f MB of files (seed %d) generated in %.1f s%n", bytes / 1e6, seed, (System.nanoTime() - t0) / 1e9);
        boolean umoci = Umoci.available();
        boolean isal = GzipEngine.ISAL.isAvailable();
        if (isal) {
            LayerWriter.builder().compression(Compression.GZIP).gzipEngine(GzipEngine.ISAL).build()
                    .writeDirectory(tree, work.resolve("isal.tar.gz"));
        }
        // The warm rows measure a JVM that has built and unpacked once already.
        OciLayers.Built gz = OciLayers.build(tree, work.resolve("gz"), Compression.GZIP);
        OciLayers.Built zst = OciLayers.build(tree, work.resolve("zst"), Compression.ZSTD);
        Path rootfs = work.resolve("rootfs");
        OciLayers.unpack(gz, rootfs);
        Umoci.deleteTree(rootfs);
        Path umociLayout = work.resolve("umoci");
        for (int i = 0; i < runs; i++) {
            if (umoci) {
                Umoci.deleteTree(umociLayout);
                Umoci.newImage(umociLayout);
                put("umoci insert", Umoci.insert(umociLayout, tree));
                sizes.put("umoci insert", Umoci.largestBlobSize(umociLayout));
            }
            for (Map.Entry<String, List<String>> form : ociForms.entrySet()) {
                Path layout = work.resolve("cli-" + form.getKey().replace(' ', '-'));
                Umoci.deleteTree(layout);
                String label = "oci build gzip [" + form.getKey() + "]";
                time(label, oci(form.getValue(), "build", "oci:" + layout + ":t", "--layer", tree.toString()));
                sizes.put(label, Umoci.largestBlobSize(layout));
                if (isal && !form.getKey().startsWith("before")) {
                    Umoci.deleteTree(layout);
                    label = "oci build gzip --gzip-engine isal [" + form.getKey() + "]";
                    time(label, oci(form.getValue(), "build", "oci:" + layout + ":t", "--layer", tree.toString(),
                            "--gzip-engine", "isal"));
                    sizes.put(label, Umoci.largestBlobSize(layout));
                }
            }
            long s = System.nanoTime();
            gz = OciLayers.build(tree, work.resolve("gz"), Compression.GZIP);
            put("build gzip, warm JVM", (System.nanoTime() - s) / 1e9);
            sizes.put("build gzip, warm JVM", gz.layer().size());
            s = System.nanoTime();
            zst = OciLayers.build(tree, work.resolve("zst"), Compression.ZSTD);
            put("build zstd, warm JVM", (System.nanoTime() - s) / 1e9);
            sizes.put("build zstd, warm JVM", zst.layer().size());
            for (int level = isal ? 1 : 4; level <= GzipEngine.ISAL.maxLevel(); level++) {
                String label = "build gzip ISA-L L" + level + ", warm JVM";
                s = System.nanoTime();
                WrittenLayer w = LayerWriter.builder().compression(Compression.GZIP, level).gzipEngine(GzipEngine.ISAL).build()
                        .writeDirectory(tree, work.resolve("isal.tar.gz"));
                put(label, (System.nanoTime() - s) / 1e9);
                sizes.put(label, w.size());
            }
        }
        for (int i = 0; i < runs; i++) {
            if (umoci) {
                put("umoci unpack", Umoci.unpack(umociLayout, work.resolve("bundle")));
                Umoci.deleteTree(work.resolve("bundle"));
            }
            for (Map.Entry<String, List<String>> form : ociForms.entrySet()) {
                Path layout = work.resolve("cli-" + form.getKey().replace(' ', '-'));
                time("oci unpack gzip [" + form.getKey() + "]", oci(form.getValue(), "unpack", "oci:" + layout + ":t", rootfs.toString()));
                Umoci.deleteTree(rootfs);
            }
            long s = System.nanoTime();
            OciLayers.unpack(gz, rootfs);
            put("unpack gzip, warm JVM", (System.nanoTime() - s) / 1e9);
            Umoci.deleteTree(rootfs);
        }
    }

    private void print(PrintStream out) {
        out.printf("%-44s %9s  %s%n", "row", "median s", "against");
        double hello = median("hello-world (java -cp DIR Hello)");
        double insert = median("umoci insert");
        double unpack = median("umoci unpack");
        Long umociSize = sizes.get("umoci insert");
        for (String label : seconds.keySet()) {
            double m = median(label);
            String against = "";
            if (label.startsWith("oci --version") || label.startsWith("oci help")) {
                against = ratio("%.2fx hello-world (target <= 2)", m / hello);
            } else if (label.startsWith("oci validate") || label.startsWith("oci spec")) {
                against = ratio("%.2fx hello-world (target <= 3)", m / hello);
            } else if (label.startsWith("oci build gzip") || label.startsWith("build gzip")) {
                double target = label.startsWith("oci") ? 1 : 1.5;
                against = ratio("%.2fx umoci insert's speed (target >= " + target + ")", insert / m)
                        + (umociSize == null ? "" : String.format(Locale.ROOT, ", size %.4fx umoci's (target <= 1.03)",
                        (double) sizes.get(label) / umociSize));
            } else if (label.equals("build zstd, warm JVM")) {
                against = ratio("%.2fx umoci insert's speed (target >= 3)", insert / m)
                        + (umociSize == null ? "" : String.format(Locale.ROOT, ", size %.4fx", (double) sizes.get(label) / umociSize));
            } else if (label.startsWith("oci unpack")) {
                against = ratio("%.2fx umoci unpack's speed (target >= 2.5)", unpack / m);
            } else if (label.equals("unpack gzip, warm JVM")) {
                against = ratio("%.2fx umoci unpack's speed", unpack / m);
            }
            out.printf("%-44s %9.3f  %s%n", label, m, against);
        }
    }

    private static String ratio(String format, double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, format, value);
    }

    private double median(String label) {
        List<Double> s = seconds.get(label);
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        double[] a = s.stream().mapToDouble(Double::doubleValue).toArray();
        return Report.median(a);
    }

    private void put(String label, double s) {
        seconds.computeIfAbsent(label, k -> new ArrayList<>()).add(s);
    }

    private static List<String> oci(List<String> form, String... args) {
        List<String> command = new ArrayList<>(form);
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code command} (stdout discarded) and records its wall-clock time, process start included. */
    private void time(String label, List<String> command) throws IOException {
        Path log = work.resolve("stderr.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
        // The launcher runs the JVM the benchmark runs in: the one its archive was made with, in a build.
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            int exit = p.waitFor();
            double s = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                throw new IOException(command + " exited " + exit + ": " + Files.readString(log, StandardCharsets.UTF_8));
            }
            put(label, s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + command);
        }
    }

    private static boolean works(String... command) {
        try {
            Procs.run(command);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
