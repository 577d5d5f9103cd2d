package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The execution parameters of an image configuration (image-spec config.md, "config"): the defaults a
 * runtime uses to start a container. The reserved Memory, MemorySwap, CpuShares and Healthcheck, and
 * Docker's extra members, are kept in {@link #extensions()}.
 *
 * <pre>{@code
 * {"User": "alice", "ExposedPorts": {"8080/tcp": {}}, "Env": ["PATH=/usr/bin"],
 *  "Entrypoint": ["/bin/my-app-binary"], "Cmd": ["--config", "/etc/my-app.d/default.cfg"],
 *  "WorkingDir": "/home/alice", "Labels": {"com.example.project.git.url": "..."}, "StopSignal": "SIGTERM"}
 * }</pre>
 */
public final class ExecutionConfig {

    /** The members this model maps; an extension may not reuse them. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal", "ArgsEscaped");

    /** An execution config with nothing set: {@code {}}. */
    public static final ExecutionConfig EMPTY = builder().build();

    private final String user;
    private final Set<String> exposedPorts;
    private final List<String> env;
    private final List<String> entrypoint;
    private final List<String> cmd;
    private final Set<String> volumes;
    private final String workingDir;
    private final Map<String, String> labels;
    private final String stopSignal;
    private final Boolean argsEscaped;
    private final Map<String, String> extensions;

