package dev.oci4j.image.internal.compress;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * A gzip (RFC 1952) writer that deflates independent blocks on several threads and joins them into one
 * gzip member, as pigz does.
 *
 * <p>Each block is primed with the previous block's last 32 KiB as a preset dictionary, so matches
 * reach back across block boundaries and the ratio stays within a fraction of a percent of a single
 * deflate stream. Blocks end on a byte boundary (sync flush), the last one with a final block. Blocks
 * that would not shrink (random or already-compressed data) are written as stored deflate blocks.
 *
 * <p>The output depends only on the input bytes, the engine (zlib, or ISA-L through {@link #isal}), the
 * level and the block size: never on the thread
 * count, the size of the writes or scheduling. Each stream owns its worker threads (daemon, created on
 * the first full block, stopped by {@link #close()}); a shared static pool would outlive the stream in
 * JVMs that stay up for hours and let one slow layer starve another's.
 *
 * <p>Finished blocks go to {@code out} from a writer thread of the stream's own, in order: a layer's
 * writer thread (which reads files and writes the tar) was the longest serial chain of a build, and
 * writing the blob (with whatever hashing {@code out} does) and, through {@link #digestInput}, hashing
 * the tar for its diffID no longer run on it. {@code out} is written by one thread at a time, with a
 * happens-before edge from each write to the next and to {@link #flush()} and {@link #close()}.
 *
 * <pre>{@code
 * try (OutputStream gz = new ParallelGzipOutputStream(Files.newOutputStream(p), 6, 2)) {
 *     tar.transferTo(gz);
 * }
 * }</pre>
 */
public final class ParallelGzipOutputStream extends OutputStream {

    /** pigz's default is 128 KiB; larger blocks halve the per-block dictionary and flush cost. */
    public static final int DEFAULT_BLOCK_SIZE = 256 * 1024;

    private static final AtomicInteger STREAM_IDS = new AtomicInteger();

    private final OutputStream out;
    private final int level;
    private final int blockSize;
    private final int threads;
    private final CRC32 crc = new CRC32();
    private final Queue<BlockCompressor> compressors = new ConcurrentLinkedQueue<>();
    private final Supplier<BlockCompressor> factory;
    private final boolean storeAll;
    /** Guards inFlight, free, writerDone, writerFailure and the writer thread's hand-offs. */
    private final Object lock = new Object();
    /** Blocks submitted and not yet written to {@code out}, in stream order. */
    private final ArrayDeque<Future<BlockJob>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<BlockJob> free = new ArrayDeque<>();
    private final int maxInFlight;
    private final Runnable workerHook;
    private ExecutorService executor;
    private Thread writer;
    /** Set by the writing thread once no more blocks come (the last one is in flight) or on abort. */
    private boolean writerDone;
    private boolean aborted;
    /** The first failure of a worker or of {@code out}, seen by the writer thread. */
    private Throwable writerFailure;
    private MessageDigest inputDigest;
    private BlockJob current;
    private long totalIn;
    private boolean headerWritten;
    private boolean closed;
    /** Set once a block or the underlying stream failed: close() then only releases resources. */
    private boolean failed;

    /**
     * @param out receives the gzip stream; closed by {@link #close()}
     * @param level deflate level 0-9, or -1 for zlib's default (6)
     * @param threads worker threads, at least 1; 1 still compresses off the writer's thread
     */
    public ParallelGzipOutputStream(OutputStream out, int level, int threads) {
        this(out, level, threads, DEFAULT_BLOCK_SIZE);
    }

    /** As {@link #ParallelGzipOutputStream(OutputStream, int, int)} with an explicit block size (at least 32 KiB). */
    public ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize) {
        this(out, level, threads, blockSize, () -> { });
    }

    /** Test seam: {@code workerHook} runs on the worker before each block is deflated. */
    ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize, Runnable workerHook) {
        this(out, level, threads, blockSize, workerHook, false);
    }

    /**
     * A stream whose blocks ISA-L deflates ({@link IsalBlockCompressor}): same framing, blocks, dictionaries
     * and stored-block rule as zlib's, different deflate bytes.
     *
     * @param out receives the gzip stream; closed by {@link #close()}
     * @param level ISA-L level 0-3 (all of them compress; 0 is its fastest)
     * @param threads worker threads, at least 1
     * @return the stream
     * @throws UnsupportedOperationException when libisal.so.2 cannot be loaded
     */
    public static ParallelGzipOutputStream isal(OutputStream out, int level, int threads) {
        Isal.require();
        return new ParallelGzipOutputStream(out, level, threads, DEFAULT_BLOCK_SIZE, () -> { }, true);
    }

    /**
     * Whether ISA-L could be loaded (tried once, on the first call).
     *
     * @return true when {@link #isal} can be used
     */
    public static boolean isalAvailable() {
        return Isal.available();
    }

    /** Test seam: as {@link #isal(OutputStream, int, int)} with a block size and a hook. */
    ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize, Runnable workerHook, boolean isal) {
        this.workerHook = Objects.requireNonNull(workerHook, "workerHook");
        this.out = Objects.requireNonNull(out, "out");
        if (isal && (level < 0 || level > Isal.MAX_LEVEL)) {
            throw new IllegalArgumentException("ISA-L gzip level must be 0.." + Isal.MAX_LEVEL + ", got " + level);
        }
        if (!isal && (level < -1 || level > 9)) {
            throw new IllegalArgumentException("gzip level must be -1..9, got " + level);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (blockSize < BlockJob.WINDOW) {
            throw new IllegalArgumentException("block size must be at least " + BlockJob.WINDOW + ", got " + blockSize);
        }
        this.level = level == -1 ? 6 : level;
        int l = this.level;
        this.factory = isal ? () -> new IsalBlockCompressor(l, blockSize) : () -> new ZlibBlockCompressor(l);
        this.storeAll = !isal && l == 0;
        this.threads = threads;
        this.blockSize = blockSize;
        // One block per worker plus two queued keep every worker busy while the writer fills the next
        // one, and bound the heap to about (threads + 3) * 2 * blockSize: 3 MiB on two cores.
        this.maxInFlight = threads + 2;
        this.current = new BlockJob(blockSize, compressors, factory);
    }

    /**
     * Also digests the uncompressed bytes with {@code digest}, in stream order, off the caller's thread;
     * the digest is complete once {@link #close()} returned.
     *
     * @param digest a fresh digest, updated with every byte written
     * @return this stream
     * @throws IllegalStateException if bytes were written already
     */
    public ParallelGzipOutputStream digestInput(MessageDigest digest) {
        if (totalIn != 0 || current.length != 0) {
            throw new IllegalStateException("digestInput must be set before the first write");
        }
        this.inputDigest = Objects.requireNonNull(digest, "digest");
        return this;
    }

    /** {@return the uncompressed bytes written so far and handed to a block} all of them once closed */
    public long inputSize() {
        return totalIn;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            if (current.length == blockSize) {
                // Only hand a block over once more input arrives: the last block must be finished
                // with a final deflate block, and only close() knows which one is last.
                guarded(false);
            }
            int n = Math.min(len, blockSize - current.length);
            System.arraycopy(b, off, current.data, BlockJob.WINDOW + current.length, n);
            current.length += n;
            off += n;
            len -= n;
        }
    }

    /** Writes out every finished block; bytes of the block being filled stay buffered. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        try {
            awaitWritten(0);
            out.flush();
        } catch (IOException | RuntimeException | Error e) {
            failed = true;
            throw e;
        }
    }

    /** Finishes the gzip member, stops the workers and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (out) {
            if (!failed) {
                guarded(true);
                endWriter();
                writeTrailer();
            }
        } finally {
            stopWorkers();
        }
    }

    private void guarded(boolean last) throws IOException {
        try {
            submit(last);
        } catch (IOException | RuntimeException | Error e) {
            failed = true;
            throw e;
        }
    }

    private void submit(boolean last) throws IOException {
        BlockJob job = current;
        job.last = last;
        job.storeAll = storeAll;
        crc.update(job.data, BlockJob.WINDOW, job.length);
        totalIn += job.length;
        if (executor == null && last) {
            // A stream shorter than one block is compressed here: no threads for tiny layers.
            writeHeader();
            job.run();
            finishBlock(job);
            return;
        }
        BlockJob next;
        synchronized (lock) {
            awaitWrittenLocked(maxInFlight - 1);
            inFlight.add(executor().submit(() -> {
                workerHook.run();
                job.run();
                return job;
            }));
            lock.notifyAll();
            next = free.isEmpty() ? null : free.pop();
        }
        if (!last) {
            if (next == null) {
                next = new BlockJob(blockSize, compressors, factory);
            }
            next.reset();
            // The next block's dictionary is this block's last 32 KiB, raw: correct whether this
            // block ends up deflated or stored, since a stored block fills the window just the same.
            // Workers only read a job's data, so copying from it while it is deflated is safe.
            System.arraycopy(job.data, BlockJob.WINDOW + job.length - BlockJob.WINDOW, next.data, 0, BlockJob.WINDOW);
            next.dictionaryLength = BlockJob.WINDOW;
            current = next;
        }
    }

    /** Waits until at most {@code keep} blocks are in flight, and reports the writer thread's failure. */
    private void awaitWritten(int keep) throws IOException {
        synchronized (lock) {
            awaitWrittenLocked(keep);
        }
    }

    private void awaitWrittenLocked(int keep) throws IOException {
        while (writerFailure == null && inFlight.size() > keep) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a gzip block");
            }
        }
        if (writerFailure != null) {
            Throwable t = writerFailure;
            if (t instanceof Error error) {
                throw error;
            }
            if (t instanceof IOException io) {
                throw io;
            }
            throw new IOException("gzip worker failed: " + t, t);
        }
    }

    /** Tells the writer thread no more blocks come, waits for it to write them, and reports its failure. */
    private void endWriter() throws IOException {
        if (writer == null) {
            return;
        }
        synchronized (lock) {
            writerDone = true;
            lock.notifyAll();
            awaitWrittenLocked(0);
        }
        joinWriter();
    }

    /**
     * Not interruptible: the writer thread may be inside {@code out.write}, and interrupting a thread in a
     * channel write closes the caller's channel. It ends after at most one block once told to stop.
     */
    private void joinWriter() {
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer thread: writes finished blocks in order until the last one, or the first failure. */
    private void writeBlocks() {
        while (true) {
            Future<BlockJob> next;
            synchronized (lock) {
                while (inFlight.isEmpty() && !writerDone && !aborted) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // Nothing of ours interrupts it; the writing thread must not wait for it in vain.
                        writerFailure = new InterruptedIOException("gzip writer thread interrupted");
                        lock.notifyAll();
                        return;
                    }
                }
                if (aborted || inFlight.isEmpty()) {
                    return;
                }
                next = inFlight.peek();
            }
            Throwable failure = null;
            BlockJob done = null;
            try {
                done = next.get();
                writeHeader();
                finishBlock(done);
            } catch (InterruptedException e) {
                failure = new InterruptedIOException("gzip writer thread interrupted");
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
            synchronized (lock) {
                if (failure != null) {
                    writerFailure = failure;
                    lock.notifyAll();
                    return;
                }
                inFlight.poll();
                free.push(done);
                lock.notifyAll();
            }
        }
    }

    /** Digests a block's input and writes its output: on the writer thread once threads run. */
    private void finishBlock(BlockJob job) throws IOException {
        if (inputDigest != null) {
            inputDigest.update(job.data, BlockJob.WINDOW, job.length);
        }
        writeBlock(job);
    }

    private void writeBlock(BlockJob job) throws IOException {
        if (job.stored) {
            StoredBlocks.write(out, job.data, BlockJob.WINDOW, job.length, job.last);
        } else {
            out.write(job.output, 0, job.outputLength);
        }
    }

    private void writeHeader() throws IOException {
        if (headerWritten) {
            return;
        }
        headerWritten = true;
        // magic, CM=deflate, no flags, MTIME=0 (reproducible), XFL=0, OS=255 (unknown) as Go writes it.
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    }

    private void writeTrailer() throws IOException {
        long c = crc.getValue();
        long size = totalIn & 0xffffffffL;
        out.write(new byte[] {
            (byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
            (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
    }

    private ExecutorService executor() {
        if (executor == null) {
            int id = STREAM_IDS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "oci4j-gzip-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
            writer = new Thread(this::writeBlocks, "oci4j-gzip-" + id + "-writer");
            writer.setDaemon(true);
            writer.start();
        }
        return executor;
    }

    private void stopWorkers() {
        if (writer != null) {
            synchronized (lock) {
                aborted = true;
                for (Future<BlockJob> f : inFlight) {
                    f.cancel(true);
                }
                lock.notifyAll();
            }
            joinWriter();
            writer = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                // Workers only finish a deflate call, so this is short; waiting lets close() promise
                // that no thread of this stream is left running.
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.clear();
            executor = null;
        }
        free.clear();
        // Native zlib or ISA-L memory is freed now rather than whenever a cleaner runs.
        for (BlockCompressor c; (c = compressors.poll()) != null; ) {
            c.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("gzip stream closed");
        }
        if (failed) {
            throw new IOException("gzip stream failed earlier; its output is incomplete");
        }
    }

    /** Test hook: whether worker threads are currently running for this stream. */
    boolean hasWorkers() {
        return executor != null;
    }
}
