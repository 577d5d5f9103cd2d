package dev.oci4j.runtime;

import dev.oci4j.validation.DocumentFormatException;
import dev.oci4j.validation.FormatReason;

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
public class RuntimeFormatException extends DocumentFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * A problem of kind {@code reason} at {@code location}: {@code MALFORMED_JSON}, {@code TOO_LARGE},
     * {@code TOO_DEEP}, {@code DUPLICATE_KEY}, {@code WRONG_TYPE} or {@code NUMBER_OUT_OF_RANGE} (no
     * runtime-spec member is required by Go's decoder, so runtime documents never fail with
     * {@code MISSING_MEMBER}).
     *
     * @param reason why the document could not be read
     * @param location a JSON pointer, "" for the whole document
     * @param detail what was expected and what was found, without the location
     * @throws NullPointerException when an argument is null
     */
    public RuntimeFormatException(FormatReason reason, String location, String detail) {
        super(reason, location, detail, null);
    }

    /**
     * The same, with the exception that explains it.
     *
     * @param reason why the document could not be read
     * @param location a JSON pointer, "" for the whole document
     * @param detail what was expected and what was found, without the location
     * @param cause the exception that explains it, or null
     * @throws NullPointerException when {@code reason}, {@code location} or {@code detail} is null
     */
    public RuntimeFormatException(FormatReason reason, String location, String detail, Throwable cause) {
        super(reason, location, detail, cause);
    }
}
