package dev.oci4j.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Digests and counts bytes as they are read and, when given an expected digest and size, fails the
 * read that would pass the expected size and the read that reaches the end with the wrong digest.
 * Content is never trusted before it has been verified this way.
 *
 * <pre>{@code
 * try (var in = DigestingInputStream.verifying(blobStream, descriptor.digest(), descriptor.size())) {
 *     in.transferTo(target);   // throws DigestMismatchException on bad content
 * }
 * }</pre>
 */
public final class DigestingInputStream extends FilterInputStream {

    private final String algorithm;
    private final MessageDigest md;
    private final Digest expected;
    private final long expectedSize;
    private long size;
    private Digest digest;
    // A mismatch is remembered and thrown again on every later read and on close: readers such as
    // GZIPInputStream swallow IOExceptions while probing for another member, and must not turn
    // bad content into a quiet end of stream.
    private DigestMismatchException failure;

    private DigestingInputStream(InputStream in, String algorithm, Digest expected, long expectedSize) {
        super(Objects.requireNonNull(in, "in"));
        this.algorithm = algorithm;
        this.md = Digest.newMessageDigest(algorithm);
        this.expected = expected;
        this.expectedSize = expectedSize;
    }

    /**
     * Digests with {@code algorithm} without checking anything.
     *
     * @param in the stream to read through
     * @param algorithm {@code sha256} or {@code sha512}
     * @return a stream yielding {@code in}'s bytes
     * @throws IllegalArgumentException when {@code algorithm} cannot be computed
     */
    public static DigestingInputStream digesting(InputStream in, String algorithm) {
        return new DigestingInputStream(in, algorithm, null, -1);
    }

    /**
     * Checks that the stream holds exactly {@code expectedSize} bytes (-1: any size) whose digest is
     * {@code expected}.
     *
     * @param in the stream to read through
     * @param expected the digest the content must have
     * @param expectedSize the size the content must have, or -1 for any
     * @return a stream yielding {@code in}'s bytes that throws {@link DigestMismatchException} at the end
     *     (or as soon as it is too long) when the content differs
     * @throws IllegalArgumentException when the expected digest's algorithm cannot be computed
     */
    public static DigestingInputStream verifying(InputStream in, Digest expected, long expectedSize) {
        Objects.requireNonNull(expected, "expected");
        return new DigestingInputStream(in, expected.algorithm(), expected, expectedSize);
    }

    @Override
    public int read() throws IOException {
        rethrow();
        int b = in.read();
        if (b < 0) {
            finish();
        } else {
            md.update((byte) b);
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        rethrow();
        int n = in.read(b, off, len);
        if (n < 0) {
            finish();
        } else {
            md.update(b, off, n);
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be digested.
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public void close() throws IOException {
        super.close();
        rethrow();
    }

    private void rethrow() throws DigestMismatchException {
        if (failure != null) {
            // A fresh instance: try-with-resources cannot add an exception to itself as suppressed.
            DigestMismatchException again = new DigestMismatchException(failure.expected(), failure.expectedSize(),
                    failure.actual().orElse(null), failure.actualSize(), failure.getMessage());
            again.initCause(failure);
            throw again;
        }
    }

    private DigestMismatchException fail(DigestMismatchException e) {
        failure = e;
        return e;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported while digesting");
    }

    private void count(int n) throws IOException {
        size += n;
        if (expectedSize >= 0 && size > expectedSize) {
            throw fail(new DigestMismatchException(expected, expectedSize, null, size,
                    "content is longer than the expected " + expectedSize + " bytes"));
        }
    }

    private void finish() throws IOException {
        if (digest != null) {
            return;
        }
        digest = Digest.fromHash(algorithm, md.digest());
        if (expected == null) {
            return;
        }
        if (expectedSize >= 0 && size != expectedSize) {
            throw fail(new DigestMismatchException(expected, expectedSize, digest, size,
                    "content has " + size + " bytes, expected " + expectedSize));
        }
        if (!digest.equals(expected)) {
            throw fail(new DigestMismatchException(expected, expectedSize, digest, size,
                    "content digest is " + digest + ", expected " + expected));
        }
    }

    /** {@return bytes read so far} */
    public long size() {
        return size;
    }

    /**
     * {@return the digest of all bytes read; available once the stream has reached its end}
     *
     * @throws IllegalStateException before the end was reached
     */
    public Digest digest() {
        if (digest == null) {
            throw new IllegalStateException("the stream has not been read to its end");
        }
        return digest;
    }
}
