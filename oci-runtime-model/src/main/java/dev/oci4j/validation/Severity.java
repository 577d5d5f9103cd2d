package dev.oci4j.validation;

/**
 * How much a {@link Violation} matters, after the requirement level (RFC 2119) of the spec sentence
 * it breaks: MUST and MUST NOT give {@link #ERROR}, SHOULD and SHOULD NOT give {@link #WARNING}.
 *
 * <pre>{@code report.violations().stream().filter(v -> v.severity() == Severity.ERROR)}</pre>
 */
public enum Severity {
    /** A MUST was broken: the document is invalid. */
    ERROR,
    /** A SHOULD was broken, or a value runtimes are known to refuse: the document is valid but less portable or less useful. */
    WARNING
}
