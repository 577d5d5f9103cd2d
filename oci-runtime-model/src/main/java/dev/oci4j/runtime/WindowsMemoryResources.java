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
import java.util.OptionalLong;

/**
 * The memory limit of a Windows container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-windows.md#memory">config-windows.md#memory</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"limit":2097152}
 * }</pre>
 */
public final class WindowsMemoryResources {

    private final Long limit;
    private final Map<String, String> extensions;

    private WindowsMemoryResources(Builder b) {
        this.limit = b.limit;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.limit = limit;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code limit}: OPTIONAL: the memory limit in bytes (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong limit() {
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static WindowsMemoryResources fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("limit", IntType.U64).ifPresent(v -> b.limit = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("limit", limit(), IntType.U64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WindowsMemoryResources other)) {
            return false;
        }
        return Objects.equals(limit, other.limit)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "WindowsMemoryResources" + Json.text(toJson());
    }

    /** Builds a {@link WindowsMemoryResources}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Long limit;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder limit(long limit) {
            this.limit = IntType.U64.check("limit", limit);
            return this;
        }

        public Builder clearLimit() {
            this.limit = null;
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

        public WindowsMemoryResources build() {
            return new WindowsMemoryResources(this);
        }
    }
}
