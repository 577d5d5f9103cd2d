package dev.oci4j.validation;

import java.util.Objects;

/**
 * A document could not be read as what it claims to be: the common type of
 * {@code ImageFormatException}, {@code RuntimeFormatException} and {@code DistributionFormatException}
 * (registry bodies, headers and image references), so a tool that reads several kinds catches one type. Three separate fields say what and where: {@link #reason()} for programs (the
 * validators' rule ids come from it), {@link #location()} (a JSON pointer such as
 * {@code /layers/2/digest}, or a file or tar entry name) and {@link #detail()}, what was expected and
 * what was found. The message joins location and detail for people; nothing should parse it.
 *
 * <pre>{@code
 * catch (DocumentFormatException e) {
 *     if (e.reason() == FormatReason.NUMBER_OUT_OF_RANGE) { ... e.location() ... }
 * }
 * }</pre>
 */
public abstract class DocumentFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the document could not be read. */
    private final FormatReason reason;
    /** Where: a JSON pointer, a file or an entry name; "" for the whole document. */
    private final String location;
    /** What was expected and what was found. */
    private final String detail;

    /**
     * A problem of {@code reason} at {@code location} ("" for the whole document).
     *
     * @param reason why the document could not be read
     * @param location a JSON pointer, or a file or entry name; "" for the whole document
     * @param detail what was expected and what was found, without the location
     * @param cause the exception that explains it, or null
     * @throws NullPointerException when {@code reason}, {@code location} or {@code detail} is null
     */
    protected DocumentFormatException(FormatReason reason, String location, String detail, Throwable cause) {
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

    /** {@return why the document could not be read; rule ids and programs go by this, never by the message} */
    public FormatReason reason() {
        return reason;
    }

    /** {@return where the problem is: a JSON pointer ("" is the document root), or a file or entry name} */
    public String location() {
        return location;
    }

    /** {@return what was expected and what was found, without the location (the message is "location: detail")} */
    public String detail() {
        return detail;
    }
}
