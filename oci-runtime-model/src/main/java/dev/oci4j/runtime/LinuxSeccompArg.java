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
 * A condition on one syscall argument in a seccomp rule.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#seccomp">config-linux.md#seccomp</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"index":1,"value":255,"valueTwo":4,"op":"SCMP_CMP_MASKED_EQ"}
 * }</pre>
 */
public final class LinuxSeccompArg {

    private final long index;
    private final long value;
    private final long valueTwo;
    private final LinuxSeccompOperator op;
    private final Map<String, String> extensions;

    private LinuxSeccompArg(Builder b) {
        this.index = b.index;
        this.value = b.value;
        this.valueTwo = b.valueTwo;
        this.op = b.op;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.index = index;
        b.value = value;
        b.valueTwo = valueTwo;
        b.op = op;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code index}: REQUIRED: the argument index (Go uint). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long index() {
        return index;
    }

    /** {@code value}: REQUIRED: the value to compare with (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long value() {
        return value;
    }

    /** {@code valueTwo}: OPTIONAL: the second value, for SCMP_CMP_MASKED_EQ (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long valueTwo() {
        return valueTwo;
    }

    /** {@code op}: REQUIRED: the comparison operator. */
    public LinuxSeccompOperator op() {
        return op;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxSeccompArg fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("index", IntType.U64).ifPresent(v -> b.index = v);
        f.integer("value", IntType.U64).ifPresent(v -> b.value = v);
        f.integer("valueTwo", IntType.U64).ifPresent(v -> b.valueTwo = v);
        f.string("op").ifPresent(v -> b.op(LinuxSeccompOperator.of(v)));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("index", index, IntType.U64)
                .put("value", value, IntType.U64)
                .putIfNotZero("valueTwo", valueTwo, IntType.U64)
                .put("op", op.value())
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxSeccompArg other)) {
            return false;
        }
        return index == other.index
                && value == other.value
                && valueTwo == other.valueTwo
                && Objects.equals(op, other.op)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, value, valueTwo, op, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxSeccompArg" + Json.text(toJson());
    }

    /** Builds a {@link LinuxSeccompArg}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private long index;
        private long value;
        private long valueTwo;
        private LinuxSeccompOperator op = LinuxSeccompOperator.of("");
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder index(long index) {
            this.index = IntType.U64.check("index", index);
            return this;
        }

        public Builder value(long value) {
            this.value = IntType.U64.check("value", value);
            return this;
        }

        public Builder valueTwo(long valueTwo) {
            this.valueTwo = IntType.U64.check("valueTwo", valueTwo);
            return this;
        }

        public Builder op(LinuxSeccompOperator op) {
            this.op = Objects.requireNonNull(op, "op");
            return this;
        }

        public Builder op(String op) {
            return op(LinuxSeccompOperator.of(op));
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

        public LinuxSeccompArg build() {
            return new LinuxSeccompArg(this);
        }
    }
}
