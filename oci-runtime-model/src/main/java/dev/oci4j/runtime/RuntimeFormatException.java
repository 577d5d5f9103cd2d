package dev.oci4j.runtime;

import java.util.Objects;

/**
 * A runtime-spec document (config.json, state, features) could not be read: malformed JSON, a
 * member of the wrong JSON type, or a number out of range for its Go type. What went wrong is
 * {@link #reason()}, where is {@link #location()} (a JSON pointer such as
 * {@code /process/rlimits/0/hard}), and {@link #detail()} says what was expected and what was
 * found; the message joins location and detail for people. Code decides by the reason, never by
 * the message's wording.
 *
 * <pre>{@code
 * catch (RuntimeFormatException e) {
 *     // e.reason() == NUMBER_OUT_OF_RANGE, e.location() == "/process/rlimits/0/hard"
 * }
 * }</pre>
 */
public class RuntimeFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * What kind of problem made the document unreadable. New reasons may be added in minor
     * releases: a {@code switch} over them needs a default branch.
     */
    public enum Reason {
        /** Not JSON: a syntax error, bytes that are not UTF-8, UTF-16 or UTF-32 text, trailing content, or nothing at all. */
        MALFORMED_JSON,
        /** Larger than the reader's document size limit. */
        TOO_LARGE,
        /** Arrays and objects nested deeper than the reader's limit of 64 levels. */
        TOO_DEEP,
        /** An object names the same member twice (I-JSON, RFC 7493 section 2.3). */
        DUPLICATE_KEY,
        /** A value of the wrong JSON type for its member: a string for an integer, 1.5 for an integer, an object for an array. */
        WRONG_TYPE,
        /** An integer outside the range of its Go type (uint64, int64, uint32, ...), or too large for any. */
        NUMBER_OUT_OF_RANGE
    }

    private final Reason reason;
    private final String location;
    private final String detail;

    /**
     * A problem of kind {@code reason} at {@code location} (a JSON pointer, "" for the whole document).
     *
     * @param detail what was expected and what was found, without the location
     */
    public RuntimeFormatException(Reason reason, String location, String detail) {
        this(reason, location, detail, null);
    }

    public RuntimeFormatException(Reason reason, String location, String detail, Throwable cause) {
        super(message(location, detail), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.location = location;
        this.detail = detail;
    }

    private static String message(String location, String detail) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(detail, "detail");
        return location.isEmpty() ? detail : location + ": " + detail;
    }

    /** What kind of problem it is. */
    public Reason reason() {
        return reason;
    }

    /** Where the problem is: a JSON pointer; "" is the document root. */
    public String location() {
        return location;
    }

    /** What was expected and what was found, without the location: the message is location and detail joined. */
    public String detail() {
        return detail;
    }
}
