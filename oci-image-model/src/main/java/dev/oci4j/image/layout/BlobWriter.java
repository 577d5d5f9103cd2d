package dev.oci4j.image.layout;

import dev.oci4j.image.BlobSink;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestMismatchException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams one blob into an image layout (image-layout.md "Blobs"): bytes go to a private temp file
 * and are digested on the way; {@link #commit()} checks the expected digest and size, fsyncs, and
 * renames the file atomically to {@code blobs/<alg>/<encoded>}, so a partial blob is never visible.
 *
 * <p>Only {@code commit()} publishes. {@link #close()} without a successful commit discards the temp
 * file (the atomic-file pattern), so try-with-resources is safe when the body throws. Streams stacked
 * on the writer must be finished, not closed, before the commit: closing a {@code GZIPOutputStream}
 * closes the writer under it, and that discards.
 *
 * <pre>{@code
 * try (BlobWriter w = layout.newBlobWriter(); GZIPOutputStream gz = new GZIPOutputStream(w)) {
 *     tar.writeTo(gz);
 *     gz.finish();            // the gzip trailer; w stays open
 *     Blob blob = w.commit(); // digest and size of the compressed bytes, as stored
 * }                           // the body threw: nothing under blobs/, the temp file is gone
 * }</pre>
 */
public final class BlobWriter extends BlobSink {

    private static final String DISCARDED = "the blob writer was closed without commit() or aborted;"
            + " its content was discarded";

    private final BlobStore store;
    private final Path temp;
    private final FileChannel channel;
    private final FileLock lock;
    private final OutputStream out;
    private final String algorithm;
    private final MessageDigest md;
    private long size;
    private final Digest expected;
    private final long expectedSize;
    private Blob blob;
    private boolean aborted;

    BlobWriter(BlobStore store, Path temp, FileChannel channel, FileLock lock, String algorithm,
            Digest expected, long expectedSize) {
        this.store = store;
        this.temp = temp;
        this.channel = channel;
        this.lock = lock;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        this.algorithm = algorithm;
        this.md = newMessageDigest(algorithm);
        this.expected = expected;
        this.expectedSize = expectedSize;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        out.write(b);
        md.update((byte) b);
        size++;
        checkLength();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(off, len, b.length);
        out.write(b, off, len);
        md.update(b, off, len);
        size += len;
        checkLength();
    }

    private void checkLength() throws IOException {
        if (expectedSize >= 0 && size > expectedSize) {
            abort();
            throw new DigestMismatchException(expected, expectedSize, null, size,
                    "blob is longer than the expected " + expectedSize + " bytes");
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        out.flush();
    }

    /** Bytes written so far. */
    @Override
    public long size() {
        return size;
    }

    /** The algorithm this writer digests with ({@code sha256} unless an expected digest said otherwise). */
    @Override
    public String algorithm() {
        return algorithm;
    }

    /**
     * The digest of the bytes written so far; writing may go on. A layer writer writing into this
     * blob takes the blob digest from here instead of hashing the same bytes a second time, and
     * {@link #commit()} names the stored file by the same digest.
     */
    @Override
    public Digest digest() {
        return digestOf(clone(md));
    }

    private Digest digestOf(MessageDigest finishing) {
        return Digest.parse(algorithm, HexFormat.of().formatHex(finishing.digest()));
    }

    private static MessageDigest clone(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(md.getAlgorithm() + " digests cannot be cloned", e);
        }
    }

    private static MessageDigest newMessageDigest(String algorithm) {
        String jdkName = switch (algorithm) {
            case Digest.SHA256 -> "SHA-256";
            case Digest.SHA512 -> "SHA-512";
            default -> throw new IllegalArgumentException(
                    "digest algorithm \"" + algorithm + "\" cannot be computed; supported: sha256, sha512");
        };
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdkName + " is missing from this JDK", e);
        }
    }

    /**
     * Verifies and stores the blob; idempotent once it succeeded. The result's digest and size are
     * those of the bytes written, the digest naming the file under {@code blobs/}: what a descriptor
     * of this blob needs ({@link Blob#descriptor}).
     *
     * @return the stored blob: its digest, size, and whether this call created it
     * @throws DigestMismatchException when an expected digest or size was given and the content
     *     differs; the temp file is deleted and nothing appears under {@code blobs/}
     * @throws IOException if flushing, syncing or renaming into {@code blobs/} fails, or the writer was
     *     discarded
     */
    public Blob commit() throws IOException {
        if (blob != null) {
            return blob;
        }
        ensureOpen();
        boolean done = false;
        try {
            out.flush();
            Digest actual = digestOf(md);
            if (expected != null && (size != expectedSize && expectedSize >= 0 || !actual.equals(expected))) {
                throw new DigestMismatchException(expected, expectedSize, actual, size, size != expectedSize && expectedSize >= 0
                        ? "blob has " + size + " bytes, expected " + expectedSize
                        : "blob digest is " + actual + ", expected " + expected);
            }
            channel.force(true);
            closeChannel();
            blob = store.install(temp, actual, size);
            done = true;
            return blob;
        } finally {
            if (!done) {
                abort();
            }
        }
    }

    /** Discards the content written so far; does nothing after a successful commit. Same as {@link #close()}. */
    public void abort() {
        if (blob != null || aborted) {
            return;
        }
        aborted = true;
        try {
            closeChannel();
        } catch (IOException ignored) {
            // Deleting the temp file is what matters.
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // A later open or gc removes it: nobody holds its lock any more.
        }
        store.released(temp);
    }

    private void closeChannel() throws IOException {
        if (channel.isOpen()) {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /**
     * Discards the content unless {@link #commit()} succeeded; does nothing after a commit. Never
     * publishes: a writer closed by try-with-resources while an exception passes leaves nothing behind.
     */
    @Override
    public void close() {
        abort();
    }

    /** {@return the stored blob once committed, empty before} */
    public Optional<Blob> committed() {
        return Optional.ofNullable(blob);
    }

    /**
     * {@return the stored blob}
     *
     * @throws IllegalStateException before a successful commit
     */
    public Blob blob() {
        if (blob == null) {
            throw new IllegalStateException(aborted ? DISCARDED : "the blob was not committed yet");
        }
        return blob;
    }

    private void ensureOpen() throws IOException {
        if (aborted) {
            throw new IOException(DISCARDED);
        }
        if (blob != null) {
            throw new IOException("the blob was already committed as " + blob.digest());
        }
    }
}
