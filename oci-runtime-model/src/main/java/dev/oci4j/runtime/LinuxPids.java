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

/**
 * The pids cgroup limit.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#pids">config-linux.md#pids</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"limit":32771}
 * }</pre>
 */
public final class LinuxPids {

    private final long limit;
    private final Map<String, String> extensions;

    private LinuxPids(Builder b) {
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

    /** {@code limit}: REQUIRED: the maximum number of tasks; 0 or -1 is no limit (int64). */
    public long limit() {
        return limit;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxPids fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("limit", IntType.I64).ifPresent(v -> b.limit = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("limit", limit, IntType.I64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxPids other)) {
            return false;
        }
        return limit == other.limit
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxPids" + Json.text(toJson());
    }

    /** Builds a {@link LinuxPids}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private long limit;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder limit(long limit) {
            this.limit = IntType.I64.check("limit", limit);
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

        public LinuxPids build() {
            return new LinuxPids(this);
        }
    }
}
