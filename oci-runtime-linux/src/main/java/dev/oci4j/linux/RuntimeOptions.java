package dev.oci4j.linux;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open a {@link ContainerRuntime}: which backend (else {@code -Doci4j.runtime}, else the best
 * available), its binary, its state directory ({@code --root}), extra global flags, the systemd
 * cgroup driver, and the grace period between the stop signal and SIGKILL.
 */
public final class RuntimeOptions {

    /** The system property naming the backend when the options do not. */
    public static final String BACKEND_PROPERTY = "oci4j.runtime";

    private final String backend;
    private final Path binary;
    private final Path root;
    private final List<String> globalFlags;
    private final boolean systemdCgroup;
    private final Duration stopGracePeriod;

    private RuntimeOptions(Builder b) {
        backend = b.backend;
        binary = b.binary;
        root = b.root;
        globalFlags = List.copyOf(b.globalFlags);
        systemdCgroup = b.systemdCgroup;
        stopGracePeriod = b.stopGracePeriod;
    }

    /** {@return options choosing nothing: the best available backend, its defaults, a 10 second stop grace period} */
    public static RuntimeOptions defaults() {
        return builder().build();
    }

    /** {@return a builder holding the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these options, to derive changed ones} */
    public Builder toBuilder() {
        return new Builder().backend(backend).binary(binary).root(root).globalFlags(globalFlags)
                .systemdCgroup(systemdCgroup).stopGracePeriod(stopGracePeriod);
    }

    /**
     * {@return the backend asked for by name ({@code runc}, {@code crun}); empty to use {@code -Doci4j.runtime},
     * else the best available}
     */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /** {@return the runtime binary; empty for the backend's name on {@code PATH}} */
    public Optional<Path> binary() {
        return Optional.ofNullable(binary);
    }

    /**
     * {@return the state directory; empty for {@code /run/oci4j/BACKEND} (root) or one under {@code XDG_RUNTIME_DIR}}
     */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** {@return flags put before every subcommand, such as {@code --debug}; empty by default} */
    public List<String> globalFlags() {
        return globalFlags;
    }

    /** {@return whether the runtime uses the systemd cgroup driver ({@code --systemd-cgroup}); false by default} */
    public boolean systemdCgroup() {
        return systemdCgroup;
    }

    /** {@return how long a closed container has between the stop signal and SIGKILL; 10 seconds by default} */
    public Duration stopGracePeriod() {
        return stopGracePeriod;
    }

    /** Builds {@link RuntimeOptions}. */
    public static final class Builder {
        private String backend;
        private Path binary;
        private Path root;
        private List<String> globalFlags = List.of();
        private boolean systemdCgroup;
        private Duration stopGracePeriod = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * Chooses a backend by name.
         *
         * @param backend {@code runc}, {@code crun}, ...; null to choose none
         * @return this builder
         */
        public Builder backend(String backend) {
            this.backend = backend;
            return this;
        }

        /**
         * Sets the runtime binary.
         *
         * @param binary the executable; null for the backend's name on {@code PATH}
         * @return this builder
         */
        public Builder binary(Path binary) {
            this.binary = binary;
            return this;
        }

        /**
         * Sets the state directory ({@code --root}), made absolute.
         *
         * @param root the directory; null for the default
         * @return this builder
         */
        public Builder root(Path root) {
            this.root = root == null ? null : root.toAbsolutePath();
            return this;
        }

        /**
         * Replaces the flags put before every subcommand.
         *
         * @param globalFlags the flags, such as {@code --debug}
         * @return this builder
         * @throws NullPointerException when the list or one of its elements is null
         */
        public Builder globalFlags(List<String> globalFlags) {
            this.globalFlags = List.copyOf(globalFlags);
            return this;
        }

        /**
         * Sets whether the runtime uses the systemd cgroup driver ({@code --systemd-cgroup}).
         *
         * @param systemdCgroup true for the systemd driver
         * @return this builder
         */
        public Builder systemdCgroup(boolean systemdCgroup) {
            this.systemdCgroup = systemdCgroup;
            return this;
        }

        /**
         * Sets how long a closed container has between the stop signal and SIGKILL.
         *
         * @param stopGracePeriod the period; zero sends SIGKILL at once
         * @return this builder
         * @throws IllegalArgumentException when the period is negative
         * @throws NullPointerException when the period is null
         */
        public Builder stopGracePeriod(Duration stopGracePeriod) {
            if (stopGracePeriod.isNegative()) {
                throw new IllegalArgumentException("stop grace period " + stopGracePeriod + " is negative");
            }
            this.stopGracePeriod = Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
            return this;
        }

        /** {@return the options} */
        public RuntimeOptions build() {
            return new RuntimeOptions(this);
        }
    }
}
