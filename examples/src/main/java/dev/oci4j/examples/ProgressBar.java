package dev.oci4j.examples;

import dev.oci4j.distribution.client.TransferListener;
import dev.oci4j.image.Digest;
import java.io.Console;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pull, push and copy commands' progress line on a terminal: blobs finished of those seen, bytes
 * moved of their sizes, and a bar, redrawn in place with a carriage return at most ten times a second.
 * When stdout is not a terminal (a pipe, a file, a CI log) it writes nothing at all, so scripts that
 * read the printed digest, and logs, see no control characters.
 */
final class ProgressBar implements TransferListener, AutoCloseable {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final boolean enabled;
    private final Map<Digest, long[]> blobs = new LinkedHashMap<>();
    private long lastDraw;
    private int lastLength;
    private boolean closed;

    ProgressBar(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** A bar on {@code err} when this process runs on a terminal, else one that stays quiet. */
    static ProgressBar onTerminal(PrintWriter err) {
        return new ProgressBar(err, isTerminal());
    }

    /**
     * Whether stdin and stdout are a terminal. Java 17's {@link System#console()} answers exactly
     * that; from Java 22 it may return a console for redirected streams too, and
     * {@code Console.isTerminal()} (looked up reflectively, absent before 22) tells them apart.
     */
    static boolean isTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    @Override
    public synchronized void progress(Digest digest, long done, long total) {
        if (!enabled || closed) {
            return;
        }
        long[] b = blobs.computeIfAbsent(digest, d -> new long[2]);
        boolean finished = done >= total && b[0] < total;
        b[0] = Math.max(b[0], done);
        b[1] = total;
        long now = System.nanoTime();
        if (finished || now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw();
        }
    }

    /** The line as it stands, for tests. */
    synchronized String line() {
        int finished = 0;
        long done = 0;
        long total = 0;
        for (long[] b : blobs.values()) {
            finished += b[0] >= b[1] ? 1 : 0;
            done += Math.min(b[0], b[1]);
            total += b[1];
        }
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * (double) done / total);
        return String.format(Locale.ROOT, "blobs %d/%d [%s%s] %s / %s", finished, blobs.size(),
                "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), size(done), size(total));
    }

    private void draw() {
        String line = line();
        // Spaces wipe what a longer previous line left on the terminal.
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** Draws the final state and ends the line, when anything was drawn; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (enabled && !blobs.isEmpty()) {
            draw();
            out.println();
            out.flush();
        }
    }
}
