package dev.oci4j.distribution;

import dev.oci4j.validation.DocumentFormatException;
import dev.oci4j.validation.FormatReason;

/**
 * Input from a user or a registry could not be read as what it claims to be: an image reference, a
 * header or a JSON body. It is a {@link DocumentFormatException}, as the image and runtime models'
 * format exceptions are, and keeps what and where apart the same way: {@link #reason()} (a
 * {@link FormatReason}: {@link FormatReason#BAD_REFERENCE BAD_REFERENCE}, {@link FormatReason#BAD_HEADER
 * BAD_HEADER}, or a JSON reason such as {@link FormatReason#WRONG_TYPE WRONG_TYPE}) for programs,
 * {@link #location()} (the part of a reference such as {@code tag}, a header name such as
 * {@code WWW-Authenticate}, or a JSON pointer) and {@link #detail()}, which says what was expected
 * and what was found. Nothing should parse the message.
 *
 * <pre>{@code
 * catch (DistributionFormatException e) {
 *     if (e.reason() == FormatReason.BAD_REFERENCE) { ... e.location() ... }
 * }
 * }</pre>
 */
public class DistributionFormatException extends DocumentFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * A problem of {@code reason} at {@code location}.
     *
     * @param reason   why the input was refused
     * @param location the part, header or JSON pointer at fault ("" for the whole input)
     * @param detail   what was expected and what was found
     */
    public DistributionFormatException(FormatReason reason, String location, String detail) {
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
    public DistributionFormatException(FormatReason reason, String location, String detail, Throwable cause) {
        super(reason, location, detail, cause);
    }
}
