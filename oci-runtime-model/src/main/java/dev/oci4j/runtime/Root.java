package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The root filesystem of the container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#root">config.md#root</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"path":"rootfs","readonly":true}
 * }</pre>
 */
public final class Root {

    private final String path;
    private final boolean readonly;
    private final Map<String, String> extensions;

    private Root(Builder b) {
        this.path = b.path;
        this.readonly = b.readonly;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.readonly = readonly;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code path}: REQUIRED: path to the root filesystem, absolute or relative to the bundle. */
    public String path() {
        return path;
    }

    /** {@code readonly}: OPTIONAL: make the root filesystem read-only; defaults to false. */
    public boolean readonly() {
        return readonly;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Root fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("path").ifPresent(b::path);
        f.bool("readonly").ifPresent(b::readonly);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("path", path)
                .putIfTrue("readonly", readonly)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Root other)) {
            return false;
        }
        return Objects.equals(path, other.path)
                && readonly == other.readonly
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, readonly, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Root" + Json.text(toJson());
    }

    /** Builds a {@link Root}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String path = "";
        private boolean readonly;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        public Builder readonly(boolean readonly) {
            this.readonly = readonly;
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

        public Root build() {
            return new Root(this);
        }
    }
}
