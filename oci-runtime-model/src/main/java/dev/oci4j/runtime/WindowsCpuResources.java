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
 * The CPU limits of a Windows container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-windows.md#cpu">config-windows.md#cpu</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"maximum":5000}
 * }</pre>
 */
public final class WindowsCpuResources {

    private final Long count;
    private final Long shares;
    private final Long maximum;
    private final Map<String, String> extensions;

    private WindowsCpuResources(Builder b) {
        this.count = b.count;
        this.shares = b.shares;
        this.maximum = b.maximum;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.count = count;
        b.shares = shares;
        b.maximum = maximum;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code count}: OPTIONAL: the number of CPUs (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong count() {
        return count == null ? OptionalLong.empty() : OptionalLong.of(count);
    }

    /** {@code shares}: OPTIONAL: relative CPU weight, 0 to 10000 (uint16). */
    public OptionalLong shares() {
        return shares == null ? OptionalLong.empty() : OptionalLong.of(shares);
    }

    /** {@code maximum}: OPTIONAL: cycles per 10000 the container may use (uint16). */
    public OptionalLong maximum() {
        return maximum == null ? OptionalLong.empty() : OptionalLong.of(maximum);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static WindowsCpuResources fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("count", IntType.U64).ifPresent(v -> b.count = v);
        f.integer("shares", IntType.U16).ifPresent(v -> b.shares = v);
        f.integer("maximum", IntType.U16).ifPresent(v -> b.maximum = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("count", count(), IntType.U64)
                .putIfPresent("shares", shares(), IntType.U16)
                .putIfPresent("maximum", maximum(), IntType.U16)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WindowsCpuResources other)) {
            return false;
        }
        return Objects.equals(count, other.count)
                && Objects.equals(shares, other.shares)
                && Objects.equals(maximum, other.maximum)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, shares, maximum, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "WindowsCpuResources" + Json.text(toJson());
    }

    /** Builds a {@link WindowsCpuResources}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Long count;
        private Long shares;
        private Long maximum;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder count(long count) {
            this.count = IntType.U64.check("count", count);
            return this;
        }

        public Builder clearCount() {
            this.count = null;
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint16 */
        public Builder shares(long shares) {
            this.shares = IntType.U16.check("shares", shares);
            return this;
        }

        public Builder clearShares() {
            this.shares = null;
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint16 */
        public Builder maximum(long maximum) {
            this.maximum = IntType.U16.check("maximum", maximum);
            return this;
        }

        public Builder clearMaximum() {
            this.maximum = null;
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

        public WindowsCpuResources build() {
            return new WindowsCpuResources(this);
        }
    }
}
