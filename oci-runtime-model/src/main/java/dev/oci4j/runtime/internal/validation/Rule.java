package dev.oci4j.runtime.internal.validation;

import dev.oci4j.runtime.Severity;
import dev.oci4j.runtime.Violation;

/**
 * One checkable sentence of the runtime spec.
 *
 * @param id          stable identifier, also the message key of its Bean Validation constraints
 * @param severity    ERROR for a MUST, WARNING for a SHOULD
 * @param section     spec file and anchor
 * @param requirement the sentence, shortened, that the rule checks
 */
public record Rule(String id, Severity severity, String section, String requirement) {

    /** A violation of this rule at {@code pointer}. */
    public Violation at(String pointer, String message) {
        return Violation.of(id, pointer, message, section, severity);
    }
}
