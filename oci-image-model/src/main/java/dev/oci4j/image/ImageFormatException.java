package dev.oci4j.image;

import java.util.Objects;

/**
 * A document or archive could not be read as what it claims to be. Three separate fields say what
 * and where: {@link #reason()} for programs (the validator's rule ids come from it), {@link #location()}
 * (a JSON pointer such as {@code /layers/2/digest}, or, for layers, the tar entry name) and
 * {@link #detail()}, which says what was expected and what was found. The message joins location
 * and detail for people; nothing should parse it.
 *
 * <pre>{@code
 * catch (ImageFormatException e) {
 *     if (e.reason() == ImageFormatException.Reason.NUMBER_OUT_OF_RANGE) { ... e.location() ... }
 * }
 * }</pre>
 */
public class ImageFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Why a document could not be read. New reasons may be added in minor releases: a {@code switch}
     * over them needs a default branch.
     */
    public enum Reason {
        /** Not JSON: a syntax error, an empty document, trailing content, or bytes that are not UTF-8. */
        MALFORMED_JSON,
        /** An object has the same member twice (I-JSON, RFC 7493 section 2.3); the location is the member. */
        DUPLICATE_KEY,
        /** Arrays and objects nest deeper than the codec allows (64 levels). */
        TOO_DEEP,
        /** The document is larger than the codec's limit, or one token (a number, a key) longer than the parser's. */
        TOO_LARGE,
        /** A member has the wrong JSON type: a string where an object belongs, a fraction where an integer does. */
        WRONG_TYPE,
        /** A member the model needs (a descriptor's digest or size, a manifest's config) is absent or null. */
        MISSING_MEMBER,
        /** A number outside what its member can hold (int64, int32), or outside what any number can (1e9999999999). */
        NUMBER_OUT_OF_RANGE,
        /** A digest outside the grammar {@code algorithm:encoded} (descriptor.md "Digests"). */
        BAD_DIGEST_GRAMMAR,
        /** A registered algorithm's encoded part has the wrong alphabet or length (sha256: 64 lowercase hex). */
        BAD_DIGEST_ENCODING,
        /** Embedded {@code data} is not padded base64 (RFC 4648 section 4). */
        BAD_BASE64,
        /** A {@code created} text is not an RFC 3339 date-time. */
        BAD_DATE_TIME,
        /** Anything else: image layout and layer problems, which name the file or entry in the location. */
        OTHER
    }

    private final Reason reason;
    private final String location;
    private final String detail;

    /**
     * A problem at {@code location} (a JSON pointer, "" for the whole document, or an entry name).
     *
     * @param detail what was expected and what was found, without the location
     */
    public ImageFormatException(Reason reason, String location, String detail) {
        this(reason, location, detail, null);
    }

    public ImageFormatException(Reason reason, String location, String detail, Throwable cause) {
        super(message(location, detail), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.location = Objects.requireNonNull(location, "location");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** A problem of reason {@link Reason#OTHER}, as image layout and layer code report them. */
    public ImageFormatException(String location, String detail) {
        this(Reason.OTHER, location, detail, null);
    }

    public ImageFormatException(String location, String detail, Throwable cause) {
        this(Reason.OTHER, location, detail, cause);
    }

    private static String message(String location, String detail) {
        return location == null || location.isEmpty() ? detail : location + ": " + detail;
    }

    /** Why the input could not be read; rule ids and programs go by this, never by the message. */
    public Reason reason() {
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
