package dev.oci4j.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everyday edits of a container configuration without rebuilding its nested parts by hand:
 * arguments, environment by key, user, mounts, root, hostname, cgroup limits and namespaces.
 * Missing sections ({@code process}, {@code root}, {@code linux}, {@code linux.resources}) are
 * created as needed; everything else, unknown members included, is kept.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md">config.md</a>.
 *
 * <pre>{@code
 * Spec spec = SpecEditor.of(Specs.defaultLinux())
 *         .args("sleep", "30").terminal(false).putEnv("LANG", "C.UTF-8")
 *         .bindMount("/srv/data", "/data", true).memoryLimit(256L << 20).pidsLimit(100)
 *         .removeNamespace(LinuxNamespaceType.NETWORK)
 *         .build();
 * }</pre>
 */
public final class SpecEditor {

    private Spec spec;

    private SpecEditor(Spec spec) {
        this.spec = spec;
    }

    /**
     * Starts editing {@code spec}; the spec itself is immutable and never changes.
     *
     * @param spec the configuration to start from
     * @return an editor whose {@link #build()} returns {@code spec} with the edits applied
     */
    public static SpecEditor of(Spec spec) {
        return new SpecEditor(Objects.requireNonNull(spec, "spec"));
    }

    /**
     * The configuration with every edit so far applied.
     *
     * @return the edited configuration
     */
    public Spec build() {
        return spec;
    }

    // --- process

    /**
     * Replaces {@code process.args}.
     *
     * @param args the program and its arguments; none may be null
     * @return this editor
     */
    public SpecEditor args(String... args) {
        Objects.requireNonNull(args, "args");
        return args(Arrays.asList(args));
    }

