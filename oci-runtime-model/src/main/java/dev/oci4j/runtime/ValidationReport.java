package dev.oci4j.runtime;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every violation {@link RuntimeValidator} found in one runtime document, ordered by JSON pointer.
 * A document is valid when no violation is an error; warnings (broken SHOULDs) do not make it invalid.
 *
 * <pre>{@code
 * ValidationReport report = RuntimeValidator.validate(spec);
 * if (!report.isValid()) {
 *     report.errors().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class ValidationReport {

    private final List<Violation> violations;

    private ValidationReport(List<Violation> violations) {
        this.violations = List.copyOf(violations);
    }

    /** A report holding {@code violations} in the given order. */
    public static ValidationReport of(List<Violation> violations) {
        return new ValidationReport(Objects.requireNonNull(violations, "violations"));
    }

    /** Every violation, errors and warnings. */
    public List<Violation> violations() {
        return violations;
    }

    /** The broken MUSTs. */
    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    /** The broken SHOULDs. */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }

    /** True when no MUST is broken. */
    public boolean isValid() {
        return violations.stream().noneMatch(Violation::isError);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationReport r && r.violations.equals(violations);
    }

    @Override
    public int hashCode() {
        return violations.hashCode();
    }

    /** One violation per line; "valid" when there are none. */
    @Override
    public String toString() {
        if (violations.isEmpty()) {
            return "valid";
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}
