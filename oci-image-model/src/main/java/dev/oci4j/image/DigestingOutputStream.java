package dev.oci4j.image;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Passes bytes through to another stream while digesting and counting them, so content can be
 * written and identified in one pass.
 *
 * <pre>{@code
 * try (var out = new DigestingOutputStream(Files.newOutputStream(tmp), Digest.SHA256)) {
 *     in.transferTo(out);
 *     out.close();
 *     Descriptor d = ...digest(out.digest()).size(out.size())...
 * }
 * }</pre>
 */
public final class DigestingOutputStream extends FilterOutputStream {

    private final String algorithm;
    private final MessageDigest md;
    private long size;
    private Digest digest;

    /**
     * Digests with {@code algorithm} (sha256 or sha512) everything written to {@code out}.
     *
     * @param out the stream to write through
     * @param algorithm {@code sha256} or {@code sha512}
     * @throws IllegalArgumentException when {@code algorithm} cannot be computed
     */
    public DigestingOutputStream(OutputStream out, String algorithm) {
        super(out);
        this.algorithm = algorithm;
        this.md = Digest.newMessageDigest(algorithm);
    }

    /**
     * Digests with SHA-256.
     *
     * @param out the stream to write through
     */
    public DigestingOutputStream(OutputStream out) {
        this(out, Digest.SHA256);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        md.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        md.update(b, off, len);
        size += len;
    }

    /** {@return bytes written so far} */
    public long size() {
        return size;
    }

    /**
     * {@return the digest of everything written} The first call ends digesting; writing afterwards is an error.
     */
    public Digest digest() {
        if (digest == null) {
            digest = Digest.fromHash(algorithm, md.digest());
        }
        return digest;
    }
}
