package dev.oci4j.image;

import dev.oci4j.validation.FormatReason;
import java.util.Objects;

/**
 * A document or archive could not be read as what it claims to be. Three separate fields say what
 * and where: {@link #reason()} for programs (a {@link FormatReason}, shared with the runtime model's
 * {@code RuntimeFormatException}; the validator's rule ids come from it), {@link #location()}
 * (a JSON pointer such as {@code /layers/2/digest}, or, for layers, the tar entry name) and
 * {@link #detail()}, which says what was expected and what was found. The message joins location
 * and detail for people; nothing should parse it.
 *
 * <pre>{@code
 * catch (ImageFormatException e) {
 *     if (e.reason() == FormatReason.NUMBER_OUT_OF_RANGE) { ... e.location() ... }
 * }
 * }</pre>
 */
public class ImageFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FormatReason reason;
    private final String location;
    private final String detail;

    /**
     * A problem at {@code location} (a JSON pointer, "" for the whole document, or an entry name).
     *
     * @param detail what was expected and what was found, without the location
     */
    public ImageFormatException(FormatReason reason, String location, String detail) {
        this(reason, location, detail, null);
    }

    public ImageFormatException(FormatReason reason, String location, String detail, Throwable cause) {
        super(message(location, detail), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.location = Objects.requireNonNull(location, "location");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** A problem of reason {@link FormatReason#OTHER}, as image layout and layer code report them. */
    public ImageFormatException(String location, String detail) {
        this(FormatReason.OTHER, location, detail, null);
    }

    public ImageFormatException(String location, String detail, Throwable cause) {
        this(FormatReason.OTHER, location, detail, cause);
    }

    private static String message(String location, String detail) {
        return location == null || location.isEmpty() ? detail : location + ": " + detail;
    }

    /** Why the input could not be read; rule ids and programs go by this, never by the message. */
    public FormatReason reason() {
        return reason;
    }

    /** Where the problem is: a JSON pointer ("" is the document root) or an entry name. */
    public String location() {
        return location;
    }

    /** What was expected and what was found, without the location (the message is "location: detail"). */
    public String detail() {
        return detail;
    }
}
