package dev.oci4j.runtime;

import java.util.ArrayList;
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
 *         .args("sleep", "30").terminal(false).env("LANG", "C.UTF-8")
 *         .memoryLimit(256L << 20).pidsLimit(100).removeNamespace(LinuxNamespaceType.NETWORK)
 *         .build();
 * }</pre>
 */
public final class SpecEditor {

    private Spec spec;

    private SpecEditor(Spec spec) {
        this.spec = spec;
    }

    public static SpecEditor of(Spec spec) {
        return new SpecEditor(Objects.requireNonNull(spec, "spec"));
    }

    public Spec build() {
        return spec;
    }

    // --- process

    /** Replaces {@code process.args}. */
    public SpecEditor args(String... args) {
        return args(List.of(args));
    }

    public SpecEditor args(List<String> args) {
        return process(p -> p.toBuilder().args(args).build());
    }

    /** Sets {@code KEY=value} in {@code process.env}, replacing every entry with the same key in place, or appending. */
    public SpecEditor env(String key, String value) {
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

    /** Removes every entry with this key from {@code process.env}. */
    public SpecEditor removeEnv(String key) {
        checkEnvKey(key);
        return process(p -> p.toBuilder().env(p.env().stream().filter(e -> !envKey(e).equals(key)).toList()).build());
    }

    public SpecEditor cwd(String cwd) {
        return process(p -> p.toBuilder().cwd(cwd).build());
    }

    public SpecEditor terminal(boolean terminal) {
        return process(p -> p.toBuilder().terminal(terminal).build());
    }

    /** Sets {@code process.user} uid and gid, keeping umask, additional gids and username. */
    public SpecEditor user(long uid, long gid) {
        return process(p -> p.toBuilder().user(p.user().toBuilder().uid(uid).gid(gid).build()).build());
    }

    public SpecEditor user(User user) {
        Objects.requireNonNull(user, "user");
        return process(p -> p.toBuilder().user(user).build());
    }

    /** Applies {@code edit} to {@code process}, starting from an empty one (uid 0, gid 0) when absent. */
    public SpecEditor process(UnaryOperator<ProcessConfig> edit) {
        ProcessConfig p = spec.process().orElseGet(() -> ProcessConfig.builder().user(User.builder().build()).cwd("").build());
        spec = spec.toBuilder().process(edit.apply(p)).build();
        return this;
    }

    // --- root, hostname, mounts, annotations

    public SpecEditor rootPath(String path) {
        Root.Builder root = spec.root().map(Root::toBuilder).orElseGet(Root::builder);
        spec = spec.toBuilder().root(root.path(path).build()).build();
        return this;
    }

    public SpecEditor readonlyRoot(boolean readonly) {
        Root root = spec.root().orElseGet(() -> Root.builder().path("rootfs").build());
        spec = spec.toBuilder().root(root.toBuilder().readonly(readonly).build()).build();
        return this;
    }

    public SpecEditor hostname(String hostname) {
        spec = spec.toBuilder().hostname(hostname).build();
        return this;
    }

    /** Appends a mount; later mounts are mounted over earlier ones. */
    public SpecEditor addMount(Mount mount) {
        spec = spec.toBuilder().addMount(Objects.requireNonNull(mount, "mount")).build();
        return this;
    }

    /** Removes every mount with this destination. */
    public SpecEditor removeMount(String destination) {
        Objects.requireNonNull(destination, "destination");
        spec = spec.toBuilder().mounts(spec.mounts().stream().filter(m -> !m.destination().equals(destination)).toList()).build();
        return this;
    }

    public SpecEditor annotation(String key, String value) {
        spec = spec.toBuilder().putAnnotation(key, value).build();
        return this;
    }

    // --- linux

    /** Applies {@code edit} to {@code linux}, starting from an empty one when absent. */
    public SpecEditor linux(UnaryOperator<Linux> edit) {
        Linux linux = spec.linux().orElseGet(() -> Linux.builder().build());
        spec = spec.toBuilder().linux(edit.apply(linux)).build();
        return this;
    }

    /** Applies {@code edit} to {@code linux.resources}, starting from empty ones when absent. */
    public SpecEditor resources(UnaryOperator<LinuxResources> edit) {
        return linux(l -> l.toBuilder()
                .resources(edit.apply(l.resources().orElseGet(() -> LinuxResources.builder().build())))
                .build());
    }

    /** {@code linux.resources.memory.limit} in bytes; -1 is unlimited. */
    public SpecEditor memoryLimit(long bytes) {
        return resources(r -> r.toBuilder()
                .memory(r.memory().orElseGet(() -> LinuxMemory.builder().build()).toBuilder().limit(bytes).build())
                .build());
    }

    /** {@code linux.resources.pids.limit}; 0 or -1 is unlimited. */
    public SpecEditor pidsLimit(long limit) {
        return resources(r -> r.toBuilder().pids(LinuxPids.builder().limit(limit).build()).build());
    }

    /** CFS bandwidth: {@code quota} microseconds of CPU time per {@code period} microseconds. */
    public SpecEditor cpuQuota(long quota, long period) {
        return cpu(c -> c.toBuilder().quota(quota).period(period).build());
    }

    /** {@code linux.resources.cpu.shares}, a relative weight. */
    public SpecEditor cpuShares(long shares) {
        return cpu(c -> c.toBuilder().shares(shares).build());
    }

    /** {@code linux.resources.cpu.cpus}, a cpuset list such as {@code 0-3,7}. */
    public SpecEditor cpus(String cpus) {
        return cpu(c -> c.toBuilder().cpus(cpus).build());
    }

    private SpecEditor cpu(UnaryOperator<LinuxCpu> edit) {
        return resources(r -> r.toBuilder().cpu(edit.apply(r.cpu().orElseGet(() -> LinuxCpu.builder().build()))).build());
    }

    /** Adds a new namespace of this type, replacing any entry of the same type (types MUST NOT repeat). */
    public SpecEditor addNamespace(LinuxNamespaceType type) {
        return putNamespace(LinuxNamespace.builder().type(type).build());
    }

    /** Joins the namespace at {@code path}, replacing any entry of the same type. */
    public SpecEditor joinNamespace(LinuxNamespaceType type, String path) {
        return putNamespace(LinuxNamespace.builder().type(type).path(path).build());
    }

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
