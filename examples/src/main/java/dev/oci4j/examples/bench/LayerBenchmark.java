package dev.oci4j.examples.bench;

import dev.oci4j.image.Digest;
import dev.oci4j.image.layer.Compression;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private final long seed;
    private final Path work;
    private final Report report = new Report();

    private LayerBenchmark(int runs, long seed, Path work) {
        this.runs = runs;
        this.seed = seed;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        if (!a.isEmpty() && a.get(0).equals("build-once")) {
            Compression c = Compression.valueOf(a.get(3).toUpperCase());
            StandInLayers.Built b = StandInLayers.build(Path.of(a.get(1)), Path.of(a.get(2)), c, c.defaultLevel());
            System.out.println(b.digest() + " " + b.size());
            return;
        }
        if (!a.isEmpty() && a.get(0).equals("unpack-once")) {
            StandInLayers.unpack(Path.of(a.get(1)), Digest.parse(a.get(2)), Path.of(a.get(3)));
            return;
        }
        if (!a.isEmpty() && a.get(0).equals("heap-child")) {
            HeapCheck.child(Path.of(a.get(1)), Path.of(a.get(2)));
            return;
        }
        int runs = option(a, "--runs", 5);
        long seed = option(a, "--seed", 42);
        Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
        Path work = Files.createTempDirectory(base, "oci4j-bench-");
        try {
            new LayerBenchmark(runs, seed, work).run(!a.contains("--skip-heap"));
        } finally {
            Umoci.deleteTree(work);
        }
    }

    private void run(boolean heap) throws IOException {
        Path tree = work.resolve("tree");
        long t0 = System.nanoTime();
        long treeBytes = BenchTree.generate(tree, seed);
        System.out.printf("tree: %d files' bytes = %.1f MB in %s (seed %d, generated in %.1f s), %d runs each, median%n",
                treeBytes, treeBytes / 1e6, tree, seed, (System.nanoTime() - t0) / 1e9, runs);
        boolean umoci = Umoci.available();

        // (a) gzip build in-process, warmed up once, against umoci insert.
        StandInLayers.Built gz = StandInLayers.build(tree, work.resolve("warm"), Compression.GZIP, Compression.GZIP.defaultLevel());
        long tar = gz.tarSize();
        report.tarBytes(tar);
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            Path blobs = work.resolve("gz" + i);
            long s = System.nanoTime();
            gz = StandInLayers.build(tree, blobs, Compression.GZIP, Compression.GZIP.defaultLevel());
            t[i] = (System.nanoTime() - s) / 1e9;
            if (i < runs - 1) {
                Umoci.deleteTree(blobs);
            }
        }
        Path layout = work.resolve("umoci");
        long umociSize = 0;
        if (umoci) {
            double[] u = new double[runs];
            for (int i = 0; i < runs; i++) {
                Umoci.deleteTree(layout);
                Umoci.newImage(layout);
                u[i] = Umoci.insert(layout, tree);
            }
            umociSize = Umoci.largestBlobSize(layout);
            report.umociBuild("umoci insert (gzip)", u, umociSize);
        }
        report.add("build gzip L" + Compression.GZIP.defaultLevel() + ", in-process", t, gz.size(), true);

        // (b) zstd build in-process.
        StandInLayers.build(tree, work.resolve("warm"), Compression.ZSTD, Compression.ZSTD.defaultLevel());
        StandInLayers.Built zst = null;
        for (int i = 0; i < runs; i++) {
            Path blobs = work.resolve("zst" + i);
            long s = System.nanoTime();
            zst = StandInLayers.build(tree, blobs, Compression.ZSTD, Compression.ZSTD.defaultLevel());
            t[i] = (System.nanoTime() - s) / 1e9;
            if (i < runs - 1) {
                Umoci.deleteTree(blobs);
            }
        }
        report.add("build zstd L" + Compression.ZSTD.defaultLevel() + ", in-process", t, zst.size(), true);

        // (d) the same through a fresh JVM, start-up included.
        // TODO(builder): time `java -jar oci.jar build ...` once the builder branch has the command;
        // until then a child JVM runs this class's build-once, which does the same work.
        for (Compression c : List.of(Compression.GZIP, Compression.ZSTD)) {
            for (int i = 0; i < runs; i++) {
                Path blobs = work.resolve("cli-" + c + i);
                t[i] = Procs.time(childJvm("build-once", tree.toString(), blobs.toString(), c.name()), null);
                Umoci.deleteTree(blobs);
            }
            report.add("build " + c.name().toLowerCase() + ", child JVM", t, c == Compression.GZIP ? gz.size() : zst.size(), true);
        }

        // (c) unpack into tmpfs: ours from our gzip and zstd blobs, umoci from its own layer.
        for (StandInLayers.Built b : List.of(gz, zst)) {
            String name = b == gz ? "gzip" : "zstd";
            StandInLayers.unpack(b.blob(), b.digest(), work.resolve("warm-rootfs-" + name));
            Umoci.deleteTree(work.resolve("warm-rootfs-" + name));
            for (int i = 0; i < runs; i++) {
                Path rootfs = work.resolve("rootfs");
                long s = System.nanoTime();
                StandInLayers.unpack(b.blob(), b.digest(), rootfs);
                t[i] = (System.nanoTime() - s) / 1e9;
                Umoci.deleteTree(rootfs);
            }
            report.add("unpack " + name + ", in-process", t, b.size(), false);
            for (int i = 0; i < runs; i++) {
                Path rootfs = work.resolve("rootfs");
                t[i] = Procs.time(childJvm("unpack-once", b.blob().toString(), b.digest().toString(), rootfs.toString()), null);
                Umoci.deleteTree(rootfs);
            }
            report.add("unpack " + name + ", child JVM", t, b.size(), false);
        }
        if (umoci) {
            double[] u = new double[runs];
            for (int i = 0; i < runs; i++) {
                Path bundle = work.resolve("bundle");
                u[i] = Umoci.unpack(layout, bundle);
                Umoci.deleteTree(bundle);
            }
            report.umociUnpack("umoci unpack (gzip)", u, umociSize);
        }
        references(gz);
        report.print(System.out);

        // (e) 1 GiB under -Xmx64m.
        if (heap) {
            Umoci.deleteTree(work.resolve("rootfs"));
            Path big = work.resolve("big-tree");
            HeapCheck.generate(big);
            HeapCheck.Result r = HeapCheck.run(big, work.resolve("big"));
            if (r.ok()) {
                System.out.printf("1 GiB layer under -Xmx64m: OK, tar %.0f MB, build %.2f s (%.0f MB/s), unpack %.2f s (%.0f MB/s),"
                        + " peak heap at GC %d MiB, heap pools' peak sum %d MiB%n", r.tarBytes() / 1e6, r.buildSeconds(),
                        r.tarBytes() / 1e6 / r.buildSeconds(), r.unpackSeconds(), r.tarBytes() / 1e6 / r.unpackSeconds(),
                        r.gcPeakMiB(), r.poolPeakMiB());
            } else {
                System.out.println("1 GiB layer under -Xmx64m: FAILED: " + r.output());
            }
        }
    }

    /** Compressor-only figures on the layer's tar: ours at several levels, the JDK's single stream, pigz. */
    private void references(StandInLayers.Built gz) throws IOException {
        Path tarFile = work.resolve("layer.tar");
        try (var in = Compression.GZIP.decompress(Files.newInputStream(gz.blob()));
             OutputStream out = Files.newOutputStream(tarFile)) {
            in.transferTo(out);
        }
        byte[] tar = Files.readAllBytes(tarFile);
        int threads = Runtime.getRuntime().availableProcessors();
        double[] t = new double[runs];
        for (int level : new int[] {1, 4, 6}) {
            long size = 0;
            for (int i = -1; i < runs; i++) {
                CountingStream c = new CountingStream();
                long s = System.nanoTime();
                try (OutputStream o = Compression.GZIP.compress(c, level, threads)) {
                    o.write(tar);
                }
                if (i >= 0) {
                    t[i] = (System.nanoTime() - s) / 1e9;
                }
                size = c.count;
            }
            report.add("  compressor only: oci4j gzip L" + level + " x" + threads, t, size, true);
        }
        for (int level : new int[] {1, 6}) {
            long size = 0;
            double[] one = new double[Math.min(runs, 3)];
            for (int i = 0; i < one.length; i++) {
                CountingStream c = new CountingStream();
                long s = System.nanoTime();
                try (GZIPOutputStream o = new GZIPOutputStream(c, 64 * 1024) {
                    {
                        def.setLevel(level);
                    }
                }) {
                    o.write(tar);
                }
                one[i] = (System.nanoTime() - s) / 1e9;
                size = c.count;
            }
            report.add("  compressor only: JDK GZIPOutputStream L" + level + " x1", one, size, true);
        }
        for (int level : new int[] {1, 6}) {
            try {
                Path out = work.resolve("pigz.gz");
                for (int i = 0; i < runs; i++) {
                    t[i] = Procs.time(List.of("pigz", "-" + level, "-p", String.valueOf(threads), "-c", tarFile.toString()), out);
                }
                report.add("  compressor only: pigz -" + level + " -p " + threads, t, Files.size(out), true);
            } catch (IOException e) {
                System.out.println("pigz not run: " + e.getMessage());
            }
        }
        Files.delete(tarFile);
    }

    private List<String> childJvm(String... args) {
        List<String> command = new ArrayList<>(List.of(HeapCheck.javaBinary(), "-cp", System.getProperty("java.class.path"),
                LayerBenchmark.class.getName()));
        command.addAll(List.of(args));
        return command;
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
