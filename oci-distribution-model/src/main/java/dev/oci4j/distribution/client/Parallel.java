package dev.oci4j.distribution.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs blob transfers with a bound on how many run at once; the first failure cancels the rest. */
final class Parallel {

    @FunctionalInterface
    interface Task {
        void run() throws IOException;
    }

    private Parallel() {
    }

    static void run(List<Task> tasks, int bound) throws IOException {
        if (tasks.isEmpty()) {
            return;
        }
        if (bound == 1 || tasks.size() == 1) {
            for (Task t : tasks) {
                t.run();
            }
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(bound, tasks.size()), r -> {
            Thread t = new Thread(r, "oci4j-transfer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Task t : tasks) {
                futures.add(pool.submit(() -> {
                    t.run();
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    futures.forEach(x -> x.cancel(true));
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(c);
                } catch (InterruptedException e) {
                    futures.forEach(x -> x.cancel(true));
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while transferring blobs");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
