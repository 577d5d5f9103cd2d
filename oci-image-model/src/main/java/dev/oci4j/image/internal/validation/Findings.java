package dev.oci4j.image.internal.validation;

import dev.oci4j.image.ValidationReport;
import dev.oci4j.image.Violation;
import java.util.ArrayList;
import java.util.List;

/** Collects violations while the checks walk a document. */
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

    public List<Violation> list() {
        return violations;
    }

    /**
     * The report, ordered by pointer so violations read in document order (Bean Validation and the
     * cross-field checks find them in different orders); equal pointers keep their finding order.
     */
    public ValidationReport report() {
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort(Findings::byPointer);
        return ValidationReport.of(sorted);
    }

    private static int byPointer(Violation a, Violation b) {
        String[] x = a.pointer().split("/", -1);
        String[] y = b.pointer().split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compareToken(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int compareToken(String a, String b) {
        if (isIndex(a) && isIndex(b)) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }

    private static boolean isIndex(String s) {
        return !s.isEmpty() && s.length() < 18 && s.chars().allMatch(Character::isDigit);
    }
}
