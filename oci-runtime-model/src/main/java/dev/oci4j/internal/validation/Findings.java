package dev.oci4j.internal.validation;

import dev.oci4j.validation.ValidationReport;
import dev.oci4j.validation.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers the violations of one validation run and orders them by JSON pointer, then rule id. */
public final class Findings {

    private final List<Violation> violations = new ArrayList<>();

    public void add(Rule rule, String pointer, String message) {
        violations.add(rule.at(pointer, message));
    }

    public void add(Violation violation) {
        violations.add(violation);
    }

    public void addAll(List<Violation> all) {
        violations.addAll(all);
    }

    /** The violations so far, in the order they were found. */
    public List<Violation> list() {
        return violations;
    }

    /**
     * The report, ordered by pointer and then rule id: Bean Validation's order is unspecified and the
     * cross-field checks run after it, so only a total order makes a report read the same every time.
     */
    public ValidationReport report() {
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparing(Violation::pointer, Findings::comparePointers)
                .thenComparing(Violation::ruleId));
        return ValidationReport.of(sorted);
    }

    /** Compares token by token, array indexes numerically, so /mounts/10 follows /mounts/9. */
    static int comparePointers(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = isIndex(x[i]) && isIndex(y[i])
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.length() < 18 && token.chars().allMatch(Character::isDigit);
    }
}
