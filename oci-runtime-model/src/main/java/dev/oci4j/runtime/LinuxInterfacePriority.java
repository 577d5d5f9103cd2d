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
 * The priority of network traffic on one interface.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#network">config-linux.md#network</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"name":"eth0","priority":500}
 * }</pre>
 */
public final class LinuxInterfacePriority {

    private final String name;
    private final long priority;
    private final Map<String, String> extensions;

    private LinuxInterfacePriority(Builder b) {
        this.name = b.name;
        this.priority = b.priority;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.priority = priority;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code name}: REQUIRED: the interface name. */
    public String name() {
        return name;
    }

    /** {@code priority}: REQUIRED: the priority (uint32). */
    public long priority() {
        return priority;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxInterfacePriority fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("name").ifPresent(b::name);
        f.integer("priority", IntType.U32).ifPresent(v -> b.priority = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("name", name)
                .put("priority", priority, IntType.U32)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxInterfacePriority other)) {
            return false;
        }
        return Objects.equals(name, other.name)
                && priority == other.priority
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, priority, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxInterfacePriority" + Json.text(toJson());
    }

    /** Builds a {@link LinuxInterfacePriority}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String name = "";
        private long priority;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder priority(long priority) {
            this.priority = IntType.U32.check("priority", priority);
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

        public LinuxInterfacePriority build() {
            return new LinuxInterfacePriority(this);
        }
    }
}
