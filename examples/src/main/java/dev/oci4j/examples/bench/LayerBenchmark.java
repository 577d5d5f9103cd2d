package dev.oci4j.examples.bench;

import dev.oci4j.image.layer.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Layer build and unpack throughput against umoci on a seeded ~180 MB tree (docs/benchmarks.md).
 *
 * <pre>{@code
 * java -cp examples/target/oci.jar dev.oci4j.examples.bench.LayerBenchmark [--runs 5] [--seed 42] [--skip-heap]
 * }</pre>
 */
public final class LayerBenchmark {

    private final int runs;
    private final Path work;
    private final Report report = new Report();

    private LayerBenchmark(int runs, Path work) {
        this.runs = runs;
        this.work = work;
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param args {@code [--runs N] [--seed S] [--skip-heap]}
     * @throws Exception when a step fails; the benchmark stops there
     */
    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int runs = option(a, "--runs", 5);
        long seed = option(a, "--seed", 42);
        Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        Path work = Files.createTempDirectory(base, "oci4j-bench-");
        try {
            LayerBenchmark bench = new LayerBenchmark(runs, work);
            Path tree = work.resolve("tree");
            long t0 = System.nanoTime();
            long bytes = BenchTree.generate(tree, seed);
            System.out.printf("tree: %d files, %.1f MB in %s (seed %d, generated in %.1f s); %d runs each, median;"
                    + " load average before: %s%n", BenchTree.TEXT_FILES + 3, bytes / 1e6, tree, seed,
                    (System.nanoTime() - t0) / 1e9, runs, Files.readString(Path.of("/proc/loadavg")).trim());
            bench.run(tree);
            if (!a.contains("--skip-heap")) {
                bench.heap();
            }
            System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            Umoci.deleteTree(work);
        }
    }

    private void run(Path tree) throws IOException {
        boolean umoci = Umoci.available();
        // Warm-up: the in-process rows measure a JVM that has already compiled the hot paths.
        OciLayers.Built gz = OciLayers.build(tree, work.resolve("gz"), Compression.GZIP);
        OciLayers.Built zst = OciLayers.build(tree, work.resolve("zst"), Compression.ZSTD);
        OciLayers.unpack(gz, work.resolve("rootfs"));
        Umoci.deleteTree(work.resolve("rootfs"));
        report.tarBytes(gz.layer().uncompressedSize());

        // Builds: one round of every contender at a time, so that load from elsewhere hits all alike.
        Timings t = new Timings(runs);
        Path layout = work.resolve("umoci");
        Path cliGz = work.resolve("cli-gz");
        Path cliZst = work.resolve("cli-zst");
        for (int i = 0; i < runs; i++) {
            if (umoci) {
                Umoci.deleteTree(layout);
                Umoci.newImage(layout);
                t.put("umoci insert", i, Umoci.insert(layout, tree));
            }
            long s = System.nanoTime();
            gz = OciLayers.build(tree, work.resolve("gz"), Compression.GZIP);
            t.put("gzip in-process", i, (System.nanoTime() - s) / 1e9);
            Umoci.deleteTree(cliGz);
            t.put("gzip oci build", i, OciLayers.cliBuild(cliGz, tree, Compression.GZIP, List.of()));
            s = System.nanoTime();
            zst = OciLayers.build(tree, work.resolve("zst"), Compression.ZSTD);
            t.put("zstd in-process", i, (System.nanoTime() - s) / 1e9);
            Umoci.deleteTree(cliZst);
            t.put("zstd oci build", i, OciLayers.cliBuild(cliZst, tree, Compression.ZSTD, List.of()));
        }
        long umociSize = umoci ? Umoci.largestBlobSize(layout) : 0;
        if (umoci) {
            report.umociBuild("umoci insert (gzip, Go pgzip)", t.get("umoci insert"), umociSize);
        }
        String gzLevel = "gzip L" + Compression.GZIP.defaultLevel();
        String zstLevel = "zstd L" + Compression.ZSTD.defaultLevel();
        report.add("build " + gzLevel + ", in-process", t.get("gzip in-process"), gz.layer().size(), true);
        report.add("build " + gzLevel + ", oci build (new JVM)", t.get("gzip oci build"), Umoci.largestBlobSize(cliGz), true);
        report.add("build " + zstLevel + ", in-process", t.get("zstd in-process"), zst.layer().size(), true);
        report.add("build " + zstLevel + ", oci build (new JVM)", t.get("zstd oci build"), Umoci.largestBlobSize(cliZst), true);

        // Unpacks into tmpfs, interleaved the same way; deleting the result is not timed.
        Path rootfs = work.resolve("rootfs");
        for (int i = 0; i < runs; i++) {
            if (umoci) {
                t.put("umoci unpack", i, Umoci.unpack(layout, work.resolve("bundle")));
                Umoci.deleteTree(work.resolve("bundle"));
            }
            for (OciLayers.Built b : List.of(gz, zst)) {
                long s = System.nanoTime();
                OciLayers.unpack(b, rootfs);
                t.put(b == gz ? "gzip unpack" : "zstd unpack", i, (System.nanoTime() - s) / 1e9);
                Umoci.deleteTree(rootfs);
            }
            t.put("gzip oci unpack", i, OciLayers.cliUnpack(cliGz, rootfs, List.of()));
            Umoci.deleteTree(rootfs);
            t.put("zstd oci unpack", i, OciLayers.cliUnpack(cliZst, rootfs, List.of()));
            Umoci.deleteTree(rootfs);
        }
        if (umoci) {
            report.umociUnpack("umoci unpack (gzip)", t.get("umoci unpack"), umociSize);
        }
        report.add("unpack gzip, in-process", t.get("gzip unpack"), gz.layer().size(), false);
        report.add("unpack gzip, oci unpack (new JVM)", t.get("gzip oci unpack"), gz.layer().size(), false);
        report.add("unpack zstd, in-process", t.get("zstd unpack"), zst.layer().size(), false);
        report.add("unpack zstd, oci unpack (new JVM)", t.get("zstd oci unpack"), zst.layer().size(), false);
        references(gz);
        report.print(System.out);
    }

