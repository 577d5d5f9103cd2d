package dev.oci4j.runtime;

import dev.oci4j.validation.FormatReason;
import java.util.Objects;

/**
 * A runtime-spec document (config.json, state, features) could not be read: malformed JSON, a
 * member of the wrong JSON type, or a number out of range for its Go type. What went wrong is
 * {@link #reason()} (the {@link FormatReason} the image codec uses too), where is {@link #location()} (a JSON pointer such as
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

    private final FormatReason reason;
    private final String location;
    private final String detail;

    /**
     * A problem of kind {@code reason} at {@code location} (a JSON pointer, "" for the whole document).
     *
     * @param detail what was expected and what was found, without the location
     */
    public RuntimeFormatException(FormatReason reason, String location, String detail) {
        this(reason, location, detail, null);
    }

    public RuntimeFormatException(FormatReason reason, String location, String detail, Throwable cause) {
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

    /**
     * What kind of problem it is: {@code MALFORMED_JSON}, {@code TOO_LARGE}, {@code TOO_DEEP},
     * {@code DUPLICATE_KEY}, {@code WRONG_TYPE} or {@code NUMBER_OUT_OF_RANGE} (no runtime-spec member is
     * required by Go's decoder, so runtime documents never fail with {@code MISSING_MEMBER}).
     */
    public FormatReason reason() {
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
