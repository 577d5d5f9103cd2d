package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A sched_setattr(2) scheduling policy for {@code process.scheduler}, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#process">config.md#process</a>.
 *
 * <pre>{@code
 * LinuxSchedulerPolicy v = LinuxSchedulerPolicy.of("SCHED_OTHER");   // == LinuxSchedulerPolicy.OTHER
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class LinuxSchedulerPolicy {

    private static final Map<String, LinuxSchedulerPolicy> KNOWN = new LinkedHashMap<>();

    public static final LinuxSchedulerPolicy OTHER = known("SCHED_OTHER");
    public static final LinuxSchedulerPolicy FIFO = known("SCHED_FIFO");
    public static final LinuxSchedulerPolicy RR = known("SCHED_RR");
    public static final LinuxSchedulerPolicy BATCH = known("SCHED_BATCH");
    public static final LinuxSchedulerPolicy ISO = known("SCHED_ISO");
    public static final LinuxSchedulerPolicy IDLE = known("SCHED_IDLE");
    public static final LinuxSchedulerPolicy DEADLINE = known("SCHED_DEADLINE");

    private final String value;

    private LinuxSchedulerPolicy(String value) {
        this.value = value;
    }

    private static LinuxSchedulerPolicy known(String value) {
        LinuxSchedulerPolicy v = new LinuxSchedulerPolicy(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static LinuxSchedulerPolicy of(String value) {
        Objects.requireNonNull(value, "value");
        LinuxSchedulerPolicy v = KNOWN.get(value);
        return v != null ? v : new LinuxSchedulerPolicy(value);
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
        return o instanceof LinuxSchedulerPolicy other && value.equals(other.value);
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
