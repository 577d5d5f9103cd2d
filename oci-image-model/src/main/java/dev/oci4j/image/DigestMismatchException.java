package dev.oci4j.image;

import java.io.IOException;
import java.util.Optional;

/** Content did not have the digest or size its descriptor promised. */
public final class DigestMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Digest expected;
    /** The size the content should have had, or -1; see {@link #expectedSize()}. */
    private final long expectedSize;
    private final transient Digest actual;
    /** Bytes seen before the mismatch was detected; see {@link #actualSize()}. */
    private final long actualSize;

    /**
     * A mismatch between what a descriptor promised and what the content was.
     *
     * @param expected the digest the content should have had
     * @param expectedSize the size the content should have had, or -1 when any size was allowed
     * @param actual the digest the content had, or null when reading stopped early because it was too long
     * @param actualSize the bytes seen before the mismatch was detected
     * @param message what was expected and what was found, naming the content
     */
    public DigestMismatchException(Digest expected, long expectedSize, Digest actual, long actualSize, String message) {
        super(message);
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.actual = actual;
        this.actualSize = actualSize;
    }

    /** {@return the digest the content should have had} */
    public Digest expected() {
        return expected;
    }

    /** {@return the size the content should have had, or -1 when any size was allowed} */
    public long expectedSize() {
        return expectedSize;
    }

    /** {@return the digest the content had; empty when reading stopped early because it was too long} */
    public Optional<Digest> actual() {
        return Optional.ofNullable(actual);
    }

    /** {@return bytes seen before the mismatch was detected} */
    public long actualSize() {
        return actualSize;
    }
}
