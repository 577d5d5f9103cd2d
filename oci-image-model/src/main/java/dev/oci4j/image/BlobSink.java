package dev.oci4j.image;

import java.io.OutputStream;

/**
 * An output stream that stores a blob and digests the bytes itself, on the way in: an image layout's
 * {@code BlobWriter}. A producer that must report the blob's digest (a layer writer) takes it from
 * here instead of hashing every byte a second time, and the digest it reports is, by construction,
 * the one that names the stored blob.
 *
 * <p>Implementations count and digest exactly the bytes written to them, and {@link #digest()} may be
 * called while writing goes on. Layer writers take a {@code BlobSink} in their own overloads, chosen
 * by the compiler: wrap a sink in another stream and it is an ordinary {@code OutputStream} again,
 * which the layer writer digests itself (right, since a wrapper may change the bytes).
 *
 * <pre>{@code
 * try (BlobWriter blob = layout.newBlobWriter()) {          // a BlobSink
 *     WrittenLayer layer = layerWriter.writeDirectory(rootfs, blob);
 *     Blob stored = blob.commit();                          // stored.digest() equals layer.digest()
 * }
 * }</pre>
 */
public abstract class BlobSink extends OutputStream {

    /** For subclasses. */
    protected BlobSink() {
    }

    /** {@return the digest algorithm, such as {@code sha256}} */
    public abstract String algorithm();

    /** {@return bytes written so far} */
    public abstract long size();

    /** {@return the digest of the bytes written so far; writing may go on afterwards} */
    public abstract Digest digest();
}
