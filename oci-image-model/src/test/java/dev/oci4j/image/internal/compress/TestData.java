package dev.oci4j.image.internal.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Seeded inputs and a runner for the real gzip/pigz/zstd command-line tools. */
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

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command, returns its stdout; fails with its stderr when it exits non-zero. */
    static byte[] run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[][] err = new byte[1][];
            Thread drain = new Thread(() -> err[0] = readAll(p.getErrorStream()));
            drain.start();
            byte[] stdout = readAll(p.getInputStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(List.of(command) + " did not finish");
            }
            drain.join();
            if (p.exitValue() != 0) {
                throw new AssertionError(List.of(command) + " exited " + p.exitValue() + ": "
                        + new String(err[0], StandardCharsets.UTF_8));
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
