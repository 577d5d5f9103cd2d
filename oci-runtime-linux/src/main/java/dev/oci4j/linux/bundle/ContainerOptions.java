package dev.oci4j.linux.bundle;

import dev.oci4j.runtime.Mount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the caller changes when an image becomes a container (the {@code docker run} options):
 * command, environment, working directory, user, mounts, read-only root, hostname, cgroup limits
 * and the network namespace. Everything is optional; an empty instance runs the image as it is.
 *
 * <pre>{@code
 * ContainerOptions o = ContainerOptions.builder()
 *         .cmd(List.of("sh", "-c", "echo hi")).putEnv("LANG", "C.UTF-8").user("nobody")
 *         .addBind(Path.of("/srv/data"), "/data", true).memoryLimit(64L << 20).pidsLimit(64)
 *         .build();
 * }</pre>
 */
public final class ContainerOptions {

    /** No overrides: the image's own command, environment and user, a private network namespace. */
    public static final ContainerOptions DEFAULTS = builder().build();

    private final List<String> entrypoint;
    private final List<String> cmd;
    private final Map<String, String> env;
    private final String workingDir;
    private final String user;
    private final String hostname;
    private final List<Mount> mounts;
    private final boolean readonlyRoot;
    private final long memoryLimit;
    private final long pidsLimit;
    private final long cpuQuota;
    private final long cpuPeriod;
    private final boolean hostNetwork;
    private final boolean volumesAsMounts;
    private final Map<String, String> annotations;