    /** Compressor-only figures on the layer's tar: ours at several levels, the JDK's single stream, pigz. */
    private void references(OciLayers.Built gz) throws IOException {
        Path tarFile = work.resolve("layer.tar");
        try (InputStream in = Compression.GZIP.decompress(Files.newInputStream(gz.blob()));
             OutputStream out = Files.newOutputStream(tarFile)) {
            in.transferTo(out);
        }
        byte[] tar = Files.readAllBytes(tarFile);
        int threads = Runtime.getRuntime().availableProcessors();
        Timings t = new Timings(runs);
        for (int level : new int[] {1, 4, 6}) {
            long size = 0;
            for (int i = -1; i < runs; i++) {
                CountingStream c = new CountingStream();
                long s = System.nanoTime();
                try (OutputStream o = Compression.GZIP.compress(c, level, threads)) {
                    o.write(tar);
                }
                t.put("oci4j", Math.max(i, 0), (System.nanoTime() - s) / 1e9);
                size = c.count;
            }
            report.add("  compressor only: oci4j gzip L" + level + " x" + threads, t.get("oci4j"), size, true);
        }
        Timings few = new Timings(Math.min(runs, 3));
        for (int level : new int[] {1, 6}) {
            long size = 0;
            for (int i = 0; i < Math.min(runs, 3); i++) {
                CountingStream c = new CountingStream();
                long s = System.nanoTime();
                try (GZIPOutputStream o = new GZIPOutputStream(c, 64 * 1024) {
                    {
                        def.setLevel(level);
                    }
                }) {
                    o.write(tar);
                }
                few.put("jdk", i, (System.nanoTime() - s) / 1e9);
                size = c.count;
            }
            report.add("  compressor only: JDK GZIPOutputStream L" + level + " x1", few.get("jdk"), size, true);
        }
        for (int level : new int[] {1, 4, 6}) {
            try {
                Path out = work.resolve("pigz.gz");
                for (int i = 0; i < runs; i++) {
                    t.put("pigz", i, Procs.time(List.of("pigz", "-" + level, "-p", String.valueOf(threads), "-c",
                            tarFile.toString()), out));
                }
                report.add("  compressor only: pigz -" + level + " -p " + threads, t.get("pigz"), Files.size(out), true);
            } catch (IOException e) {
                System.out.println("pigz not run: " + e.getMessage());
            }
        }
        Files.delete(tarFile);
    }

    private void heap() throws IOException {
        Umoci.deleteTree(work.resolve("rootfs"));
        Path big = work.resolve("big-tree");
        long bytes = HeapCheck.generate(big);
        HeapCheck.Result r = HeapCheck.run(big, bytes, work.resolve("big"));
        if (r.ok()) {
            System.out.printf("1 GiB layer, oci build + oci unpack with -Xmx64m: OK; build %.2f s (%.0f MB/s), unpack %.2f s"
                    + " (%.0f MB/s), largest heap occupancy in the GC logs %d MiB%n", r.buildSeconds(),
                    r.treeBytes() / 1e6 / r.buildSeconds(), r.unpackSeconds(), r.treeBytes() / 1e6 / r.unpackSeconds(),
                    r.gcPeakMiB());
        } else {
            System.out.println("1 GiB layer with -Xmx64m: FAILED: " + r.failure());
        }
    }

    private static int option(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
