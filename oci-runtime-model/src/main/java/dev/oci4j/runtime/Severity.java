package dev.oci4j.runtime;

/**
 * How serious a {@link Violation} is, following the requirement level of the sentence it breaks
 * (RFC 2119 as used by the runtime spec): a broken MUST is an {@link #ERROR}, a broken SHOULD a
 * {@link #WARNING}.
 */
public enum Severity {
    /** A MUST or REQUIRED of the spec is broken: compliant runtimes reject the document. */
    ERROR,
    /** A SHOULD of the spec is broken, or a value that runtimes accept but are unlikely to honour. */
    WARNING
}
