package dev.oci4j.distribution;

import java.util.Objects;

/**
 * A registry error code (distribution-spec "Error Codes"). An open set: the constants are the codes
 * the spec lists, and {@link #of(String)} keeps any other code a registry sends, since real
 * registries send more ({@code UNKNOWN}, {@code PAGINATION_NUMBER_INVALID}, ...).
 *
 * <pre>{@code ErrorCode.of("MANIFEST_UNKNOWN").equals(ErrorCode.MANIFEST_UNKNOWN) // true}</pre>
 */
public final class ErrorCode {

    /** Blob unknown to registry. */
    public static final ErrorCode BLOB_UNKNOWN = new ErrorCode("BLOB_UNKNOWN");
    /** Blob upload invalid. */
    public static final ErrorCode BLOB_UPLOAD_INVALID = new ErrorCode("BLOB_UPLOAD_INVALID");
    /** Blob upload unknown to registry. */
    public static final ErrorCode BLOB_UPLOAD_UNKNOWN = new ErrorCode("BLOB_UPLOAD_UNKNOWN");
    /** Provided digest did not match uploaded content. */
    public static final ErrorCode DIGEST_INVALID = new ErrorCode("DIGEST_INVALID");
    /** Manifest references a manifest or blob unknown to registry. */
    public static final ErrorCode MANIFEST_BLOB_UNKNOWN = new ErrorCode("MANIFEST_BLOB_UNKNOWN");
    /** Manifest invalid. */
    public static final ErrorCode MANIFEST_INVALID = new ErrorCode("MANIFEST_INVALID");
    /** Manifest unknown to registry. */
    public static final ErrorCode MANIFEST_UNKNOWN = new ErrorCode("MANIFEST_UNKNOWN");
    /** Invalid repository name. */
    public static final ErrorCode NAME_INVALID = new ErrorCode("NAME_INVALID");
    /** Repository name not known to registry. */
    public static final ErrorCode NAME_UNKNOWN = new ErrorCode("NAME_UNKNOWN");
    /** Provided length did not match content length. */
    public static final ErrorCode SIZE_INVALID = new ErrorCode("SIZE_INVALID");
    /** Authentication required. */
    public static final ErrorCode UNAUTHORIZED = new ErrorCode("UNAUTHORIZED");
    /** Requested access to the resource is denied. */
    public static final ErrorCode DENIED = new ErrorCode("DENIED");
    /** The operation is unsupported. */
    public static final ErrorCode UNSUPPORTED = new ErrorCode("UNSUPPORTED");
    /** Too many requests. */
    public static final ErrorCode TOOMANYREQUESTS = new ErrorCode("TOOMANYREQUESTS");

    private final String value;

    private ErrorCode(String value) {
        this.value = value;
    }

    /**
     * The code for {@code value}, one of the constants when it names one.
     *
     * @param value the code as sent, such as {@code MANIFEST_UNKNOWN}
     * @return the code
     */
    public static ErrorCode of(String value) {
        Objects.requireNonNull(value, "value");
        for (ErrorCode known : new ErrorCode[] {BLOB_UNKNOWN, BLOB_UPLOAD_INVALID, BLOB_UPLOAD_UNKNOWN, DIGEST_INVALID,
                MANIFEST_BLOB_UNKNOWN, MANIFEST_INVALID, MANIFEST_UNKNOWN, NAME_INVALID, NAME_UNKNOWN, SIZE_INVALID,
                UNAUTHORIZED, DENIED, UNSUPPORTED, TOOMANYREQUESTS}) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new ErrorCode(value);
    }

    /** {@return the code as the registry sent it} */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorCode c && value.equals(c.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
