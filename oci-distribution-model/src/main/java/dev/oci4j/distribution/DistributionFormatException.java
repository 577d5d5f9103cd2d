package dev.oci4j.distribution;

import java.util.Objects;

/**
 * Input from a user or a registry could not be read as what it claims to be: a reference, a header
 * or a JSON body. Like the image model's format exception it keeps what and where apart:
 * {@link #reason()} for programs, {@link #location()} (the part of a reference such as {@code tag},
 * a header name such as {@code WWW-Authenticate}, or a JSON pointer) and {@link #detail()}, which says
 * what was expected and what was found. Nothing should parse the message.
 *
 * <pre>{@code
 * catch (DistributionFormatException e) {
 *     if (e.reason() == DistributionFormatException.Reason.BAD_REFERENCE) { ... e.location() ... }
 * }
 * }</pre>
 */
public class DistributionFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why input could not be read. New reasons may be added: a {@code switch} needs a default branch. */
    public enum Reason {
        /** An image reference outside the grammar; the location names the part: registry, repository, tag or digest. */
        BAD_REFERENCE,
        /** A header value outside its grammar; the location is the header name. */
        BAD_HEADER,
        /** A body that is not JSON, has a duplicate member, nests too deep or is too large. */
        MALFORMED_JSON,
        /** A member has the wrong JSON type; the location is its JSON pointer. */
        WRONG_TYPE
    }

    /** Why the input was refused. */
    private final Reason reason;
    /** Where: the reference part, header name or JSON pointer; "" for the whole input. */
    private final String location;
    /** What was expected and what was found. */
    private final String detail;

    /**
     * A problem of {@code reason} at {@code location}.
     *
     * @param reason   why the input was refused
     * @param location the part, header or JSON pointer at fault ("" for the whole input)
     * @param detail   what was expected and what was found
     */
    public DistributionFormatException(Reason reason, String location, String detail) {
        this(reason, location, detail, null);
    }

    /**
     * A problem with the exception that revealed it.
     *
     * @param reason   why the input was refused
     * @param location the part, header or JSON pointer at fault ("" for the whole input)
     * @param detail   what was expected and what was found
     * @param cause    the underlying exception, or null
     */
    public DistributionFormatException(Reason reason, String location, String detail, Throwable cause) {
        super(location == null || location.isEmpty() ? detail : location + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.location = Objects.requireNonNull(location, "location");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** {@return why the input was refused; programs go by this, never by the message} */
    public Reason reason() {
        return reason;
    }

    /** {@return the part of a reference, the header name or the JSON pointer at fault; "" for the whole input} */
    public String location() {
        return location;
    }

    /** {@return what was expected and what was found, without the location} */
    public String detail() {
        return detail;
    }
}
