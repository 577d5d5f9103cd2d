package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A seccomp(2) filter flag, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#seccomp">config-linux.md#seccomp</a>.
 *
 * <pre>{@code
 * LinuxSeccompFlag v = LinuxSeccompFlag.of("SECCOMP_FILTER_FLAG_TSYNC");   // == LinuxSeccompFlag.TSYNC
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class LinuxSeccompFlag {

    private static final Map<String, LinuxSeccompFlag> KNOWN = new LinkedHashMap<>();

    public static final LinuxSeccompFlag TSYNC = known("SECCOMP_FILTER_FLAG_TSYNC");
    public static final LinuxSeccompFlag LOG = known("SECCOMP_FILTER_FLAG_LOG");
    public static final LinuxSeccompFlag SPEC_ALLOW = known("SECCOMP_FILTER_FLAG_SPEC_ALLOW");
    public static final LinuxSeccompFlag WAIT_KILLABLE_RECV = known("SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV");

    private final String value;

    private LinuxSeccompFlag(String value) {
        this.value = value;
    }

    private static LinuxSeccompFlag known(String value) {
        LinuxSeccompFlag v = new LinuxSeccompFlag(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static LinuxSeccompFlag of(String value) {
        Objects.requireNonNull(value, "value");
        LinuxSeccompFlag v = KNOWN.get(value);
        return v != null ? v : new LinuxSeccompFlag(value);
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
        return o instanceof LinuxSeccompFlag other && value.equals(other.value);
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
