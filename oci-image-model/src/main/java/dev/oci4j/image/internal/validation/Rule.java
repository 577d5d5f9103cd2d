package dev.oci4j.image.internal.validation;

import dev.oci4j.image.Severity;
import dev.oci4j.image.Violation;

/** One spec requirement: a stable id, its severity (MUST or SHOULD) and the spec section it comes from. */
public record Rule(String id, Severity severity, String section) {

    static Rule must(String id, String section) {
        return new Rule(id, Severity.ERROR, section);
    }

    static Rule should(String id, String section) {
        return new Rule(id, Severity.WARNING, section);
    }

    /** A violation of this rule at {@code pointer}. */
    public Violation at(String pointer, String message) {
        return Violation.of(id, pointer, message, section, severity);
    }
}
