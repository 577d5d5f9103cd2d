package dev.oci4j.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Default container configurations: the ones {@code runc spec} and {@code runc spec --rootless}
 * write (runc 1.1), with {@code ociVersion} set to the version this model implements.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md">config.md</a>.
 * {@code crun spec} (crun 1.8) differs only in {@code ociVersion} "1.0.0", hostname "crun" and an
 * empty {@code inheritable} capability list; its {@code --rootless} variant keeps the network
 * namespace, sysfs and the device rule and maps no ids, unlike runc's.
 *
 * <pre>{@code
 * Spec spec = SpecEditor.of(Specs.defaultLinux()).args("sleep", "30").terminal(false).build();
 * }</pre>
 */
public final class Specs {

    /** The runtime-spec version this model implements, written as {@code ociVersion}. */
    public static final String VERSION = "1.2.0";

    private static final List<String> DEFAULT_CAPABILITIES = List.of("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE");

    private Specs() {
    }

    /**
     * What {@code runc spec} writes: a root-run container with a terminal running {@code sh} in a
     * read-only {@code rootfs}.
     *
     * @return a new configuration, equal to {@code runc spec} output read back
     */
    public static Spec defaultLinux() {
        return Spec.builder()
                .ociVersion(VERSION)
                .process(ProcessConfig.builder()
                        .terminal(true)
                        .user(User.builder().uid(0).gid(0).build())
                        .args(List.of("sh"))
                        .env(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"))
                        .cwd("/")
                        .capabilities(LinuxCapabilities.builder()
                                .bounding(DEFAULT_CAPABILITIES)
                                .effective(DEFAULT_CAPABILITIES)
                                .permitted(DEFAULT_CAPABILITIES)
                                .ambient(DEFAULT_CAPABILITIES)
                                .build())
                        .rlimits(List.of(PosixRlimit.builder().type("RLIMIT_NOFILE").hard(1024).soft(1024).build()))
                        .noNewPrivileges(true)
                        .build())
                .root(Root.builder().path("rootfs").readonly(true).build())
                .hostname("runc")
                .mounts(List.of(
                        mount("/proc", "proc", "proc"),
                        mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"),
                        mount("/dev/pts", "devpts", "devpts",
                                "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"),
                        mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k"),
                        mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"),
                        mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro"),
                        mount("/sys/fs/cgroup", "cgroup", "cgroup", "nosuid", "noexec", "nodev", "relatime", "ro")))
                .linux(Linux.builder()
                        .resources(LinuxResources.builder()
                                .devices(List.of(LinuxDeviceCgroup.builder().allow(false).access("rwm").build()))
                                .build())
                        .namespaces(List.of(
                                namespace(LinuxNamespaceType.PID),
                                namespace(LinuxNamespaceType.NETWORK),
                                namespace(LinuxNamespaceType.IPC),
                                namespace(LinuxNamespaceType.UTS),
                                namespace(LinuxNamespaceType.MOUNT)))
                        .maskedPaths(List.of("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
                                "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
                                "/sys/firmware", "/proc/scsi"))
                        .readonlyPaths(List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"))
                        .build())
                .build();
    }

    /**
     * What {@code runc spec --rootless} writes for the calling user: {@link #defaultLinux()} in a
     * new user namespace that maps root in the container to the caller's effective uid and gid.
     *
     * @return a new configuration, as {@link #rootless(long, long)} for the caller's ids
     * @throws UnsupportedOperationException when the effective ids cannot be read (not Linux)
     * @throws java.io.UncheckedIOException when {@code /proc/self} cannot be read
     */
    public static Spec rootless() {
        Path self = Path.of("/proc/self");
        if (!Files.isDirectory(self)) {
            throw new UnsupportedOperationException("cannot read the effective uid and gid: no /proc/self (not Linux)");
        }
        try {
            long uid = ((Number) Files.getAttribute(self, "unix:uid")).longValue();
            long gid = ((Number) Files.getAttribute(self, "unix:gid")).longValue();
            return rootless(uid, gid);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new UnsupportedOperationException("cannot read the effective uid and gid from /proc/self", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the effective uid and gid from /proc/self", e);
        }
    }

    /**
     * {@code runc spec --rootless} as user {@code hostUid}:{@code hostGid}: no network namespace
     * (an unprivileged user cannot configure one), a user namespace mapping container root to
     * the user, no {@code gid=5} on devpts (gid 5 is not mapped), {@code /sys} bind-mounted since
     * sysfs cannot be mounted without a network namespace of one's own, and no cgroup device rules.
     *
     * @param hostUid the host user id container root maps to
     * @param hostGid the host group id container root's group maps to
     * @return a new configuration
     */
    public static Spec rootless(long hostUid, long hostGid) {
        Spec base = defaultLinux();
        List<Mount> mounts = base.mounts().stream().map(m -> switch (m.destination()) {
            case "/dev/pts" -> m.toBuilder().options(m.options().stream().filter(o -> !o.equals("gid=5")).toList()).build();
            case "/sys" -> mount("/sys", "none", "/sys", "rbind", "nosuid", "noexec", "nodev", "ro");
            default -> m;
        }).toList();
        Linux linux = base.linux().orElseThrow();
        List<LinuxNamespace> namespaces = new java.util.ArrayList<>(linux.namespaces().stream()
                .filter(n -> !n.type().equals(LinuxNamespaceType.NETWORK)).toList());
        namespaces.add(namespace(LinuxNamespaceType.USER));
        return base.toBuilder()
                .mounts(mounts)
                .linux(linux.toBuilder()
                        .clearResources()
                        .uidMappings(List.of(LinuxIdMapping.builder().containerID(0).hostID(hostUid).size(1).build()))
                        .gidMappings(List.of(LinuxIdMapping.builder().containerID(0).hostID(hostGid).size(1).build()))
                        .namespaces(namespaces)
                        .build())
                .build();
    }

    private static Mount mount(String destination, String type, String source, String... options) {
        return Mount.builder().destination(destination).type(type).source(source).options(List.of(options)).build();
    }

    private static LinuxNamespace namespace(LinuxNamespaceType type) {
        return LinuxNamespace.builder().type(type).build();
    }
}
