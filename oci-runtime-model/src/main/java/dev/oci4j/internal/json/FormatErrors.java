package dev.oci4j.internal.json;

import dev.oci4j.validation.FormatReason;

/**
 * Makes the exception a module's codec throws for a document it cannot read: the tree helpers are
 * shared, the public exception types are not ({@code ImageFormatException::new},
 * {@code RuntimeFormatException::new}), so callers of each codec catch the type its Javadoc names.
 */
@FunctionalInterface
public interface FormatErrors {

    /** The exception for a problem of {@code reason} at {@code location} (a JSON pointer, "" for the root). */
    RuntimeException error(FormatReason reason, String location, String detail, Throwable cause);

    /** The same, without a cause. */
    default RuntimeException error(FormatReason reason, String location, String detail) {
        return error(reason, location, detail, null);
    }
}
