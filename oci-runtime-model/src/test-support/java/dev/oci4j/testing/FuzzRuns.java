package dev.oci4j.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the fuzz tests share: the seed salt, a watchdog that turns a hang into a failure naming the
 * input, and a minimizer that shrinks a failing input to the smallest one failing the same way.
 *
 * <p>Settings, as system properties passed to {@code mvn}:
 * <ul>
 *   <li>{@code jqwik.tries.default}: tries per property (the CI default is in
 *       {@code junit-platform.properties});</li>
 *   <li>{@code oci4j.fuzz.seed}: mixed into every generated input, so a long run can explore inputs
 *       the fixed CI seed never reaches; {@code random} picks one (printed, and named in failures);</li>
 *   <li>{@code oci4j.fuzz.hangSeconds}: how long one try may take before it counts as a hang
 *       (default 60; generous, this is no performance test).</li>
 * </ul>
 */
public final class FuzzRuns {

    /** The fixed jqwik seed of the CI run. */
    public static final String SEED = "20260714";

    /** Mixed into every try's seed; 0 unless {@code -Doci4j.fuzz.seed} says otherwise. */
    public static final long SALT = salt();

    private static final long HANG_SECONDS = Long.getLong("oci4j.fuzz.hangSeconds", 60);

    private static ExecutorService worker = newWorker();

    private FuzzRuns() {
    }

    /** A check of one input; throwing anything means the input found a bug. */
    @FunctionalInterface
    public interface Check {
        void run(byte[] input) throws Exception;
    }

    /** Runs {@code check} on {@code input}; on failure, minimizes the input and fails naming both. */
    public static void verify(Object origin, byte[] input, Check check) {
        Throwable failure = run(check, input);
        if (failure == null) {
            return;
        }
        String how = signature(failure);
        byte[] small = failure instanceof TimeoutException ? input : minimize(input, check, how);
        AssertionError e = new AssertionError(how + "\n  minimal input (" + small.length + " bytes): "
                + quote(small, 4000) + "\n  generated from " + shorten(String.valueOf(origin), 4000)
                + "\n  salt (-Doci4j.fuzz.seed): " + SALT, failure);
        throw e;
    }

    /** Runs {@code check} under the watchdog; returns what it threw, or null. */
    public static Throwable run(Check check, byte[] input) {
        Future<?> f;
        synchronized (FuzzRuns.class) {
            f = worker.submit(() -> {
                check.run(input);
                return null;
            });
        }
        try {
            f.get(HANG_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            f.cancel(true);
            synchronized (FuzzRuns.class) {
                // The hung thread may never come back: later tries get a thread of their own.
                worker.shutdownNow();
                worker = newWorker();
            }
            return new TimeoutException("no answer after " + HANG_SECONDS + " s (a hang?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** Exception class plus the first frame in our code: two failures alike here are one bug. */
    public static String signature(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getName());
        if (t instanceof AssertionError) {
            sb.append(": ").append(shorten(String.valueOf(t.getMessage()).lines().findFirst().orElse(""), 80));
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t) {
            sb.append(" caused by ").append(root.getClass().getName());
        }
        return sb.toString();
    }

    /**
     * Delta debugging (Zeller's ddmin) over bytes: removes ever smaller chunks while the input still
     * fails with the same signature. Bounded in checks, so a slow check cannot stall the suite.
     */
    public static byte[] minimize(byte[] input, Check check, String how) {
        byte[] best = input;
        int budget = 3000;
        int chunks = 2;
        while (best.length >= 2 && budget > 0) {
            int size = (best.length + chunks - 1) / chunks;
            boolean reduced = false;
            for (int start = 0; start < best.length && budget > 0; start += size) {
                byte[] candidate = new byte[best.length - Math.min(size, best.length - start)];
                System.arraycopy(best, 0, candidate, 0, start);
                System.arraycopy(best, Math.min(best.length, start + size), candidate, start,
                        candidate.length - start);
                budget--;
                Throwable t = run(check, candidate);
                if (t != null && !(t instanceof TimeoutException) && signature(t).equals(how)) {
                    best = candidate;
                    chunks = Math.max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (size == 1) {
                    break;
                }
                chunks = Math.min(best.length, chunks * 2);
            }
        }
        return best;
    }

    /** The bytes as a Java string literal (UTF-8 decoded where valid), cut after {@code max} characters. */
    public static String quote(byte[] bytes, int max) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean clean = Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes);
        StringBuilder sb = new StringBuilder(clean ? "\"" : "bytes \"");
        for (int i = 0; i < (clean ? text.length() : bytes.length) && sb.length() < max; i++) {
            int c = clean ? text.charAt(i) : bytes[i] & 0xff;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else if (clean && c >= 0xa0 && !Character.isSurrogate((char) c)) {
                sb.append((char) c);
            } else {
                sb.append(String.format(clean ? "\\u%04x" : "\\x%02x", c));
            }
        }
        return sb.append(sb.length() >= max ? "\"... (" + bytes.length + " bytes)" : "\"").toString();
    }

    public static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "... (" + s.length() + " characters)";
    }

    private static long salt() {
        String v = System.getProperty("oci4j.fuzz.seed", "0");
        if (v.equals("random")) {
            long s = new java.security.SecureRandom().nextLong();
            System.out.println("oci4j fuzz salt: -Doci4j.fuzz.seed=" + s);
            return s;
        }
        return Long.decode(v);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-try");
            t.setDaemon(true);
            return t;
        });
    }
}
