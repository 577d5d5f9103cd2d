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

    /**
     * A report listing {@code violations}, in the given order.
     *
     * @param violations the violations, copied
     * @return the report; the shared valid report when the list is empty
     * @throws NullPointerException when the list or one of its elements is null
     */
    public static ValidationReport of(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations");
        return violations.isEmpty() ? VALID : new ValidationReport(List.copyOf(violations));
    }

    /** {@return a report without violations} */
    public static ValidationReport valid() {
        return VALID;
    }

    /** {@return every violation, errors and warnings together, in report order; empty when none} */
    public List<Violation> violations() {
        return violations;
    }

    /** {@return the violations of MUST requirements; empty when none} */
    public List<Violation> errors() {
        return filter(Severity.ERROR);
    }

    /** {@return the violations of SHOULD requirements; empty when none} */
    public List<Violation> warnings() {
        return filter(Severity.WARNING);
    }

    /** {@return whether no MUST requirement is broken; warnings are allowed} */
    public boolean isValid() {
        return violations.stream().noneMatch(Violation::isError);
    }

    /**
     * The violations of one rule.
     *
     * @param ruleId the rule id, such as {@code descriptor.size.negative}
     * @return the violations of that rule in report order; empty when none, an unknown rule id included
     */
    public List<Violation> violations(String ruleId) {
        Objects.requireNonNull(ruleId, "ruleId");
        return violations.stream().filter(v -> v.ruleId().equals(ruleId)).toList();
    }

    /**
     * Joins two reports, as when a document and the documents it refers to are checked one by one.
     *
     * @param other the report to append
     * @return a report with this report's violations followed by {@code other}'s
     */
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
