package dev.oci4j.image;

/**
 * A document or archive could not be read as what it claims to be. The message names what was
 * expected and what was found; {@link #location()} says where: a JSON pointer such as
 * {@code /layers/2/digest}, or, for layers, the tar entry name.
 */
public class ImageFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String location;

    /** A problem at {@code location} (a JSON pointer, "" for the whole document, or an entry name). */
    public ImageFormatException(String location, String message) {
        super(location.isEmpty() ? message : location + ": " + message);
        this.location = location;
    }

    public ImageFormatException(String location, String message, Throwable cause) {
        super(location.isEmpty() ? message : location + ": " + message, cause);
        this.location = location;
    }

    /** Where the problem is: a JSON pointer ("" is the document root) or an entry name. */
    public String location() {
        return location;
    }
}
