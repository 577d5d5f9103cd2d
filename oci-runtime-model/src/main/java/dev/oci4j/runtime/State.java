package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.IntType;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The state of a container, as the runtime's state operation reports it.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/runtime.md#state">runtime.md#state</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"ociVersion":"1.2.0","id":"oci-container1","status":"running","pid":4422,"bundle":"/containers/redis"}
 * }</pre>
 */
public final class State {

    private final String ociVersion;
    private final String id;
    private final ContainerStatus status;
    private final long pid;
    private final String bundle;
    private final Map<String, String> annotations;
    private final Map<String, String> extensions;

    private State(Builder b) {
        this.ociVersion = b.ociVersion;
        this.id = b.id;
        this.status = b.status;
        this.pid = b.pid;
        this.bundle = b.bundle;
        this.annotations = Collections.unmodifiableMap(new TreeMap<>(b.annotations));
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ociVersion = ociVersion;
        b.id = id;
        b.status = status;
        b.pid = pid;
        b.bundle = bundle;
        b.annotations = new TreeMap<>(annotations);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code ociVersion}: REQUIRED: the runtime-spec version of the state. */
    public String ociVersion() {
        return ociVersion;
    }

    /** {@code id}: REQUIRED: the container id, unique on the host. */
    public String id() {
        return id;
    }

    /** {@code status}: REQUIRED: creating, created, running or stopped. */
    public ContainerStatus status() {
        return status;
    }

    /** {@code pid}: REQUIRED on Linux when created or running: the process id in the runtime namespace (Go int). */
    public long pid() {
        return pid;
    }

    /** {@code bundle}: REQUIRED: absolute path of the bundle directory. */
    public String bundle() {
        return bundle;
    }

    /** {@code annotations}: OPTIONAL: the annotations of the container's configuration. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static State fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("ociVersion").ifPresent(b::ociVersion);
        f.string("id").ifPresent(b::id);
        f.string("status").ifPresent(v -> b.status(ContainerStatus.of(v)));
        f.integer("pid", IntType.I64).ifPresent(v -> b.pid = v);
        f.string("bundle").ifPresent(b::bundle);
        b.annotations.putAll(f.stringMap("annotations"));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("ociVersion", ociVersion)
                .put("id", id)
                .put("status", status.value())
                .putIfNotZero("pid", pid, IntType.I64)
                .put("bundle", bundle)
                .putIfNotEmpty("annotations", annotations)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof State other)) {
            return false;
        }
        return Objects.equals(ociVersion, other.ociVersion)
                && Objects.equals(id, other.id)
                && Objects.equals(status, other.status)
                && pid == other.pid
                && Objects.equals(bundle, other.bundle)
                && Objects.equals(annotations, other.annotations)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ociVersion, id, status, pid, bundle, annotations, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "State" + Json.text(toJson());
    }

    /** Builds a {@link State}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String ociVersion = "";
        private String id = "";
        private ContainerStatus status = ContainerStatus.of("");
        private long pid;
        private String bundle = "";
        private Map<String, String> annotations = new TreeMap<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder ociVersion(String ociVersion) {
            this.ociVersion = Objects.requireNonNull(ociVersion, "ociVersion");
            return this;
        }

        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder status(ContainerStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        public Builder status(String status) {
            return status(ContainerStatus.of(status));
        }

        public Builder pid(long pid) {
            this.pid = IntType.I64.check("pid", pid);
            return this;
        }

        public Builder bundle(String bundle) {
            this.bundle = Objects.requireNonNull(bundle, "bundle");
            return this;
        }

        /** Replaces {@code annotations}. */
        public Builder annotations(Map<String, ? extends String> annotations) {
            this.annotations = new TreeMap<>(annotations);
            return this;
        }

        public Builder putAnnotation(String key, String value) {
            this.annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder removeAnnotation(String key) {
            this.annotations.remove(key);
            return this;
        }

        /** Replaces the unknown members: key to JSON value as text. */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = new LinkedHashMap<>();
            extensions.forEach(this::putExtension);
            return this;
        }

        /** Adds an unknown member; {@code rawJson} must be one JSON value. A known key is never overwritten on output. */
        public Builder putExtension(String key, String rawJson) {
            Objects.requireNonNull(key, "key");
            this.extensions.put(key, Json.text(Json.parseValue(Objects.requireNonNull(rawJson, "rawJson"))));
            return this;
        }

        public Builder removeExtension(String key) {
            this.extensions.remove(key);
            return this;
        }

        public State build() {
            return new State(this);
        }
    }
}
