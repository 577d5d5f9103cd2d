package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.util.Collection;
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

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the {@code User} the process runs as} OPTIONAL: {@code user}, {@code uid}, {@code user:group},
     * {@code uid:gid}, {@code uid:group} or {@code user:gid}; empty when absent.
     */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /**
     * {@return ports as {@code port/tcp}, {@code port/udp} or {@code port}; a JSON object of empty objects} OPTIONAL.
     */
    public Set<String> exposedPorts() {
        return exposedPorts;
    }

    /**
     * {@return entries as {@code VARNAME=VARVALUE}, as written (an entry may lack '='; the validator says so)} OPTIONAL.
     */
    public List<String> env() {
        return env;
    }

    /** {@return the arguments starting the container} OPTIONAL. */
    public List<String> entrypoint() {
        return entrypoint;
    }

    /** {@return default arguments to the entrypoint} OPTIONAL. */
    public List<String> cmd() {
        return cmd;
    }

    /**
     * {@return directories likely to hold container-specific data; a JSON object of empty objects} OPTIONAL.
     */
    public Set<String> volumes() {
        return volumes;
    }

    /** {@return the working directory of the entrypoint process} OPTIONAL. */
    public Optional<String> workingDir() {
        return Optional.ofNullable(workingDir);
    }

    /** {@return arbitrary metadata, keys sorted} OPTIONAL. */
    public Map<String, String> labels() {
        return labels;
    }

    /** {@return the signal to stop the container, such as {@code SIGKILL} or {@code SIGRTMIN+3}} OPTIONAL. */
    public Optional<String> stopSignal() {
        return Optional.ofNullable(stopSignal);
    }

    /**
     * {@return whether {@code Entrypoint} and {@code Cmd} are already escaped} Deprecated by the spec
     * (Windows only); false when absent.
     */
    public boolean argsEscaped() {
        return argsEscaped != null && argsEscaped;
    }

    /**
     * {@return members this model does not know (and the reserved ones), as raw JSON text, in document order}
     */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** {@return a builder holding this {@code ExecutionConfig}'s values} */
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

        /**
         * Sets {@code User}, the user the process runs as.
         *
         * @param user {@code user}, {@code uid}, {@code user:group}, {@code uid:gid}, ...
         * @return this builder
         * @throws IllegalArgumentException if {@code user} is empty (see {@link #clearUser()})
         */
        public Builder user(String user) {
            this.user = Values.notEmpty(user, "ExecutionConfig", "user");
            return this;
        }

        /**
         * Leaves {@code User} out.
         *
         * @return this builder
         */
        public Builder clearUser() {
            this.user = null;
            return this;
        }

        /**
         * Replaces {@code ExposedPorts}; written sorted, as Go writes map keys.
         *
         * @param exposedPorts ports as {@code port/tcp}, {@code port/udp} or {@code port}, copied
         * @return this builder
         * @throws NullPointerException if {@code exposedPorts} is or holds null, naming the index
         */
        public Builder exposedPorts(Collection<? extends String> exposedPorts) {
            this.exposedPorts = Values.set(exposedPorts, "exposedPorts");
            return this;
        }

        /**
         * Adds to {@code ExposedPorts}.
         *
         * @param exposedPort a port as {@code port/tcp}, {@code port/udp} or {@code port}
         * @return this builder
         */
        public Builder addExposedPort(String exposedPort) {
            this.exposedPorts = Values.add(exposedPorts, exposedPort, "exposedPort");
            return this;
        }

        /**
         * Empties {@code ExposedPorts}, which is then left out.
         *
         * @return this builder
         */
        public Builder clearExposedPorts() {
            this.exposedPorts = Set.of();
            return this;
        }

        /**
         * Replaces {@code Env}.
         *
         * @param env entries as {@code VARNAME=VARVALUE}, copied
         * @return this builder
         * @throws NullPointerException if {@code env} is or holds null, naming the index
         */
        public Builder env(Collection<? extends String> env) {
            this.env = Values.list(env, "env");
            return this;
        }

        /**
         * Appends to {@code Env}.
         *
         * @param envEntry an entry as {@code VARNAME=VARVALUE}
         * @return this builder
         */
        public Builder addEnvEntry(String envEntry) {
            this.env = Values.add(env, envEntry, "envEntry");
            return this;
        }

        /**
         * Empties {@code Env}, which is then left out.
         *
         * @return this builder
         */
        public Builder clearEnv() {
            this.env = List.of();
            return this;
        }

        /**
         * Replaces {@code Entrypoint}: the arguments of the command that starts the container.
         *
         * @param entrypoint the arguments, copied
         * @return this builder
         * @throws NullPointerException if {@code entrypoint} is or holds null, naming the index
         */
        public Builder entrypoint(Collection<? extends String> entrypoint) {
            this.entrypoint = Values.list(entrypoint, "entrypoint");
            return this;
        }

        /**
         * Appends to {@code Entrypoint}.
         *
         * @param arg the argument
         * @return this builder
         */
        public Builder addEntrypointArg(String arg) {
            this.entrypoint = Values.add(entrypoint, arg, "arg");
            return this;
        }

        /**
         * Empties {@code Entrypoint}, which is then left out.
         *
         * @return this builder
         */
        public Builder clearEntrypoint() {
            this.entrypoint = List.of();
            return this;
        }

        /**
         * Replaces {@code Cmd}: the default arguments to the entrypoint.
         *
         * @param cmd the arguments, copied
         * @return this builder
         * @throws NullPointerException if {@code cmd} is or holds null, naming the index
         */
        public Builder cmd(Collection<? extends String> cmd) {
            this.cmd = Values.list(cmd, "cmd");
            return this;
        }

        /**
         * Appends to {@code Cmd}.
         *
         * @param arg the argument
         * @return this builder
         */
        public Builder addCmdArg(String arg) {
            this.cmd = Values.add(cmd, arg, "arg");
            return this;
        }

        /**
         * Empties {@code Cmd}, which is then left out.
         *
         * @return this builder
         */
        public Builder clearCmd() {
            this.cmd = List.of();
            return this;
        }

        /**
         * Replaces {@code Volumes}: directories likely to hold container-specific data; written sorted.
         *
         * @param volumes the directories, copied
         * @return this builder
         * @throws NullPointerException if {@code volumes} is or holds null, naming the index
         */
        public Builder volumes(Collection<? extends String> volumes) {
            this.volumes = Values.set(volumes, "volumes");
            return this;
        }

        /**
         * Adds to {@code Volumes}.
         *
         * @param volume the directory
         * @return this builder
         */
        public Builder addVolume(String volume) {
            this.volumes = Values.add(volumes, volume, "volume");
            return this;
        }

        /**
         * Empties {@code Volumes}, which is then left out.
         *
         * @return this builder
         */
        public Builder clearVolumes() {
            this.volumes = Set.of();
            return this;
        }

        /**
         * Sets {@code WorkingDir}, the working directory of the entrypoint process.
         *
         * @param workingDir the directory
         * @return this builder
         * @throws IllegalArgumentException if {@code workingDir} is empty (see {@link #clearWorkingDir()})
         */
        public Builder workingDir(String workingDir) {
            this.workingDir = Values.notEmpty(workingDir, "ExecutionConfig", "workingDir");
            return this;
        }

        /**
         * Leaves {@code WorkingDir} out.
         *
         * @return this builder
         */
        public Builder clearWorkingDir() {
            this.workingDir = null;
            return this;
        }

        /**
         * Replaces {@code Labels}; keys are written sorted.
         *
         * @param labels the labels, copied
         * @return this builder
         * @throws NullPointerException if {@code labels} is null or holds a null key or value
         */
        public Builder labels(Map<String, String> labels) {
            this.labels = Values.map(labels, "labels");
            return this;
        }

        /**
         * Adds or replaces one label.
         *
         * @param key the label's key
         * @param value the label's value
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder putLabel(String key, String value) {
            this.labels = Values.put(labels, key, value, "labels");
            return this;
        }

        /**
         * Removes one label, if present.
         *
         * @param key the label's key
         * @return this builder
         */
        public Builder removeLabel(String key) {
            this.labels = Values.remove(labels, key, "labels");
            return this;
        }

        /**
         * Removes every label; {@code Labels} is then left out.
         *
         * @return this builder
         */
        public Builder clearLabels() {
            this.labels = Map.of();
            return this;
        }

        /**
         * Sets {@code StopSignal}, the system call signal sent to stop the container.
         *
         * @param stopSignal the signal, such as {@code SIGTERM} or {@code SIGRTMIN+3}
         * @return this builder
         * @throws IllegalArgumentException if {@code stopSignal} is empty (see {@link #clearStopSignal()})
         */
        public Builder stopSignal(String stopSignal) {
            this.stopSignal = Values.notEmpty(stopSignal, "ExecutionConfig", "stopSignal");
            return this;
        }

        /**
         * Leaves {@code StopSignal} out.
         *
         * @return this builder
         */
        public Builder clearStopSignal() {
            this.stopSignal = null;
            return this;
        }

        /**
         * Deprecated by the spec; false leaves it out.
         *
         * @param argsEscaped whether {@code Entrypoint} and {@code Cmd} are already escaped (Windows only)
         * @return this builder
         */
        public Builder argsEscaped(boolean argsEscaped) {
            this.argsEscaped = argsEscaped ? Boolean.TRUE : null;
            return this;
        }

        /**
         * Unknown and reserved members (Memory, Healthcheck, ...) as raw JSON text, written last.
         *
         * @param extensions the unknown members by key, each value one JSON value as text
         * @return this builder
         * @throws IllegalArgumentException when a key is a member {@code ExecutionConfig} maps, or a value is not JSON
         */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = Values.extensions(extensions, KNOWN);
            return this;
        }

        /**
         * Adds or replaces one unknown member; {@code rawJson} is one JSON value.
         *
         * @param key the member's key
         * @param rawJson the member's value as JSON text
         * @return this builder
         * @throws IllegalArgumentException when {@code key} is a member {@code ExecutionConfig} maps, or {@code rawJson} is not JSON
         */
        public Builder putExtension(String key, String rawJson) {
            this.extensions = Values.putExtension(extensions, key, rawJson, KNOWN);
            return this;
        }

        /**
         * Removes one unknown member, if present.
         *
         * @param key the member's key
         * @return this builder
         */
        public Builder removeExtension(String key) {
            this.extensions = Values.remove(extensions, key, "extensions");
            return this;
        }

        /**
         * Removes every unknown member.
         *
         * @return this builder
         */
        public Builder clearExtensions() {
            this.extensions = Map.of();
            return this;
        }

        /** {@return the execution config} */
        public ExecutionConfig build() {
            return new ExecutionConfig(this);
        }
    }
}
