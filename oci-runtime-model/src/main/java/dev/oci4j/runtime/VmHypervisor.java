package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hypervisor of a virtual-machine-based container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-vm.md#hypervisor-object">config-vm.md#hypervisor-object</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"path":"/path/to/vmm","parameters":["opts1=foo"]}
 * }</pre>
 */
public final class VmHypervisor {

    private final String path;
    private final List<String> parameters;
    private final Map<String, String> extensions;

    private VmHypervisor(Builder b) {
        this.path = b.path;
        this.parameters = List.copyOf(b.parameters);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.parameters = new ArrayList<>(parameters);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code path}: REQUIRED: absolute host path of the hypervisor. */
    public String path() {
        return path;
    }

    /** {@code parameters}: OPTIONAL: hypervisor parameters. */
    public List<String> parameters() {
        return parameters;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static VmHypervisor fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("path").ifPresent(b::path);
        b.parameters.addAll(f.stringList("parameters"));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("path", path)
                .putStringsIfNotEmpty("parameters", parameters)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VmHypervisor other)) {
            return false;
        }
        return Objects.equals(path, other.path)
                && Objects.equals(parameters, other.parameters)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, parameters, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "VmHypervisor" + Json.text(toJson());
    }

    /** Builds a {@link VmHypervisor}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String path = "";
        private List<String> parameters = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Replaces {@code parameters}. */
        public Builder parameters(Collection<? extends String> parameters) {
            this.parameters = new ArrayList<>(List.copyOf(parameters));
            return this;
        }

        /** Appends one entry to {@code parameters}. */
        public Builder addParameter(String parameter) {
            this.parameters.add(Objects.requireNonNull(parameter, "parameter"));
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

        public VmHypervisor build() {
            return new VmHypervisor(this);
        }
    }
}
