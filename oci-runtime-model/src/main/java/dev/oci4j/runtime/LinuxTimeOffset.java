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
 * A clock offset of the time namespace.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#offset-for-time-namespace">config-linux.md#offset-for-time-namespace</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"secs":-86400,"nanosecs":0}
 * }</pre>
 */
public final class LinuxTimeOffset {

    private final long secs;
    private final long nanosecs;
    private final Map<String, String> extensions;

    private LinuxTimeOffset(Builder b) {
        this.secs = b.secs;
        this.nanosecs = b.nanosecs;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.secs = secs;
        b.nanosecs = nanosecs;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code secs}: OPTIONAL: offset in seconds. */
    public long secs() {
        return secs;
    }

    /** {@code nanosecs}: OPTIONAL: additional offset in nanoseconds. */
    public long nanosecs() {
        return nanosecs;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxTimeOffset fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("secs", IntType.I64).ifPresent(v -> b.secs = v);
        f.integer("nanosecs", IntType.U32).ifPresent(v -> b.nanosecs = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfNotZero("secs", secs, IntType.I64)
                .putIfNotZero("nanosecs", nanosecs, IntType.U32)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxTimeOffset other)) {
            return false;
        }
        return secs == other.secs
                && nanosecs == other.nanosecs
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secs, nanosecs, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxTimeOffset" + Json.text(toJson());
    }

    /** Builds a {@link LinuxTimeOffset}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private long secs;
        private long nanosecs;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder secs(long secs) {
            this.secs = IntType.I64.check("secs", secs);
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder nanosecs(long nanosecs) {
            this.nanosecs = IntType.U32.check("nanosecs", nanosecs);
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

        public LinuxTimeOffset build() {
            return new LinuxTimeOffset(this);
        }
    }
}