    /**
     * Replaces {@code process.args}.
     *
     * @param args the program and its arguments; none may be null
     * @return this editor
     */
    public SpecEditor args(List<String> args) {
        Objects.requireNonNull(args, "args");
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) == null) {
                throw new NullPointerException("args[" + i + "] is null");
            }
        }
        List<String> copy = List.copyOf(args);
        return process(p -> p.toBuilder().args(copy).build());
    }

    /**
     * Sets {@code KEY=value} in {@code process.env}, replacing every entry with the same key in place, or appending.
     *
     * @param key the variable's name: not empty, no {@code '='}
     * @param value its value
     * @return this editor
     */
    public SpecEditor putEnv(String key, String value) {
        checkEnvKey(key);
        Objects.requireNonNull(value, "value");
        String entry = key + "=" + value;
        return process(p -> {
            List<String> env = new ArrayList<>();
            boolean replaced = false;
            for (String e : p.env()) {
                if (envKey(e).equals(key)) {
                    if (!replaced) {
                        env.add(entry);
                        replaced = true;
                    }
                } else {
                    env.add(e);
                }
            }
            if (!replaced) {
                env.add(entry);
            }
            return p.toBuilder().env(env).build();
        });
    }

    /**
     * Removes every entry with this key from {@code process.env}.
     *
     * @param key the variable's name
     * @return this editor
     */
    public SpecEditor removeEnv(String key) {
        checkEnvKey(key);
        return process(p -> p.toBuilder().env(p.env().stream().filter(e -> !envKey(e).equals(key)).toList()).build());
    }

    /**
     * Sets {@code process.cwd}, the working directory inside the container (absolute on Linux).
     *
     * @param cwd the working directory
     * @return this editor
     */
    public SpecEditor cwd(String cwd) {
        Objects.requireNonNull(cwd, "cwd");
        return process(p -> p.toBuilder().cwd(cwd).build());
    }

    /**
     * Sets {@code process.terminal}: whether the process gets a pseudo-terminal.
     *
     * @param terminal true to attach a terminal
     * @return this editor
     */
    public SpecEditor terminal(boolean terminal) {
        return process(p -> p.toBuilder().terminal(terminal).build());
    }

    /**
     * Sets {@code process.user} uid and gid, keeping umask, additional gids and username.
     *
     * @param uid the user id, 0 to 2^32-1
     * @param gid the group id, 0 to 2^32-1
     * @return this editor
     */
    public SpecEditor user(long uid, long gid) {
        return process(p -> p.toBuilder().user(p.user().toBuilder().uid(uid).gid(gid).build()).build());
    }

    /**
     * Replaces {@code process.user}.
     *
     * @param user the user the process runs as
     * @return this editor
     */
    public SpecEditor user(User user) {
        Objects.requireNonNull(user, "user");
        return process(p -> p.toBuilder().user(user).build());
    }

    /**
     * Applies {@code edit} to {@code process}, starting from an empty one (uid 0, gid 0) when absent.
     *
     * @param edit returns the new process from the current one
     * @return this editor
     */
    public SpecEditor process(UnaryOperator<ProcessConfig> edit) {
        ProcessConfig p = spec.process().orElseGet(() -> ProcessConfig.builder().user(User.builder().build()).cwd("").build());
        spec = spec.toBuilder().process(edit.apply(p)).build();
        return this;
    }

    // --- root, hostname, mounts, annotations

    /**
     * Sets {@code root.path}, the bundle-relative or absolute path of the root filesystem.
     *
     * @param path the root filesystem's path
     * @return this editor
     */
    public SpecEditor rootPath(String path) {
        Objects.requireNonNull(path, "path");
        Root.Builder root = spec.root().map(Root::toBuilder).orElseGet(Root::builder);
        spec = spec.toBuilder().root(root.path(path).build()).build();
        return this;
    }

    /**
     * Sets {@code root.readonly}; creates {@code root} with path {@code rootfs} when absent.
     *
     * @param readonly true to mount the root filesystem read-only
     * @return this editor
     */
    public SpecEditor readonlyRoot(boolean readonly) {
        Root root = spec.root().orElseGet(() -> Root.builder().path("rootfs").build());
        spec = spec.toBuilder().root(root.toBuilder().readonly(readonly).build()).build();
        return this;
    }

    /**
     * Sets {@code hostname} (it takes effect in a private UTS namespace).
     *
     * @param hostname the container's host name
     * @return this editor
     */
    public SpecEditor hostname(String hostname) {
        Objects.requireNonNull(hostname, "hostname");
        spec = spec.toBuilder().hostname(hostname).build();
        return this;
    }

    /**
     * Appends a mount; later mounts are mounted over earlier ones.
     *
     * @param mount the mount to add
     * @return this editor
     */
    public SpecEditor addMount(Mount mount) {
        spec = spec.toBuilder().addMount(Objects.requireNonNull(mount, "mount")).build();
        return this;
    }

    /**
     * Mounts a host path into the container: a recursive, private bind mount (what {@code docker run -v}
     * and {@code podman run -v} make), replacing any mount at the same destination.
     *
     * @param source the host path, absolute
     * @param destination the path inside the container, absolute
     * @param readOnly true to make the mount (and its submounts) read-only
     * @return this editor
     */
    public SpecEditor bindMount(String source, String destination, boolean readOnly) {
        requireAbsolute(source, "source");
        requireAbsolute(destination, "destination");
        List<String> options = new ArrayList<>(List.of("rbind", "rprivate"));
        if (readOnly) {
            options.add("ro");
        }
        return removeMount(destination).addMount(Mount.builder()
                .type("bind").source(source).destination(destination).options(options).build());
    }

    /**
     * Mounts an empty tmpfs in the container, replacing any mount at the same destination.
     *
     * @param destination the path inside the container, absolute
     * @param sizeBytes the tmpfs size limit in bytes, or 0 for the kernel's default (half of RAM)
     * @return this editor
     */
    public SpecEditor tmpfs(String destination, long sizeBytes) {
        requireAbsolute(destination, "destination");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("tmpfs size must be >= 0 bytes, got " + sizeBytes);
        }
        List<String> options = new ArrayList<>(List.of("nosuid", "nodev", "mode=1777"));
        if (sizeBytes > 0) {
            options.add("size=" + sizeBytes);
        }
        return removeMount(destination).addMount(Mount.builder()
                .type("tmpfs").source("tmpfs").destination(destination).options(options).build());
    }

    /**
     * Removes every mount with this destination.
     *
     * @param destination the path inside the container
     * @return this editor
     */
    public SpecEditor removeMount(String destination) {
        Objects.requireNonNull(destination, "destination");
        spec = spec.toBuilder().mounts(spec.mounts().stream().filter(m -> !m.destination().equals(destination)).toList()).build();
        return this;
    }

    /**
     * Sets an annotation of the configuration.
     *
     * @param key the annotation's key, in reverse-domain form
     * @param value its value
     * @return this editor
     */
    public SpecEditor putAnnotation(String key, String value) {
        spec = spec.toBuilder().putAnnotation(key, value).build();
        return this;
    }

    /**
     * Removes an annotation of the configuration, if present.
     *
     * @param key the annotation's key
     * @return this editor
     */
    public SpecEditor removeAnnotation(String key) {
        spec = spec.toBuilder().removeAnnotation(key).build();
        return this;
    }

    // --- linux

    /**
     * Applies {@code edit} to {@code linux}, starting from an empty one when absent.
     *
     * @param edit returns the new {@code linux} section from the current one
     * @return this editor
     */
    public SpecEditor linux(UnaryOperator<Linux> edit) {
        Linux linux = spec.linux().orElseGet(() -> Linux.builder().build());
        spec = spec.toBuilder().linux(edit.apply(linux)).build();
        return this;
    }

    /**
     * Applies {@code edit} to {@code linux.resources}, starting from empty ones when absent.
     *
     * @param edit returns the new resources from the current ones
     * @return this editor
     */
    public SpecEditor resources(UnaryOperator<LinuxResources> edit) {
        return linux(l -> l.toBuilder()
                .resources(edit.apply(l.resources().orElseGet(() -> LinuxResources.builder().build())))
                .build());
    }

    /**
     * Sets {@code linux.resources.memory.limit}.
     *
     * @param bytes the limit in bytes; -1 is unlimited
     * @return this editor
     */
    public SpecEditor memoryLimit(long bytes) {
        return resources(r -> r.toBuilder()
                .memory(r.memory().orElseGet(() -> LinuxMemory.builder().build()).toBuilder().limit(bytes).build())
                .build());
    }

    /**
     * Sets {@code linux.resources.pids.limit}.
     *
     * @param limit the most tasks the container may hold; 0 or -1 is unlimited
     * @return this editor
     */
    public SpecEditor pidsLimit(long limit) {
        return resources(r -> r.toBuilder().pids(LinuxPids.builder().limit(limit).build()).build());
    }

    /**
     * Sets the CFS bandwidth limit: {@code quota} microseconds of CPU time per {@code period} microseconds.
     *
     * @param quota CPU time in microseconds per period
     * @param period the period in microseconds
     * @return this editor
     */
    public SpecEditor cpuQuota(long quota, long period) {
        return cpu(c -> c.toBuilder().quota(quota).period(period).build());
    }

    /**
     * Sets {@code linux.resources.cpu.shares}, a relative weight.
     *
     * @param shares the weight
     * @return this editor
     */
    public SpecEditor cpuShares(long shares) {
        return cpu(c -> c.toBuilder().shares(shares).build());
    }

    /**
     * Sets {@code linux.resources.cpu.cpus}.
     *
     * @param cpus a cpuset list such as {@code 0-3,7}
     * @return this editor
     */
    public SpecEditor cpus(String cpus) {
        return cpu(c -> c.toBuilder().cpus(cpus).build());
    }

    private SpecEditor cpu(UnaryOperator<LinuxCpu> edit) {
        return resources(r -> r.toBuilder().cpu(edit.apply(r.cpu().orElseGet(() -> LinuxCpu.builder().build()))).build());
    }

    /**
     * Adds a new namespace of this type, replacing any entry of the same type (types MUST NOT repeat).
     *
     * @param type the namespace type
     * @return this editor
     */
    public SpecEditor addNamespace(LinuxNamespaceType type) {
        return putNamespace(LinuxNamespace.builder().type(type).build());
    }

    /**
     * Joins the namespace at {@code path}, replacing any entry of the same type.
     *
     * @param type the namespace type
     * @param path the namespace file to join, such as {@code /proc/1234/ns/net}
     * @return this editor
     */
    public SpecEditor joinNamespace(LinuxNamespaceType type, String path) {
        return putNamespace(LinuxNamespace.builder().type(type).path(path).build());
    }

    /**
     * Removes the namespace of this type, so the container shares the runtime's.
     *
     * @param type the namespace type
     * @return this editor
     */
    public SpecEditor removeNamespace(LinuxNamespaceType type) {
        Objects.requireNonNull(type, "type");
        return linux(l -> l.toBuilder().namespaces(l.namespaces().stream().filter(n -> !n.type().equals(type)).toList()).build());
    }

    private SpecEditor putNamespace(LinuxNamespace namespace) {
        return linux(l -> {
            List<LinuxNamespace> out = new ArrayList<>();
            boolean replaced = false;
            for (LinuxNamespace n : l.namespaces()) {
                if (n.type().equals(namespace.type())) {
                    if (!replaced) {
                        out.add(namespace);
                        replaced = true;
                    }
                } else {
                    out.add(n);
                }
            }
            if (!replaced) {
                out.add(namespace);
            }
            return l.toBuilder().namespaces(out).build();
        });
    }

    private static void requireAbsolute(String path, String what) {
        Objects.requireNonNull(path, what);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be an absolute path, got \"" + path + "\"");
        }
    }

    private static String envKey(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }

    private static void checkEnvKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.indexOf('=') >= 0) {
            throw new IllegalArgumentException("environment key must be non-empty and without '=', got \"" + key + "\"");
        }
    }
}
