package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A seccomp action, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#seccomp">config-linux.md#seccomp</a>.
 *
 * <pre>{@code
 * LinuxSeccompAction v = LinuxSeccompAction.of("SCMP_ACT_KILL");   // == LinuxSeccompAction.KILL
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class LinuxSeccompAction {

    private static final Map<String, LinuxSeccompAction> KNOWN = new LinkedHashMap<>();

    public static final LinuxSeccompAction KILL = known("SCMP_ACT_KILL");
    public static final LinuxSeccompAction KILL_PROCESS = known("SCMP_ACT_KILL_PROCESS");
    public static final LinuxSeccompAction KILL_THREAD = known("SCMP_ACT_KILL_THREAD");
    public static final LinuxSeccompAction TRAP = known("SCMP_ACT_TRAP");
    public static final LinuxSeccompAction ERRNO = known("SCMP_ACT_ERRNO");
    public static final LinuxSeccompAction TRACE = known("SCMP_ACT_TRACE");
    public static final LinuxSeccompAction ALLOW = known("SCMP_ACT_ALLOW");
    public static final LinuxSeccompAction LOG = known("SCMP_ACT_LOG");
    public static final LinuxSeccompAction NOTIFY = known("SCMP_ACT_NOTIFY");

    private final String value;

    private LinuxSeccompAction(String value) {
        this.value = value;
    }

    private static LinuxSeccompAction known(String value) {
        LinuxSeccompAction v = new LinuxSeccompAction(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static LinuxSeccompAction of(String value) {
        Objects.requireNonNull(value, "value");
        LinuxSeccompAction v = KNOWN.get(value);
        return v != null ? v : new LinuxSeccompAction(value);
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
        return o instanceof LinuxSeccompAction other && value.equals(other.value);
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
