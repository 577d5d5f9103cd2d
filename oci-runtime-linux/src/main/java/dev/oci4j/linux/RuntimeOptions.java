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

    public static RuntimeOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().backend(backend).binary(binary).root(root).globalFlags(globalFlags)
                .systemdCgroup(systemdCgroup).stopGracePeriod(stopGracePeriod);
    }

    /** The backend asked for by name ({@code runc}, {@code crun}). */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /** The runtime binary; default: the backend's name on {@code PATH}. */
    public Optional<Path> binary() {
        return Optional.ofNullable(binary);
    }

    /** The state directory; default {@code /run/oci4j/BACKEND} (root) or under {@code XDG_RUNTIME_DIR}. */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** Flags put before every subcommand, such as {@code --debug}. */
    public List<String> globalFlags() {
        return globalFlags;
    }

    public boolean systemdCgroup() {
        return systemdCgroup;
    }

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

        public Builder backend(String backend) {
            this.backend = backend;
            return this;
        }

        public Builder binary(Path binary) {
            this.binary = binary;
            return this;
        }

        public Builder root(Path root) {
            this.root = root == null ? null : root.toAbsolutePath();
            return this;
        }

        public Builder globalFlags(List<String> globalFlags) {
            this.globalFlags = List.copyOf(globalFlags);
            return this;
        }

        public Builder systemdCgroup(boolean systemdCgroup) {
            this.systemdCgroup = systemdCgroup;
            return this;
        }

        public Builder stopGracePeriod(Duration stopGracePeriod) {
            if (stopGracePeriod.isNegative()) {
                throw new IllegalArgumentException("stop grace period " + stopGracePeriod + " is negative");
            }
            this.stopGracePeriod = Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
            return this;
        }

        public RuntimeOptions build() {
            return new RuntimeOptions(this);
        }
    }
}
