package dev.oci4j.internal.validation;

import dev.oci4j.validation.Severity;
import dev.oci4j.validation.Violation;

/**
 * One checkable sentence of a spec, in the catalog of the module that checks it.
 *
 * @param id          stable identifier, also the message key of its Bean Validation constraints
 * @param severity    ERROR for a MUST, WARNING for a SHOULD
 * @param section     spec file and anchor
 * @param requirement the sentence, shortened, that the rule checks ("" where the catalog keeps none)
 */
public record Rule(String id, Severity severity, String section, String requirement) {

    /** A MUST of {@code section}. */
    public static Rule must(String id, String section) {
        return new Rule(id, Severity.ERROR, section, "");
    }

    /** A SHOULD of {@code section}. */
    public static Rule should(String id, String section) {
        return new Rule(id, Severity.WARNING, section, "");
    }

    /** A violation of this rule at {@code pointer}. */
    public Violation at(String pointer, String message) {
        return Violation.of(id, pointer, message, section, severity);
    }
}
