package dev.oci4j.image.internal.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads its source on a background thread, a few chunks ahead of the reader, so that decompressing a
 * layer overlaps with writing its files: on two cores inflating no longer adds to the unpack time.
 *
 * <p>The source is read only by the background thread (a daemon, one per stream) until it stops: at the end
 * of the source, on an error (which the reader then gets, same instance, so its type survives), on
 * {@link #close()}, or when this stream becomes unreachable without being closed. At the end the source is
 * left open, so a caller may still read what lies beneath it; {@link #close()} closes it.
 *
 * <pre>{@code
 * try (InputStream tar = new ReadAheadInputStream(new GzipDecompressingInputStream(blob))) { ... }
 * }</pre>
 */
public final class ReadAheadInputStream extends InputStream {

    static final int CHUNK = 256 * 1024;
    private static final int CHUNKS = 4;
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "oci4j-readahead-cleaner");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicInteger IDS = new AtomicInteger();

    /** A filled chunk, or the end (length -1), or a failure. */
    private record Chunk(byte[] data, int length, Throwable failure) {
    }

    /** Everything the background thread touches; never refers back to the stream, so the stream can be collected. */
    private static final class Pipe implements Runnable {
        final InputStream source;
        final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
        final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
        volatile boolean closed;
        volatile Thread thread;

        Pipe(InputStream source) {
            this.source = source;
            for (int i = 0; i < CHUNKS; i++) {
                free.add(new byte[CHUNK]);
            }
        }

        @Override
        public void run() {
            try {
                while (!closed) {
                    byte[] buf = free.poll(100, TimeUnit.MILLISECONDS);
                    if (buf == null) {
                        continue;
                    }
                    int n = source.readNBytes(buf, 0, buf.length);
                    if (n > 0 && !offer(new Chunk(buf, n, null))) {
                        return;
                    }
                    if (n < buf.length) {
                        offer(new Chunk(null, -1, null));
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // closed: nobody is waiting
            } catch (Throwable e) {
                offer(new Chunk(null, -1, e));
            }
        }

        /** Hands a chunk to the reader, giving up once the stream is closed. */
        private boolean offer(Chunk c) {
            try {
                while (!closed) {
                    if (full.offer(c, 100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        /** Close or abandonment: stop the thread at its next read boundary. */
        void stop() {
            closed = true;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    private final Pipe pipe;
    private final Cleaner.Cleanable cleanable;
    private Chunk current;
    private int pos;
    private boolean eof;

    public ReadAheadInputStream(InputStream source) {
        this.pipe = new Pipe(Objects.requireNonNull(source, "source"));
        Thread t = new Thread(pipe, "oci4j-readahead-" + IDS.incrementAndGet());
        t.setDaemon(true);
        pipe.thread = t;
        this.cleanable = CLEANER.register(this, pipe::stop);
        t.start();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (pipe.closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (!nextChunkIfNeeded()) {
            return -1;
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.data(), pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && nextChunkIfNeeded()) {
            int k = (int) Math.min(n - skipped, current.length() - pos);
            pos += k;
            skipped += k;
        }
        return skipped;
    }

    @Override
    public int available() {
        return current == null || eof ? 0 : current.length() - pos;
    }

    /** Stops the background thread, then closes the source. */
    @Override
    public void close() throws IOException {
        if (!pipe.closed) {
            cleanable.clean();
            try {
                // Bounded: the thread leaves at its next read boundary; waiting makes "no thread left after
                // close" true for callers and tests, and keeps the source to one thread at a time.
                pipe.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pipe.source.close();
        }
    }

    private boolean nextChunkIfNeeded() throws IOException {
        if (eof) {
            return false;
        }
        if (current != null && pos < current.length()) {
            return true;
        }
        if (current != null) {
            pipe.free.add(current.data());
            current = null;
        }
        Chunk c;
        try {
            c = pipe.full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for read-ahead data");
        }
        if (c.failure() != null) {
            eof = true;
            Throwable f = c.failure();
            if (f instanceof IOException io) {
                throw io;
            }
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(f));
        }
        if (c.length() < 0) {
            eof = true;
            return false;
        }
        current = c;
        pos = 0;
        return true;
    }
}
