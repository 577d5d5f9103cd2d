package dev.oci4j.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A seccomp architecture, an open set. Values the spec does not list are kept as they are, so a validator can report them.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#seccomp">config-linux.md#seccomp</a>.
 *
 * <pre>{@code
 * LinuxSeccompArch v = LinuxSeccompArch.of("SCMP_ARCH_X86");   // == LinuxSeccompArch.X86
 * boolean listed = v.isKnown();
 * }</pre>
 */
public final class LinuxSeccompArch {

    private static final Map<String, LinuxSeccompArch> KNOWN = new LinkedHashMap<>();

    public static final LinuxSeccompArch X86 = known("SCMP_ARCH_X86");
    public static final LinuxSeccompArch X86_64 = known("SCMP_ARCH_X86_64");
    public static final LinuxSeccompArch X32 = known("SCMP_ARCH_X32");
    public static final LinuxSeccompArch ARM = known("SCMP_ARCH_ARM");
    public static final LinuxSeccompArch AARCH64 = known("SCMP_ARCH_AARCH64");
    public static final LinuxSeccompArch MIPS = known("SCMP_ARCH_MIPS");
    public static final LinuxSeccompArch MIPS64 = known("SCMP_ARCH_MIPS64");
    public static final LinuxSeccompArch MIPS64N32 = known("SCMP_ARCH_MIPS64N32");
    public static final LinuxSeccompArch MIPSEL = known("SCMP_ARCH_MIPSEL");
    public static final LinuxSeccompArch MIPSEL64 = known("SCMP_ARCH_MIPSEL64");
    public static final LinuxSeccompArch MIPSEL64N32 = known("SCMP_ARCH_MIPSEL64N32");
    public static final LinuxSeccompArch PPC = known("SCMP_ARCH_PPC");
    public static final LinuxSeccompArch PPC64 = known("SCMP_ARCH_PPC64");
    public static final LinuxSeccompArch PPC64LE = known("SCMP_ARCH_PPC64LE");
    public static final LinuxSeccompArch S390 = known("SCMP_ARCH_S390");
    public static final LinuxSeccompArch S390X = known("SCMP_ARCH_S390X");
    public static final LinuxSeccompArch PARISC = known("SCMP_ARCH_PARISC");
    public static final LinuxSeccompArch PARISC64 = known("SCMP_ARCH_PARISC64");
    public static final LinuxSeccompArch RISCV64 = known("SCMP_ARCH_RISCV64");

    private final String value;

    private LinuxSeccompArch(String value) {
        this.value = value;
    }

    private static LinuxSeccompArch known(String value) {
        LinuxSeccompArch v = new LinuxSeccompArch(value);
        KNOWN.put(value, v);
        return v;
    }

    /** The constant for a listed value, or a new instance holding any other string (even an invalid one). */
    public static LinuxSeccompArch of(String value) {
        Objects.requireNonNull(value, "value");
        LinuxSeccompArch v = KNOWN.get(value);
        return v != null ? v : new LinuxSeccompArch(value);
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
        return o instanceof LinuxSeccompArch other && value.equals(other.value);
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
