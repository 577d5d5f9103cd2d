package dev.oci4j.examples.bench;

import dev.oci4j.image.layer.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 1 GiB check: {@code oci build} and {@code oci unpack} of a 1 GiB tree, each in a child JVM with
 * {@code -Xmx64m}; the largest heap occupancy is read from the GC log ({@code -Xlog:gc}).
 */
final class HeapCheck {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    record Result(boolean ok, long treeBytes, double buildSeconds, double unpackSeconds, long gcPeakMiB, String failure) {
    }

    private HeapCheck() {
    }

    /** 1024 files of 1 MiB in 16 directories: a third text, a third random, a third low-entropy. */
    static long generate(Path root) throws IOException {
        Random r = new Random(1);
        String[] vocabulary = {"alpha", "beta", "gamma", "delta", "return", "public", "static", "final", "int", "void"};
        for (int i = 0; i < 1024; i++) {
            Path dir = Files.createDirectories(root.resolve("d" + (i % 16)));
            byte[] chunk;
            if (i % 3 == 0) {
                chunk = BenchTree.text(new Random(i), vocabulary, 1 << 20);
            } else {
                chunk = new byte[1 << 20];
                if (i % 3 == 1) {
                    r.nextBytes(chunk);
                } else {
                    for (int j = 0; j < chunk.length; j++) {
                        chunk[j] = (byte) ('a' + (j / 64 + i) % 4);
                    }
                }
            }
            Files.write(dir.resolve("f" + i + ".bin"), chunk);
        }
        return 1024L << 20;
    }

    static Result run(Path tree, long treeBytes, Path work) throws IOException {
        Files.createDirectories(work);
        Path buildLog = work.resolve("gc-build.log");
        Path unpackLog = work.resolve("gc-unpack.log");
        Path layout = work.resolve("layout");
        double build;
        double unpack;
        try {
            build = OciLayers.cliBuild(layout, tree, Compression.GZIP, List.of("-Xmx64m", "-Xlog:gc:file=" + buildLog));
            unpack = OciLayers.cliUnpack(layout, work.resolve("rootfs"), List.of("-Xmx64m", "-Xlog:gc:file=" + unpackLog));
        } catch (IOException e) {
            return new Result(false, treeBytes, 0, 0, 0, e.getMessage());
        }
        return new Result(true, treeBytes, build, unpack, Math.max(gcPeak(buildLog), gcPeak(unpackLog)), "");
    }

    private static long gcPeak(Path log) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
        }
        return peak;
    }
}
