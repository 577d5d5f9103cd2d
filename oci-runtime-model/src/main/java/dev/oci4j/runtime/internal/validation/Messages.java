package dev.oci4j.runtime.internal.validation;

import java.util.Set;
import java.util.TreeSet;

/** How the runtime checks show values in their messages. */
final class Messages {

    private Messages() {
    }

    /** A value list in a stable order. */
    static String sorted(Set<String> values) {
        return new TreeSet<>(values).toString();
    }

    /** A value quoted, or "nothing" when absent. */
    static String quote(Object value) {
        if (value == null) {
            return "nothing";
        }
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }
}
