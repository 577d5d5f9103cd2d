package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An execution domain for the personality(2) syscall, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#personality">config-linux.md#personality</a>.
 *
 * <pre>{@code
 * LinuxPersonalityDomain v = LinuxPersonalityDomain.of("LINUX");   // == LinuxPersonalityDomain.LINUX
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class LinuxPersonalityDomain {

    private static final Map<String, LinuxPersonalityDomain> KNOWN = new LinkedHashMap<>();

    public static final LinuxPersonalityDomain LINUX = known("LINUX");
    public static final LinuxPersonalityDomain LINUX32 = known("LINUX32");

    private final String value;

    private LinuxPersonalityDomain(String value) {
        this.value = value;
    }

    private static LinuxPersonalityDomain known(String value) {
        LinuxPersonalityDomain v = new LinuxPersonalityDomain(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static LinuxPersonalityDomain of(String value) {
        Objects.requireNonNull(value, "value");
        LinuxPersonalityDomain v = KNOWN.get(value);
        return v != null ? v : new LinuxPersonalityDomain(value);
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
        return o instanceof LinuxPersonalityDomain other && value.equals(other.value);
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
