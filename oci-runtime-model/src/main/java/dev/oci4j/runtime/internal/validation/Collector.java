package dev.oci4j.runtime.internal.validation;

import dev.oci4j.runtime.ValidationReport;
import dev.oci4j.runtime.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers the violations of one validation run and orders them by JSON pointer. */
public final class Collector {

    private final List<Violation> violations = new ArrayList<>();

    public void add(Rule rule, String pointer, String message) {
        violations.add(rule.at(pointer, message));
    }

    public void add(Violation violation) {
        violations.add(violation);
    }

    public ValidationReport report() {
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparing(Violation::pointer, Collector::comparePointers)
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

    /** A value list in a stable order, for messages. */
    static String sorted(java.util.Set<String> values) {
        return new java.util.TreeSet<>(values).toString();
    }

    /** A value quoted for a message, or "nothing" when absent. */
    static String quote(Object value) {
        if (value == null) {
            return "nothing";
        }
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }
}
