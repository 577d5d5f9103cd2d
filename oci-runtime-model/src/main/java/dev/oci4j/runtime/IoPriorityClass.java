package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An I/O scheduling class for {@code process.ioPriority}, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#process">config.md#process</a>.
 *
 * <pre>{@code
 * IoPriorityClass v = IoPriorityClass.of("IOPRIO_CLASS_RT");   // == IoPriorityClass.RT
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class IoPriorityClass {

    private static final Map<String, IoPriorityClass> KNOWN = new LinkedHashMap<>();

    public static final IoPriorityClass RT = known("IOPRIO_CLASS_RT");
    public static final IoPriorityClass BE = known("IOPRIO_CLASS_BE");
    public static final IoPriorityClass IDLE = known("IOPRIO_CLASS_IDLE");

    private final String value;

    private IoPriorityClass(String value) {
        this.value = value;
    }

    private static IoPriorityClass known(String value) {
        IoPriorityClass v = new IoPriorityClass(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static IoPriorityClass of(String value) {
        Objects.requireNonNull(value, "value");
        IoPriorityClass v = KNOWN.get(value);
        return v != null ? v : new IoPriorityClass(value);
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
        return o instanceof IoPriorityClass other && value.equals(other.value);
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
