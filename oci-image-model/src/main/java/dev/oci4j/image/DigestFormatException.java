package dev.oci4j.image;

import dev.oci4j.validation.FormatReason;
import java.util.Objects;

/**
 * A text is not a digest (descriptor.md "Digests"): {@link #reason()} says whether it breaks the
 * grammar or has a registered algorithm's encoded part wrong. It is an {@link IllegalArgumentException},
 * as a bad argument to {@link Digest#parse}; readers turn it into an {@link ImageFormatException} with
 * the same reason and the digest's JSON pointer.
 */
public final class DigestFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the text is not a digest; see {@link #reason()}. */
    private final FormatReason reason;

    DigestFormatException(FormatReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return {@link FormatReason#BAD_DIGEST_GRAMMAR} or {@link FormatReason#BAD_DIGEST_ENCODING}} */
    public FormatReason reason() {
        return reason;
    }
}
