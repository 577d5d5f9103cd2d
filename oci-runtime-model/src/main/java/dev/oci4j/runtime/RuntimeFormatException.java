package dev.oci4j.runtime;

/**
 * A runtime-spec document (config.json, state, features) could not be read: malformed JSON, a
 * member of the wrong JSON type, or a number out of range for its Go type. The message names what
 * was expected and what was found; {@link #location()} is the JSON pointer, such as
 * {@code /process/rlimits/0/hard}.
 */
public class RuntimeFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String location;

    /** A problem at {@code location} (a JSON pointer, "" for the whole document). */
    public RuntimeFormatException(String location, String message) {
        super(location.isEmpty() ? message : location + ": " + message);
        this.location = location;
    }

    public RuntimeFormatException(String location, String message, Throwable cause) {
        super(location.isEmpty() ? message : location + ": " + message, cause);
        this.location = location;
    }

    /** Where the problem is: a JSON pointer; "" is the document root. */
    public String location() {
        return location;
    }
}
