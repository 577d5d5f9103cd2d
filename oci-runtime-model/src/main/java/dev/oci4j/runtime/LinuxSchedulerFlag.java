package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A sched_setattr(2) flag for {@code process.scheduler.flags}, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#process">config.md#process</a>.
 *
 * <pre>{@code
 * LinuxSchedulerFlag v = LinuxSchedulerFlag.of("SCHED_FLAG_RESET_ON_FORK");   // == LinuxSchedulerFlag.RESET_ON_FORK
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class LinuxSchedulerFlag {

    private static final Map<String, LinuxSchedulerFlag> KNOWN = new LinkedHashMap<>();

    public static final LinuxSchedulerFlag RESET_ON_FORK = known("SCHED_FLAG_RESET_ON_FORK");
    public static final LinuxSchedulerFlag RECLAIM = known("SCHED_FLAG_RECLAIM");
    public static final LinuxSchedulerFlag DL_OVERRUN = known("SCHED_FLAG_DL_OVERRUN");
    public static final LinuxSchedulerFlag KEEP_POLICY = known("SCHED_FLAG_KEEP_POLICY");
    public static final LinuxSchedulerFlag KEEP_PARAMS = known("SCHED_FLAG_KEEP_PARAMS");
    public static final LinuxSchedulerFlag UTIL_CLAMP_MIN = known("SCHED_FLAG_UTIL_CLAMP_MIN");
    public static final LinuxSchedulerFlag UTIL_CLAMP_MAX = known("SCHED_FLAG_UTIL_CLAMP_MAX");

    private final String value;

    private LinuxSchedulerFlag(String value) {
        this.value = value;
    }

    private static LinuxSchedulerFlag known(String value) {
        LinuxSchedulerFlag v = new LinuxSchedulerFlag(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static LinuxSchedulerFlag of(String value) {
        Objects.requireNonNull(value, "value");
        LinuxSchedulerFlag v = KNOWN.get(value);
        return v != null ? v : new LinuxSchedulerFlag(value);
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
        return o instanceof LinuxSchedulerFlag other && value.equals(other.value);
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
