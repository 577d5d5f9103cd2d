package dev.oci4j.linux.bundle;

/**
 * An image configuration could not be turned into a runtime configuration: an unknown user or
 * group, a malformed {@code User}, no command to run. {@link #field()} names the image field at
 * fault as a JSON pointer into the image configuration ({@code /config/User}), or the caller's
 * option ({@code options.user}) when the value came from the caller.
 */
public class ConversionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ConversionException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** Where the value came from: a JSON pointer into the image config, or {@code options.NAME}. */
    public String field() {
        return field;
    }
}
