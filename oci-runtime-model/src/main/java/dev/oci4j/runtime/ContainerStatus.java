package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The runtime status of a container in its state, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/runtime.md#state">runtime.md#state</a>.
 *
 * <pre>{@code
 * ContainerStatus v = ContainerStatus.of("creating");   // == ContainerStatus.CREATING
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class ContainerStatus {

    private static final Map<String, ContainerStatus> KNOWN = new LinkedHashMap<>();

    public static final ContainerStatus CREATING = known("creating");
    public static final ContainerStatus CREATED = known("created");
    public static final ContainerStatus RUNNING = known("running");
    public static final ContainerStatus STOPPED = known("stopped");

    private final String value;

    private ContainerStatus(String value) {
        this.value = value;
    }

    private static ContainerStatus known(String value) {
        ContainerStatus v = new ContainerStatus(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static ContainerStatus of(String value) {
        Objects.requireNonNull(value, "value");
        ContainerStatus v = KNOWN.get(value);
        return v != null ? v : new ContainerStatus(value);
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
        return o instanceof ContainerStatus other && value.equals(other.value);
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
