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
 * A block device rate limit.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#block-io">config-linux.md#block-io</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"major":8,"minor":0,"rate":600}
 * }</pre>
 */
public final class LinuxThrottleDevice {

    private final long major;
    private final long minor;
    private final long rate;
    private final Map<String, String> extensions;

    private LinuxThrottleDevice(Builder b) {
        this.major = b.major;
        this.minor = b.minor;
        this.rate = b.rate;
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
        b.rate = rate;
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

    /** {@code rate}: REQUIRED: the rate limit (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long rate() {
        return rate;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxThrottleDevice fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("major", IntType.I64).ifPresent(v -> b.major = v);
        f.integer("minor", IntType.I64).ifPresent(v -> b.minor = v);
        f.integer("rate", IntType.U64).ifPresent(v -> b.rate = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("major", major, IntType.I64)
                .put("minor", minor, IntType.I64)
                .put("rate", rate, IntType.U64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxThrottleDevice other)) {
            return false;
        }
        return major == other.major
                && minor == other.minor
                && rate == other.rate
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, rate, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxThrottleDevice" + Json.text(toJson());
    }

    /** Builds a {@link LinuxThrottleDevice}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private long major;
        private long minor;
        private long rate;
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

        public Builder rate(long rate) {
            this.rate = IntType.U64.check("rate", rate);
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

        public LinuxThrottleDevice build() {
            return new LinuxThrottleDevice(this);
        }
    }
}
