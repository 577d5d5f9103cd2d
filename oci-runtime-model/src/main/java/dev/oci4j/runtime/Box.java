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
 * The size of the console, in characters.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#process">config.md#process</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"height":24,"width":80}
 * }</pre>
 */
public final class Box {

    private final long height;
    private final long width;
    private final Map<String, String> extensions;

    private Box(Builder b) {
        this.height = b.height;
        this.width = b.width;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.height = height;
        b.width = width;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code height}: REQUIRED: the height (Go uint). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long height() {
        return height;
    }

    /** {@code width}: REQUIRED: the width (Go uint). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long width() {
        return width;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Box fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("height", IntType.U64).ifPresent(v -> b.height = v);
        f.integer("width", IntType.U64).ifPresent(v -> b.width = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("height", height, IntType.U64)
                .put("width", width, IntType.U64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Box other)) {
            return false;
        }
        return height == other.height
                && width == other.width
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(height, width, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Box" + Json.text(toJson());
    }

    /** Builds a {@link Box}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private long height;
        private long width;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder height(long height) {
            this.height = IntType.U64.check("height", height);
            return this;
        }

        public Builder width(long width) {
            this.width = IntType.U64.check("width", width);
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

        public Box build() {
            return new Box(this);
        }
    }
}
