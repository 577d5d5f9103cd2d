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
 * A block device weight.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#block-io">config-linux.md#block-io</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"major":8,"minor":0,"weight":500}
 * }</pre>
 */
public final class LinuxWeightDevice {

    private final long major;
    private final long minor;
    private final Long weight;
    private final Long leafWeight;
    private final Map<String, String> extensions;

    private LinuxWeightDevice(Builder b) {
        this.major = b.major;
        this.minor = b.minor;
        this.weight = b.weight;
        this.leafWeight = b.leafWeight;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.major = major;
        b.minor = minor;
        b.weight = weight;
        b.leafWeight = leafWeight;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code major}: REQUIRED: the major number. */
    public long major() {
        return major;
    }

    /** {@code minor}: REQUIRED: the minor number. */
    public long minor() {
        return minor;
    }

    /** {@code weight}: OPTIONAL: the weight (uint16). */
    public OptionalLong weight() {
        return weight == null ? OptionalLong.empty() : OptionalLong.of(weight);
    }

    /** {@code leafWeight}: OPTIONAL: the leaf weight (uint16). */
    public OptionalLong leafWeight() {
        return leafWeight == null ? OptionalLong.empty() : OptionalLong.of(leafWeight);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxWeightDevice fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("major", IntType.I64).ifPresent(v -> b.major = v);
        f.integer("minor", IntType.I64).ifPresent(v -> b.minor = v);
        f.integer("weight", IntType.U16).ifPresent(v -> b.weight = v);
        f.integer("leafWeight", IntType.U16).ifPresent(v -> b.leafWeight = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("major", major, IntType.I64)
                .put("minor", minor, IntType.I64)
                .putIfPresent("weight", weight(), IntType.U16)
                .putIfPresent("leafWeight", leafWeight(), IntType.U16)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxWeightDevice other)) {
            return false;
        }
        return major == other.major
                && minor == other.minor
                && Objects.equals(weight, other.weight)
                && Objects.equals(leafWeight, other.leafWeight)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, weight, leafWeight, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxWeightDevice" + Json.text(toJson());
    }

    /** Builds a {@link LinuxWeightDevice}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private long major;
        private long minor;
        private Long weight;
        private Long leafWeight;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder major(long major) {
            this.major = IntType.I64.check("major", major);
            return this;
        }

        public Builder minor(long minor) {
            this.minor = IntType.I64.check("minor", minor);
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint16 */
        public Builder weight(long weight) {
            this.weight = IntType.U16.check("weight", weight);
            return this;
        }

        public Builder clearWeight() {
            this.weight = null;
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint16 */
        public Builder leafWeight(long leafWeight) {
            this.leafWeight = IntType.U16.check("leafWeight", leafWeight);
            return this;
        }

        public Builder clearLeafWeight() {
            this.leafWeight = null;
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

        public LinuxWeightDevice build() {
            return new LinuxWeightDevice(this);
        }
    }
}
