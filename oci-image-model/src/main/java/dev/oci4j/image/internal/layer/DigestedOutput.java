package dev.oci4j.image.internal.layer;

import dev.oci4j.image.Digest;

/**
 * An output stream that digests and counts what it is given (a layout's blob writer), so that a
 * layer writer above it can take the blob digest from it instead of hashing every byte twice.
 */
public interface DigestedOutput {

    /** The digest algorithm, such as {@code sha256}. */
    String algorithm();

    /** Bytes written so far. */
    long size();

    /** The digest of the bytes written so far; writing may go on afterwards. */
    Digest digest();
}
