package dev.oci4j.linux.bundle;

/**
 * An image configuration could not be turned into a runtime configuration: an unknown user or
 * group, a malformed {@code User}, no command to run. {@link #field()} names the image field at
 * fault as a JSON pointer into the image configuration ({@code /config/User}), or the caller's
 * option ({@code options.user}) when the value came from the caller.
 */
public class ConversionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where the value came from. */
    private final String field;

    /**
     * A conversion failure; the exception's message is {@code field: message}.
     *
     * @param field a JSON pointer into the image configuration ({@code /config/User}), or {@code options.NAME}
     * @param message what is wrong
     */
    public ConversionException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** {@return where the value came from: a JSON pointer into the image config, or {@code options.NAME}} */
    public String field() {
        return field;
    }
}
