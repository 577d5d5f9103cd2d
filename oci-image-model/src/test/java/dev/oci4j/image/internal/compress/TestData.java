package dev.oci4j.image.internal.compress;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded inputs for the compression tests. */
final class TestData {

    private TestData() {
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Text made of a small vocabulary: compresses like source code or logs (roughly 4:1). */
    static byte[] text(int size, long seed) {
        Random r = new Random(seed);
        String[] words = new String[400];
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int j = 2 + r.nextInt(8); j > 0; j--) {
                w.append((char) ('a' + r.nextInt(26)));
            }
            words[i] = w.toString();
        }
        StringBuilder sb = new StringBuilder(size + 64);
        while (sb.length() < size) {
            sb.append(words[(int) Math.abs(r.nextGaussian() * 60) % words.length]);
            sb.append(r.nextInt(12) == 0 ? '\n' : ' ');
        }
        return sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** Text, random bytes and runs of one byte, in blocks that do not line up with 256 KiB. */
    static byte[] mixed(int size, long seed) {
        Random r = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        int part = 0;
        while (out.size() < size) {
            int n = Math.min(size - out.size(), 50_000 + r.nextInt(400_000));
            byte[] chunk = switch (part++ % 3) {
                case 0 -> text(n, r.nextLong());
                case 1 -> random(n, r.nextLong());
                default -> new byte[n];
            };
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    static List<Thread> threadsNamed(String prefix) {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix) && t.isAlive()) {
                found.add(t);
            }
        }
        return found;
    }
}