    private ContainerOptions(Builder b) {
        entrypoint = b.entrypoint;
        cmd = b.cmd;
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        workingDir = b.workingDir;
        user = b.user;
        hostname = b.hostname;
        mounts = List.copyOf(b.mounts);
        readonlyRoot = b.readonlyRoot;
        memoryLimit = b.memoryLimit;
        pidsLimit = b.pidsLimit;
        cpuQuota = b.cpuQuota;
        cpuPeriod = b.cpuPeriod;
        hostNetwork = b.hostNetwork;
        volumesAsMounts = b.volumesAsMounts;
        annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.annotations));
    }

    /** {@return a builder with no overrides set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these options, to derive changed ones} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.entrypoint = entrypoint;
        b.cmd = cmd;
        b.env.putAll(env);
        b.workingDir = workingDir;
        b.user = user;
        b.hostname = hostname;
        b.mounts.addAll(mounts);
        b.readonlyRoot = readonlyRoot;
        b.memoryLimit = memoryLimit;
        b.pidsLimit = pidsLimit;
        b.cpuQuota = cpuQuota;
        b.cpuPeriod = cpuPeriod;
        b.hostNetwork = hostNetwork;
        b.volumesAsMounts = volumesAsMounts;
        b.annotations.putAll(annotations);
        return b;
    }

    /**
     * {@return the Entrypoint replacing the image's; the image's Cmd is then dropped unless {@link #cmd()} is set
     * too; empty to keep the image's}
     */
    public Optional<List<String>> entrypoint() {
        return Optional.ofNullable(entrypoint);
    }

    /** {@return the Cmd replacing the image's, the image's Entrypoint kept; empty to keep the image's} */
    public Optional<List<String>> cmd() {
        return Optional.ofNullable(cmd);
    }

    /** {@return environment entries that win over the image's by name, in insertion order; empty when none} */
    public Map<String, String> env() {
        return env;
    }

    /**
     * {@return the absolute working directory replacing the image's WorkingDir; empty to keep the image's (else
     * {@code /})}
     */
    public Optional<String> workingDir() {
        return Optional.ofNullable(workingDir);
    }

    /**
     * {@return a user as the image's {@code User} field is written, resolved against the rootfs; empty to keep the
     * image's}
     */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** {@return the container's hostname; empty for {@link SpecConverter#DEFAULT_HOSTNAME}} */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    /** {@return mounts added after the default ones (and after image volumes), in order; empty when none} */
    public List<Mount> mounts() {
        return mounts;
    }

    /** {@return whether the root filesystem is mounted read-only; false by default} */
    public boolean readonlyRoot() {
        return readonlyRoot;
    }

    /** {@return the memory limit in bytes; empty for none} */
    public OptionalLong memoryLimit() {
        return memoryLimit < 0 ? OptionalLong.empty() : OptionalLong.of(memoryLimit);
    }

    /** {@return the maximum number of processes and threads in the container; empty for none} */
    public OptionalLong pidsLimit() {
        return pidsLimit < 0 ? OptionalLong.empty() : OptionalLong.of(pidsLimit);
    }

    /** {@return the CFS quota in microseconds per {@link #cpuPeriod()}; empty for none} */
    public OptionalLong cpuQuota() {
        return cpuQuota < 0 ? OptionalLong.empty() : OptionalLong.of(cpuQuota);
    }

    /** {@return the CFS period in microseconds the {@link #cpuQuota()} applies to; empty when no quota is set} */
    public OptionalLong cpuPeriod() {
        return cpuQuota < 0 ? OptionalLong.empty() : OptionalLong.of(cpuPeriod);
    }

    /** {@return whether the container shares the host's network namespace instead of getting a private one} */
    public boolean hostNetwork() {
        return hostNetwork;
    }

    /** {@return whether the image's Volumes become tmpfs mounts; false by default} */
    public boolean volumesAsMounts() {
        return volumesAsMounts;
    }

    /** {@return annotations set last, over those converted from the image; empty when none} */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** Builds {@link ContainerOptions}; arguments are checked as they are set. */
    public static final class Builder {
        private List<String> entrypoint;
        private List<String> cmd;
        private final Map<String, String> env = new LinkedHashMap<>();
        private String workingDir;
        private String user;
        private String hostname;
        private final List<Mount> mounts = new ArrayList<>();
        private boolean readonlyRoot;
        private long memoryLimit = -1;
        private long pidsLimit = -1;
        private long cpuQuota = -1;
        private long cpuPeriod = -1;
        private boolean hostNetwork;
        private boolean volumesAsMounts;
        private final Map<String, String> annotations = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Replaces the image's Entrypoint (and drops its Cmd unless {@link #cmd(List)} is set too).
         *
         * @param entrypoint the program and its first arguments
         * @return this builder
         * @throws NullPointerException when the list or one of its elements is null
         */
        public Builder entrypoint(List<String> entrypoint) {
            this.entrypoint = List.copyOf(entrypoint);
            return this;
        }

        /**
         * Keeps the image's Entrypoint.
         *
         * @return this builder
         */
        public Builder clearEntrypoint() {
            entrypoint = null;
            return this;
        }

        /**
         * Replaces the image's Cmd; the image's Entrypoint is kept.
         *
         * @param cmd the command, or the Entrypoint's arguments
         * @return this builder
         * @throws NullPointerException when the list or one of its elements is null
         */
        public Builder cmd(List<String> cmd) {
            this.cmd = List.copyOf(cmd);
            return this;
        }

        /**
         * Keeps the image's Cmd.
         *
         * @return this builder
         */
        public Builder clearCmd() {
            cmd = null;
            return this;
        }

        /**
         * Sets {@code name=value}, replacing the image's entry of that name.
         *
         * @param name the variable's name, not empty and without {@code =}
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException when the name is empty or contains {@code =}
         * @throws NullPointerException when an argument is null
         */
        public Builder putEnv(String name, String value) {
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || name.contains("=")) {
                throw new IllegalArgumentException("environment variable name \"" + name + "\": expected a non-empty name without '='");
            }
            env.put(name, value);
            return this;
        }

        /**
         * Sets an entry written as {@code NAME=VALUE}, as {@code docker run -e} takes it.
         *
         * @param entry the entry; the name ends at the first {@code =}
         * @return this builder
         * @throws IllegalArgumentException when there is no {@code =} or the name is empty
         */
        public Builder addEnv(String entry) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("environment entry \"" + entry + "\": expected NAME=VALUE");
            }
            return putEnv(entry.substring(0, eq), entry.substring(eq + 1));
        }

        /**
         * Replaces the image's WorkingDir.
         *
         * @param workingDir an absolute path in the container
         * @return this builder
         * @throws IllegalArgumentException when the path is not absolute
         */
        public Builder workingDir(String workingDir) {
            if (!workingDir.startsWith("/")) {
                throw new IllegalArgumentException("working directory \"" + workingDir + "\": expected an absolute path");
            }
            this.workingDir = workingDir;
            return this;
        }

        /**
         * Replaces the image's User.
         *
         * @param user {@code user}, {@code uid}, {@code user:group} or {@code uid:gid}, resolved against the rootfs
         * @return this builder
         * @throws IllegalArgumentException when empty
         */
        public Builder user(String user) {
            if (user.isEmpty()) {
                throw new IllegalArgumentException("user is empty; expected user, uid, user:group or uid:gid");
            }
            this.user = user;
            return this;
        }

        /**
         * Sets the container's hostname.
         *
         * @param hostname 1 to 64 characters
         * @return this builder
         * @throws IllegalArgumentException when empty or longer than 64 characters
         */
        public Builder hostname(String hostname) {
            if (hostname.isEmpty() || hostname.length() > 64) {
                throw new IllegalArgumentException("hostname \"" + hostname + "\": expected 1 to 64 characters");
            }
            this.hostname = hostname;
            return this;
        }

        /**
         * Appends a mount, added after the default ones and the image's volumes.
         *
         * @param mount the mount
         * @return this builder
         * @throws NullPointerException when {@code mount} is null
         */
        public Builder addMount(Mount mount) {
            mounts.add(Objects.requireNonNull(mount, "mount"));
            return this;
        }

        /**
         * Bind-mounts (recursively) the host path {@code source} at {@code destination}.
         *
         * @param source the host file or directory, made absolute
         * @param destination an absolute path in the container
         * @param readOnly whether the container may not write through the mount
         * @return this builder
         * @throws IllegalArgumentException when {@code destination} is not absolute
         */
        public Builder addBind(Path source, String destination, boolean readOnly) {
            checkDestination(destination);
            Mount.Builder m = Mount.builder().destination(destination).type("bind")
                    .source(source.toAbsolutePath().toString()).addOption("rbind");
            m.addOption(readOnly ? "ro" : "rw");
            return addMount(m.build());
        }

        /**
         * Mounts an empty tmpfs ({@code nosuid,nodev,mode=1777}) at {@code destination}.
         *
         * @param destination an absolute path in the container
         * @return this builder
         * @throws IllegalArgumentException when {@code destination} is not absolute
         */
        public Builder addTmpfs(String destination) {
            checkDestination(destination);
            return addMount(Mount.builder().destination(destination).type("tmpfs").source("tmpfs")
                    .options(List.of("nosuid", "nodev", "mode=1777")).build());
        }

        /**
         * Sets whether the root filesystem is mounted read-only.
         *
         * @param readonlyRoot true for read-only
         * @return this builder
         */
        public Builder readonlyRoot(boolean readonlyRoot) {
            this.readonlyRoot = readonlyRoot;
            return this;
        }

        /**
         * Limits the container's memory (the cgroup's memory limit).
         *
         * @param bytes the limit in bytes, at least 4096
         * @return this builder
         * @throws IllegalArgumentException when below 4096
         */
        public Builder memoryLimit(long bytes) {
            if (bytes < 4096) {
                throw new IllegalArgumentException("memory limit " + bytes + ": expected at least 4096 bytes");
            }
            memoryLimit = bytes;
            return this;
        }

        /**
         * Limits the number of processes and threads in the container (the cgroup's pids limit).
         *
         * @param limit at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder pidsLimit(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("pids limit " + limit + ": expected at least 1");
            }
            pidsLimit = limit;
            return this;
        }

        /**
         * Limits the container to {@code quota} microseconds of CPU time every {@code period} microseconds.
         *
         * @param quota the CFS quota in microseconds, at least 1000
         * @param period the CFS period in microseconds, 1000 to 1000000
         * @return this builder
         * @throws IllegalArgumentException when either is out of range
         */
        public Builder cpuQuota(long quota, long period) {
            if (period < 1000 || period > 1_000_000 || quota < 1000) {
                throw new IllegalArgumentException("cpu quota " + quota + "/" + period
                        + ": expected a period of 1000 to 1000000 us and a quota of at least 1000 us");
            }
            cpuQuota = quota;
            cpuPeriod = period;
            return this;
        }

        /**
         * Sets whether the container shares the host's network namespace instead of getting a private one.
         *
         * @param hostNetwork true to share the host's
         * @return this builder
         */
        public Builder hostNetwork(boolean hostNetwork) {
            this.hostNetwork = hostNetwork;
            return this;
        }

        /**
         * Sets whether the image's Volumes become tmpfs mounts.
         *
         * @param volumesAsMounts true to mount them
         * @return this builder
         */
        public Builder volumesAsMounts(boolean volumesAsMounts) {
            this.volumesAsMounts = volumesAsMounts;
            return this;
        }

        /**
         * Sets an annotation, over the one converted from the image.
         *
         * @param key the annotation key
         * @param value its value
         * @return this builder
         * @throws NullPointerException when an argument is null
         */
        public Builder putAnnotation(String key, String value) {
            annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** {@return the options} */
        public ContainerOptions build() {
            return new ContainerOptions(this);
        }

        private static void checkDestination(String destination) {
            if (!destination.startsWith("/")) {
                throw new IllegalArgumentException("mount destination \"" + destination + "\": expected an absolute path");
            }
        }
    }
}
