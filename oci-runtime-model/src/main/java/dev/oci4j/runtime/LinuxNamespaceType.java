package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Linux namespace type, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#namespaces">config-linux.md#namespaces</a>.
 *
 * <pre>{@code
 * LinuxNamespaceType v = LinuxNamespaceType.of("pid");   // == LinuxNamespaceType.PID
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class LinuxNamespaceType {

    private static final Map<String, LinuxNamespaceType> KNOWN = new LinkedHashMap<>();

    public static final LinuxNamespaceType PID = known("pid");
    public static final LinuxNamespaceType NETWORK = known("network");
    public static final LinuxNamespaceType MOUNT = known("mount");
    public static final LinuxNamespaceType IPC = known("ipc");
    public static final LinuxNamespaceType UTS = known("uts");
    public static final LinuxNamespaceType USER = known("user");
    public static final LinuxNamespaceType CGROUP = known("cgroup");
    public static final LinuxNamespaceType TIME = known("time");

    private final String value;

    private LinuxNamespaceType(String value) {
        this.value = value;
    }

    private static LinuxNamespaceType known(String value) {
        LinuxNamespaceType v = new LinuxNamespaceType(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static LinuxNamespaceType of(String value) {
        Objects.requireNonNull(value, "value");
        LinuxNamespaceType v = KNOWN.get(value);
        return v != null ? v : new LinuxNamespaceType(value);
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
        return o instanceof LinuxNamespaceType other && value.equals(other.value);
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
