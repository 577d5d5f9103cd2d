package dev.oci4j.examples.bench;

import dev.oci4j.image.layer.Compression;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 1 GiB check: a child JVM with {@code -Xmx64m} builds a gzip layer from a 1 GiB tree and unpacks it
 * again; the parent reports whether it succeeded and the largest heap occupancy the GC log saw.
 */
final class HeapCheck {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    record Result(boolean ok, long tarBytes, double buildSeconds, double unpackSeconds, long gcPeakMiB,
            long poolPeakMiB, String output) {
    }

    private HeapCheck() {
    }

    /** 1024 files of 1 MiB: a third text, a third random, a third low-entropy. */
    static void generate(Path root) throws IOException {
        Files.createDirectories(root);
        Random r = new Random(1);
        String[] vocabulary = {"alpha", "beta", "gamma", "delta", "return", "public", "static", "final", "int", "void"};
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 1024; i++) {
            Path dir = Files.createDirectories(root.resolve("d" + (i % 16)));
            switch (i % 3) {
                case 0 -> chunk = BenchTree.text(new Random(i), vocabulary, 1 << 20);
                case 1 -> {
                    chunk = new byte[1 << 20];
                    r.nextBytes(chunk);
                }
                default -> {
                    chunk = new byte[1 << 20];
                    for (int j = 0; j < chunk.length; j++) {
                        chunk[j] = (byte) ('a' + (j / 64 + i) % 4);
                    }
                }
            }
            Files.write(dir.resolve("f" + i + ".bin"), chunk);
        }
    }

    /** Runs in the child JVM: build then unpack, printing figures as key=value lines. */
    static void child(Path tree, Path work) throws IOException {
        long t0 = System.nanoTime();
        StandInLayers.Built built = StandInLayers.build(tree, work.resolve("blobs"), Compression.GZIP,
                Compression.GZIP.defaultLevel());
        long t1 = System.nanoTime();
        StandInLayers.unpack(built.blob(), built.digest(), work.resolve("rootfs"));
        long t2 = System.nanoTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("tar=" + built.tarSize());
        System.out.println("build=" + (t1 - t0) / 1e9);
        System.out.println("unpack=" + (t2 - t1) / 1e9);
        System.out.println("poolPeak=" + peak);
    }

    /** Runs {@link #child} under -Xmx64m and reads its report and its GC log. */
    static Result run(Path tree, Path work) throws IOException {
        Path gcLog = work.resolve("gc.log");
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx64m", "-Xlog:gc:file=" + gcLog,
                "-cp", System.getProperty("java.class.path"), LayerBenchmark.class.getName(),
                "heap-child", tree.toString(), work.toString()));
        String out;
        try {
            out = Procs.run(command, null);
        } catch (IOException e) {
            return new Result(false, 0, 0, 0, 0, 0, e.getMessage());
        }
        long gcPeak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                gcPeak = Math.max(gcPeak, Long.parseLong(m.group(1)));
            }
        }
        return new Result(true, Long.parseLong(value(out, "tar")), Double.parseDouble(value(out, "build")),
                Double.parseDouble(value(out, "unpack")), gcPeak, Long.parseLong(value(out, "poolPeak")) >> 20, out);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String value(String out, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        throw new IllegalStateException("child JVM did not report " + key + ": " + out);
    }
}
