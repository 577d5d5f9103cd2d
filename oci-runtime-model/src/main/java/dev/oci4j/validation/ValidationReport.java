package dev.oci4j.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Every violation found in one document, errors (broken MUSTs) and warnings (broken SHOULDs),
 * ordered by JSON pointer (array indexes numerically), then by rule id, so a report reads the same
 * however the checks ran. {@code ImageValidator} and {@code RuntimeValidator} both return this type.
 *
 * <pre>{@code
 * ValidationReport r = ImageValidator.validate(manifest);   // or RuntimeValidator.validate(spec)
 * if (!r.isValid()) {
 *     r.errors().forEach(System.err::println); // "/layers/0/size: ... [descriptor.size.negative]"
 * }
 * }</pre>
 */
public final class ValidationReport {

    private static final ValidationReport VALID = new ValidationReport(List.of());

    private final List<Violation> violations;

    private ValidationReport(List<Violation> violations) {
        this.violations = violations;
    }

    /** A report listing {@code violations}, in the given order. */
    public static ValidationReport of(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        return violations.isEmpty() ? VALID : new ValidationReport(List.copyOf(violations));
    }

    /** A report without violations. */
    public static ValidationReport valid() {
        return VALID;
    }

    /** Every violation, errors and warnings together. */
    public List<Violation> violations() {
        return violations;
    }

    /** The violations of MUST requirements. */
    public List<Violation> errors() {
        return filter(Severity.ERROR);
    }

    /** The violations of SHOULD requirements. */
    public List<Violation> warnings() {
        return filter(Severity.WARNING);
    }

    /** Whether no MUST requirement is broken; warnings are allowed. */
    public boolean isValid() {
        return violations.stream().noneMatch(Violation::isError);
    }

    /** The violations of one rule, such as {@code descriptor.size.negative}. */
    public List<Violation> violations(String ruleId) {
        Objects.requireNonNull(ruleId, "ruleId");
        return violations.stream().filter(v -> v.ruleId().equals(ruleId)).toList();
    }

    /** This report's violations followed by {@code other}'s. */
    public ValidationReport and(ValidationReport other) {
        if (other.violations.isEmpty()) {
            return this;
        }
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(other.violations);
        return new ValidationReport(Collections.unmodifiableList(all));
    }

    private List<Violation> filter(Severity severity) {
        return violations.stream().filter(v -> v.severity() == severity).toList();
    }

    /** Equal when the violations are equal and in the same order. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ValidationReport r && r.violations.equals(violations);
    }

    @Override
    public int hashCode() {
        return violations.hashCode();
    }

    /** One line per violation, errors first, each prefixed with its severity; "valid" when empty. */
    @Override
    public String toString() {
        if (violations.isEmpty()) {
            return "valid";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(isValid() ? "valid" : "invalid").append(": ")
                .append(errors().size()).append(" error(s), ").append(warnings().size()).append(" warning(s)");
        for (Violation v : errors()) {
            sb.append(System.lineSeparator()).append("  ERROR   ").append(v);
        }
        for (Violation v : warnings()) {
            sb.append(System.lineSeparator()).append("  WARNING ").append(v);
        }
        return sb.toString();
    }
}
