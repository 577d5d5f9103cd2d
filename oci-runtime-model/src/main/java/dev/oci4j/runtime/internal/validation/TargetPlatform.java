package dev.oci4j.runtime.internal.validation;

import dev.oci4j.runtime.Spec;
import java.util.Locale;
import java.util.Objects;

/**
 * The operating system a document is validated for, as Go's {@code GOOS} names it ("linux",
 * "windows", "solaris", "zos", ...). Every system but Windows is treated as POSIX.
 */
public record TargetPlatform(String os) {

    public static final TargetPlatform LINUX = new TargetPlatform("linux");

    public TargetPlatform {
        Objects.requireNonNull(os, "os");
        if (os.isBlank()) {
            throw new IllegalArgumentException("target platform os is blank, expected a GOOS name such as linux");
        }
        os = os.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The platform a configuration was evidently written for: the one whose section it carries
     * (windows, solaris, zos), else Linux, the platform of every runtime in wide use.
     */
    public static TargetPlatform of(Spec spec) {
        if (spec.windows().isPresent()) {
            return new TargetPlatform("windows");
        }
        if (spec.solaris().isPresent() && spec.linux().isEmpty()) {
            return new TargetPlatform("solaris");
        }
        if (spec.zos().isPresent() && spec.linux().isEmpty()) {
            return new TargetPlatform("zos");
        }
        return LINUX;
    }

    public boolean isLinux() {
        return os.equals("linux");
    }

    public boolean isWindows() {
        return os.equals("windows");
    }

    public boolean isSolaris() {
        return os.equals("solaris");
    }

    public boolean isZos() {
        return os.equals("zos");
    }

    @Override
    public String toString() {
        return os;
    }
}
