package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A seccomp argument comparison operator, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#seccomp">config-linux.md#seccomp</a>.
 *
 * <pre>{@code
 * LinuxSeccompOperator v = LinuxSeccompOperator.of("SCMP_CMP_NE");   // == LinuxSeccompOperator.NOT_EQUAL
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class LinuxSeccompOperator {

    private static final Map<String, LinuxSeccompOperator> KNOWN = new LinkedHashMap<>();

    public static final LinuxSeccompOperator NOT_EQUAL = known("SCMP_CMP_NE");
    public static final LinuxSeccompOperator LESS_THAN = known("SCMP_CMP_LT");
    public static final LinuxSeccompOperator LESS_EQUAL = known("SCMP_CMP_LE");
    public static final LinuxSeccompOperator EQUAL_TO = known("SCMP_CMP_EQ");
    public static final LinuxSeccompOperator GREATER_EQUAL = known("SCMP_CMP_GE");
    public static final LinuxSeccompOperator GREATER_THAN = known("SCMP_CMP_GT");
    public static final LinuxSeccompOperator MASKED_EQUAL = known("SCMP_CMP_MASKED_EQ");

    private final String value;

    private LinuxSeccompOperator(String value) {
        this.value = value;
    }

    private static LinuxSeccompOperator known(String value) {
        LinuxSeccompOperator v = new LinuxSeccompOperator(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static LinuxSeccompOperator of(String value) {
        Objects.requireNonNull(value, "value");
        LinuxSeccompOperator v = KNOWN.get(value);
        return v != null ? v : new LinuxSeccompOperator(value);
    }

    /** The values runtime-spec v1.2 lists, in its order. */
    public static Set<String> knownValues() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(KNOWN.keySet()));
    }

    /** The JSON string. */
    public String value() {
        return value;
    }

    /** Whether runtime-spec v1.2 lists this value. */
    public boolean isKnown() {
        return KNOWN.containsKey(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinuxSeccompOperator other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
