package dev.oci4j.image;

import dev.oci4j.validation.DocumentFormatException;
import dev.oci4j.validation.FormatReason;

/**
 * An image-spec document or archive could not be read as what it claims to be (a
 * {@link DocumentFormatException}, as the runtime model's are). Three separate fields say what
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
public class ImageFormatException extends DocumentFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * A problem of reason {@link FormatReason#OTHER}, as image layout and layer code report them.
     *
     * @param location the file, tar entry or JSON pointer at fault
     * @param detail what was expected and what was found, without the location
     */
    public ImageFormatException(String location, String detail) {
        this(FormatReason.OTHER, location, detail, null);
    }

    /**
     * The same, with the exception that explains it.
     *
     * @param location the file, tar entry or JSON pointer at fault
     * @param detail what was expected and what was found, without the location
     * @param cause the underlying failure
     */
    public ImageFormatException(String location, String detail, Throwable cause) {
        this(FormatReason.OTHER, location, detail, cause);
    }

    /**
     * A problem at {@code location} (a JSON pointer, "" for the whole document, or an entry name).
     *
     * @param reason why the document could not be read
     * @param location the JSON pointer, {@code ""} for the whole document, or an entry name
     * @param detail what was expected and what was found, without the location
     */
    public ImageFormatException(FormatReason reason, String location, String detail) {
        this(reason, location, detail, null);
    }

    /**
     * The same, with the exception that explains it.
     *
     * @param reason why the document could not be read
     * @param location the JSON pointer, {@code ""} for the whole document, or an entry name
     * @param detail what was expected and what was found, without the location
     * @param cause the underlying failure
     */
    public ImageFormatException(FormatReason reason, String location, String detail, Throwable cause) {
        super(reason, location, detail, cause);
    }
}
