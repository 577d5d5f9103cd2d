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
 * The I/O priority of the container process, as ioprio_set(2).
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#linux-process">config.md#linux-process</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"class":"IOPRIO_CLASS_RT","priority":0}
 * }</pre>
 */
public final class LinuxIoPriority {

    private final IoPriorityClass ioClass;
    private final long priority;
    private final Map<String, String> extensions;

    private LinuxIoPriority(Builder b) {
        this.ioClass = b.ioClass;
        this.priority = b.priority;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ioClass = ioClass;
        b.priority = priority;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code class}: REQUIRED: the I/O scheduling class. */
    public IoPriorityClass ioClass() {
        return ioClass;
    }

    /** {@code priority}: REQUIRED: the priority level within the class, 0 (highest) to 7 (Go int). */
    public long priority() {
        return priority;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxIoPriority fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("class").ifPresent(v -> b.ioClass(IoPriorityClass.of(v)));
        f.integer("priority", IntType.I64).ifPresent(v -> b.priority = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("class", ioClass.value())
                .put("priority", priority, IntType.I64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxIoPriority other)) {
            return false;
        }
        return Objects.equals(ioClass, other.ioClass)
                && priority == other.priority
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ioClass, priority, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxIoPriority" + Json.text(toJson());
    }

    /** Builds a {@link LinuxIoPriority}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private IoPriorityClass ioClass = IoPriorityClass.of("");
        private long priority;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder ioClass(IoPriorityClass ioClass) {
            this.ioClass = Objects.requireNonNull(ioClass, "ioClass");
            return this;
        }

        public Builder ioClass(String ioClass) {
            return ioClass(IoPriorityClass.of(ioClass));
        }

        public Builder priority(long priority) {
            this.priority = IntType.I64.check("priority", priority);
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

        public LinuxIoPriority build() {
            return new LinuxIoPriority(this);
        }
    }
}