    private ExecutionConfig(Builder b) {
        this.user = b.user;
        this.exposedPorts = b.exposedPorts;
        this.env = b.env;
        this.entrypoint = b.entrypoint;
        this.cmd = b.cmd;
        this.volumes = b.volumes;
        this.workingDir = b.workingDir;
        this.labels = b.labels;
        this.stopSignal = b.stopSignal;
        this.argsEscaped = b.argsEscaped;
        this.extensions = b.extensions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** OPTIONAL. {@code user}, {@code uid}, {@code user:group}, {@code uid:gid}, ... */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** OPTIONAL. Ports as {@code port/tcp}, {@code port/udp} or {@code port}; a JSON object of empty objects. */
    public Set<String> exposedPorts() {
        return exposedPorts;
    }

    /** OPTIONAL. Entries as {@code VARNAME=VARVALUE}, as written (an entry may lack '='; the validator says so). */
    public List<String> env() {
        return env;
    }

    /** OPTIONAL. The arguments starting the container. */
    public List<String> entrypoint() {
        return entrypoint;
    }

    /** OPTIONAL. Default arguments to the entrypoint. */
    public List<String> cmd() {
        return cmd;
    }

    /** OPTIONAL. Directories likely to hold container-specific data; a JSON object of empty objects. */
    public Set<String> volumes() {
        return volumes;
    }

    /** OPTIONAL. The working directory of the entrypoint process. */
    public Optional<String> workingDir() {
        return Optional.ofNullable(workingDir);
    }

    /** OPTIONAL. Arbitrary metadata, keys sorted. */
    public Map<String, String> labels() {
        return labels;
    }

    /** OPTIONAL. The signal to stop the container, such as {@code SIGKILL} or {@code SIGRTMIN+3}. */
    public Optional<String> stopSignal() {
        return Optional.ofNullable(stopSignal);
    }

    /** Deprecated by the spec (Windows only): whether Entrypoint/Cmd are already escaped. */
    public boolean argsEscaped() {
        return argsEscaped != null && argsEscaped;
    }

    /** Members this model does not know (and the reserved ones), as raw JSON text, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.user = user;
        b.exposedPorts = exposedPorts;
        b.env = env;
        b.entrypoint = entrypoint;
        b.cmd = cmd;
        b.volumes = volumes;
        b.workingDir = workingDir;
        b.labels = labels;
        b.stopSignal = stopSignal;
        b.argsEscaped = argsEscaped;
        b.extensions = extensions;
        return b;
    }

    static ExecutionConfig read(JsonFields f) {
        Builder b = new Builder();
        b.user = f.string("User").orElse(null);
        b.exposedPorts = Values.orderedSet(f.keySet("ExposedPorts"));
        b.env = f.stringList("Env");
        b.entrypoint = f.stringList("Entrypoint");
        b.cmd = f.stringList("Cmd");
        b.volumes = Values.orderedSet(f.keySet("Volumes"));
        b.workingDir = f.string("WorkingDir").orElse(null);
        b.labels = JsonFields.sorted(f.stringMap("Labels"));
        b.stopSignal = f.string("StopSignal").orElse(null);
        b.argsEscaped = f.bool("ArgsEscaped").orElse(null);
        b.extensions = f.unknown();
        return new ExecutionConfig(b);
    }

    JsonNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("User", Optional.ofNullable(user))
                .putKeySetIfNotEmpty("ExposedPorts", exposedPorts)
                .putStringsIfNotEmpty("Env", env)
                .putStringsIfNotEmpty("Entrypoint", entrypoint)
                .putStringsIfNotEmpty("Cmd", cmd)
                .putKeySetIfNotEmpty("Volumes", volumes)
                .putIfPresent("WorkingDir", Optional.ofNullable(workingDir))
                .putIfNotEmpty("Labels", labels)
                .putIfPresent("StopSignal", Optional.ofNullable(stopSignal))
                .putBooleanIfPresent("ArgsEscaped", Optional.ofNullable(argsEscaped))
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecutionConfig c && Objects.equals(c.user, user) && c.exposedPorts.equals(exposedPorts)
                && c.env.equals(env) && c.entrypoint.equals(entrypoint) && c.cmd.equals(cmd)
                && c.volumes.equals(volumes) && Objects.equals(c.workingDir, workingDir)
                && c.labels.equals(labels) && Objects.equals(c.stopSignal, stopSignal)
                && Objects.equals(c.argsEscaped, argsEscaped) && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal,
                argsEscaped, extensions);
    }

    @Override
    public String toString() {
        return "ExecutionConfig{user=" + user + ", exposedPorts=" + exposedPorts + ", env=" + env
                + ", entrypoint=" + entrypoint + ", cmd=" + cmd + ", volumes=" + volumes
                + ", workingDir=" + workingDir + ", labels=" + labels + ", stopSignal=" + stopSignal
                + ", argsEscaped=" + argsEscaped
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet()) + "}";
    }

    /** Builds an {@link ExecutionConfig}; everything is optional. Empty values are left out (omitempty). */
    public static final class Builder {
        private String user;
        private Set<String> exposedPorts = Set.of();
        private List<String> env = List.of();
        private List<String> entrypoint = List.of();
        private List<String> cmd = List.of();
        private Set<String> volumes = Set.of();
        private String workingDir;
        private Map<String, String> labels = Map.of();
        private String stopSignal;
        private Boolean argsEscaped;
        private Map<String, String> extensions = Map.of();

        private Builder() {
        }

        public Builder user(String user) {
            this.user = emptyToNull(Objects.requireNonNull(user, "user"));
            return this;
        }

        public Builder exposedPorts(Set<String> exposedPorts) {
            this.exposedPorts = Values.set(exposedPorts, "exposedPorts");
            return this;
        }

        public Builder env(List<String> env) {
            this.env = Values.strings(env, "env");
            return this;
        }

        public Builder entrypoint(List<String> entrypoint) {
            this.entrypoint = Values.strings(entrypoint, "entrypoint");
            return this;
        }

        public Builder cmd(List<String> cmd) {
            this.cmd = Values.strings(cmd, "cmd");
            return this;
        }

        public Builder volumes(Set<String> volumes) {
            this.volumes = Values.set(volumes, "volumes");
            return this;
        }

        public Builder workingDir(String workingDir) {
            this.workingDir = emptyToNull(Objects.requireNonNull(workingDir, "workingDir"));
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = Values.map(labels, "labels");
            return this;
        }

        public Builder stopSignal(String stopSignal) {
            this.stopSignal = emptyToNull(Objects.requireNonNull(stopSignal, "stopSignal"));
            return this;
        }

        /** Deprecated by the spec; false leaves it out. */
        public Builder argsEscaped(boolean argsEscaped) {
            this.argsEscaped = argsEscaped ? Boolean.TRUE : null;
            return this;
        }

        /** Unknown and reserved members (Memory, Healthcheck, ...) as raw JSON text, written last. */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = Values.extensions(extensions, KNOWN);
            return this;
        }

        public ExecutionConfig build() {
            return new ExecutionConfig(this);
        }

        private static String emptyToNull(String s) {
            return s.isEmpty() ? null : s;
        }
    }
}
