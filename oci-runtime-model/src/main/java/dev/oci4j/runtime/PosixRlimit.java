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
 * A resource limit of the container process, as setrlimit(2).
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#posix-process">config.md#posix-process</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"type":"RLIMIT_NOFILE","hard":1024,"soft":1024}
 * }</pre>
 */
public final class PosixRlimit {

    private final String type;
    private final long hard;
    private final long soft;
    private final Map<String, String> extensions;

    private PosixRlimit(Builder b) {
        this.type = b.type;
        this.hard = b.hard;
        this.soft = b.soft;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.hard = hard;
        b.soft = soft;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code type}: REQUIRED: the resource, such as RLIMIT_NOFILE. */
    public String type() {
        return type;
    }

    /** {@code hard}: REQUIRED: the ceiling for the soft limit (uint64: 2^64-1 is RLIM_INFINITY). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long hard() {
        return hard;
    }

    /** {@code soft}: REQUIRED: the limit the kernel enforces (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long soft() {
        return soft;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static PosixRlimit fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("type").ifPresent(b::type);
        f.integer("hard", IntType.U64).ifPresent(v -> b.hard = v);
        f.integer("soft", IntType.U64).ifPresent(v -> b.soft = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("type", type)
                .put("hard", hard, IntType.U64)
                .put("soft", soft, IntType.U64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PosixRlimit other)) {
            return false;
        }
        return Objects.equals(type, other.type)
                && hard == other.hard
                && soft == other.soft
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, hard, soft, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "PosixRlimit" + Json.text(toJson());
    }

    /** Builds a {@link PosixRlimit}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String type = "";
        private long hard;
        private long soft;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder hard(long hard) {
            this.hard = IntType.U64.check("hard", hard);
            return this;
        }

        public Builder soft(long soft) {
            this.soft = IntType.U64.check("soft", soft);
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

        public PosixRlimit build() {
            return new PosixRlimit(this);
        }
    }
}
