package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A namespace the container creates or joins.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#namespaces">config-linux.md#namespaces</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"type":"network","path":"/var/run/netns/neta"}
 * }</pre>
 */
public final class LinuxNamespace {

    private final LinuxNamespaceType type;
    private final String path;
    private final Map<String, String> extensions;

    private LinuxNamespace(Builder b) {
        this.type = b.type;
        this.path = b.path;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.path = path;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code type}: REQUIRED: the namespace type. */
    public LinuxNamespaceType type() {
        return type;
    }

    /** {@code path}: OPTIONAL: a namespace file to join; absent means a new namespace. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxNamespace fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("type").ifPresent(v -> b.type(LinuxNamespaceType.of(v)));
        f.string("path").ifPresent(b::path);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("type", type.value())
                .putIfNotEmpty("path", path)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxNamespace other)) {
            return false;
        }
        return Objects.equals(type, other.type)
                && Objects.equals(path, other.path)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, path, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxNamespace" + Json.text(toJson());
    }

    /** Builds a {@link LinuxNamespace}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private LinuxNamespaceType type = LinuxNamespaceType.of("");
        private String path;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder type(LinuxNamespaceType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder type(String type) {
            return type(LinuxNamespaceType.of(type));
        }

        /** Sets {@code path}; the empty string leaves it out, as Go's omitempty does. */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            this.path = path.isEmpty() ? null : path;
            return this;
        }

        public Builder clearPath() {
            this.path = null;
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

        public LinuxNamespace build() {
            return new LinuxNamespace(this);
        }
    }
}
