package dev.oci4j.examples;

/**
 * One problem {@code oci validate} reports, whatever spec module found it.
 *
 * @param error true for a broken MUST (exit code 1), false for a broken SHOULD (a warning)
 * @param pointer JSON pointer of the offending value, "" for the whole document
 * @param section the spec section, such as {@code descriptor.md#properties}
 */
public record Finding(boolean error, String pointer, String message, String rule, String section) {
}
