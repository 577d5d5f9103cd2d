package dev.oci4j.validation;

import java.util.Objects;

/**
 * One broken spec requirement in a document (image-spec or runtime-spec): a stable rule id, where it
 * is (a JSON pointer), what was expected and found, the spec section, and whether it was a MUST or a
 * SHOULD.
 *
 * <pre>{@code
 * // /layers/2/size: size must not be negative, found -1 [descriptor.size.negative]
 * Violation v = report.errors().get(0);
 * v.ruleId();      // "descriptor.size.negative"
 * v.pointer();     // "/layers/2/size"
 * v.specSection(); // "descriptor.md#properties"
 * }</pre>
 */
public final class Violation {

    private final String ruleId;
    private final String pointer;
    private final String message;
    private final String specSection;
    private final Severity severity;

    private Violation(String ruleId, String pointer, String message, String specSection, Severity severity) {
        this.ruleId = ruleId;
        this.pointer = pointer;
        this.message = message;
        this.specSection = specSection;
        this.severity = severity;
    }

    /**
     * A violation of rule {@code ruleId} at {@code pointer}.
     *
     * @param ruleId the stable rule id, such as {@code descriptor.size.negative}
     * @param pointer the RFC 6901 JSON pointer of the offending value; "" is the whole document
     * @param message what was expected and what was found
     * @param specSection the spec file and anchor the rule comes from, such as {@code descriptor.md#properties}
     * @param severity {@link Severity#ERROR} for a broken MUST, {@link Severity#WARNING} for a broken SHOULD
     * @return the violation
     * @throws NullPointerException when any argument is null
     */
    public static Violation of(String ruleId, String pointer, String message, String specSection, Severity severity) {
        return new Violation(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(pointer, "pointer"),
                Objects.requireNonNull(message, "message"), Objects.requireNonNull(specSection, "specSection"),
                Objects.requireNonNull(severity, "severity"));
    }

    /** {@return the stable rule id, such as {@code descriptor.size.negative}; tools may filter on it} */
    public String ruleId() {
        return ruleId;
    }

    /**
     * {@return the RFC 6901 JSON pointer of the offending value, such as {@code /layers/2/digest}; "" for the root}
     */
    public String pointer() {
        return pointer;
    }

    /** {@return what was expected and what was found} */
    public String message() {
        return message;
    }

    /** {@return the spec file and anchor the rule comes from, such as {@code descriptor.md#properties}} */
    public String specSection() {
        return specSection;
    }

    /** {@return {@link Severity#ERROR} for a broken MUST, {@link Severity#WARNING} for a broken SHOULD} */
    public Severity severity() {
        return severity;
    }

    /** {@return whether a MUST was broken ({@link Severity#ERROR})} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Violation v && v.ruleId.equals(ruleId) && v.pointer.equals(pointer)
                && v.message.equals(message) && v.specSection.equals(specSection) && v.severity == severity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, pointer, message, specSection, severity);
    }

    /** {@code /layers/2/size: message [rule.id]}, with "(root)" when the pointer is empty. */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(root)" : pointer) + ": " + message + " [" + ruleId + "]";
    }
}
