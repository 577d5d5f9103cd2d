package dev.oci4j.examples.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The benchmark's deterministic ~180 MB tree: 12,000 small text files in 600 nested directories, two
 * 40 MiB random files and one 24 MiB low-entropy log. The same seed always gives the same bytes.
 */
final class BenchTree {

    static final int TEXT_FILES = 12_000;
    private static final int TOP_DIRS = 30;
    private static final int SUB_DIRS = 20;
    private static final int RANDOM_SIZE = 40 << 20;
    private static final int LOW_ENTROPY_SIZE = 24 << 20;

    private BenchTree() {
    }

    /** Writes the tree under {@code root} (which must not exist yet) and returns its total file bytes. */
    static long generate(Path root, long seed) throws IOException {
        Files.createDirectories(root);
        Random r = new Random(seed);
        String[] vocabulary = vocabulary(r);
        long total = 0;
        int perDir = TEXT_FILES / (TOP_DIRS * SUB_DIRS);
        int n = 0;
        for (int d = 0; d < TOP_DIRS; d++) {
            for (int s = 0; s < SUB_DIRS; s++) {
                Path dir = root.resolve(String.format("src/module%02d/pkg%02d", d, s));
                Files.createDirectories(dir);
                for (int f = 0; f < perDir; f++, n++) {
                    byte[] text = text(new Random(seed * 31 + n), vocabulary, 256 + r.nextInt(11_500));
                    Files.write(dir.resolve(String.format("File%05d.java", n)), text);
                    total += text.length;
                }
            }
        }
        Path data = Files.createDirectories(root.resolve("data"));
        total += writeRandom(data.resolve("blob-a.bin"), new Random(seed + 1));
        total += writeRandom(data.resolve("blob-b.bin"), new Random(seed + 2));
        total += writeLowEntropy(data.resolve("events.log"), new Random(seed + 3));
        return total;
    }

    private static String[] vocabulary(Random r) {
        String[] words = new String[2_000];
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int j = 2 + r.nextInt(9); j > 0; j--) {
                w.append((char) ('a' + r.nextInt(26)));
            }
            words[i] = w.toString();
        }
        return words;
    }

    /** Source-like text: indented lines of words drawn with a skewed (Zipf-like) frequency. */
    static byte[] text(Random r, String[] vocabulary, int size) {
        StringBuilder sb = new StringBuilder(size + 80);
        while (sb.length() < size) {
            sb.append("    ".repeat(r.nextInt(4)));
            for (int w = 3 + r.nextInt(9); w > 0; w--) {
                double u = r.nextDouble();
                sb.append(vocabulary[(int) (vocabulary.length * u * u * u)]).append(w == 1 ? ";\n" : " ");
            }
        }
        sb.setLength(size);
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static long writeRandom(Path file, Random r) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < RANDOM_SIZE / chunk.length; i++) {
                r.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return RANDOM_SIZE;
    }

    /** A log with a handful of message shapes and slowly increasing numbers: compresses about 10:1. */
    private static long writeLowEntropy(Path file, Random r) throws IOException {
        String[] levels = {"INFO", "INFO", "INFO", "DEBUG", "WARN"};
        String[] messages = {"request served", "cache hit", "cache miss", "connection opened", "connection closed"};
        StringBuilder sb = new StringBuilder(LOW_ENTROPY_SIZE + 200);
        long time = 1_700_000_000_000L;
        while (sb.length() < LOW_ENTROPY_SIZE) {
            time += r.nextInt(50);
            sb.append(time).append(' ').append(levels[r.nextInt(levels.length)]).append(" worker-")
                    .append(r.nextInt(8)).append(' ').append(messages[r.nextInt(messages.length)])
                    .append(" id=").append(r.nextInt(1000)).append('\n');
        }
        sb.setLength(LOW_ENTROPY_SIZE);
        Files.write(file, sb.toString().getBytes(StandardCharsets.US_ASCII));
        return LOW_ENTROPY_SIZE;
    }
}
