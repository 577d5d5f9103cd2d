package dev.oci4j.image;

import java.io.IOException;
import java.util.Optional;

/** Content did not have the digest or size its descriptor promised. */
public final class DigestMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Digest expected;
    private final long expectedSize;
    private final transient Digest actual;
    private final long actualSize;

    public DigestMismatchException(Digest expected, long expectedSize, Digest actual, long actualSize, String message) {
        super(message);
        this.expected = expected;
        this.expectedSize = expectedSize;
        this.actual = actual;
        this.actualSize = actualSize;
    }

    /** The digest the content should have had. */
    public Digest expected() {
        return expected;
    }

    /** The size the content should have had, or -1 when any size was allowed. */
    public long expectedSize() {
        return expectedSize;
    }

    /** The digest the content had; empty when reading stopped early because it was too long. */
    public Optional<Digest> actual() {
        return Optional.ofNullable(actual);
    }

    /** Bytes seen before the mismatch was detected. */
    public long actualSize() {
        return actualSize;
    }
}
