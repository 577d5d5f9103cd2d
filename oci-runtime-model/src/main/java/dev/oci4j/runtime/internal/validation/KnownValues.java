package dev.oci4j.runtime.internal.validation;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The closed value lists the runtime spec (v1.2) and the man pages it cites define, for the fields
 * the model holds as plain strings; open value types (namespace type, seccomp action, ...) know
 * their own lists ({@code isKnown()}).
 */
final class KnownValues {

    /** capabilities(7) as of Linux 6.x; CAP_LAST_CAP is CAP_CHECKPOINT_RESTORE (40). */
    static final Set<String> CAPABILITIES = Set.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
            "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
            "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
            "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
            "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
            "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

    /** getrlimit(2) on Linux. */
    static final Set<String> LINUX_RLIMITS = Set.of(
            "RLIMIT_AS", "RLIMIT_CORE", "RLIMIT_CPU", "RLIMIT_DATA", "RLIMIT_FSIZE", "RLIMIT_LOCKS", "RLIMIT_MEMLOCK",
            "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_NOFILE", "RLIMIT_NPROC", "RLIMIT_RSS", "RLIMIT_RTPRIO",
            "RLIMIT_RTTIME", "RLIMIT_SIGPENDING", "RLIMIT_STACK");

    /** getrlimit(3) on Solaris. */
    static final Set<String> SOLARIS_RLIMITS = Set.of(
            "RLIMIT_CORE", "RLIMIT_CPU", "RLIMIT_DATA", "RLIMIT_FSIZE", "RLIMIT_NOFILE", "RLIMIT_STACK",
            "RLIMIT_AS", "RLIMIT_VMEM");

    /** The actions that carry an errno (config-linux.md#seccomp, errnoRet). */
    static final Set<String> SECCOMP_ERRNO_ACTIONS = Set.of("SCMP_ACT_ERRNO", "SCMP_ACT_TRACE");

    static final Set<String> ROOTFS_PROPAGATIONS = Set.of("private", "shared", "slave", "unbindable");

    static final Set<String> DEVICE_TYPES = Set.of("c", "b", "u", "p");

    /** SemVer 2.0.0, the grammar of semver.org's recommended expression. */
    static final String SEMVER = "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?";

    private KnownValues() {
    }

    /** A regular expression matching exactly the members of {@code values}. */
    static String oneOf(Set<String> values) {
        return values.stream().sorted().map(Pattern::quote).collect(Collectors.joining("|", "(", ")"));
    }
}
