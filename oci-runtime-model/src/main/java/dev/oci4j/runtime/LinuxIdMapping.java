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
 * A range of user or group ids mapped into a user namespace or an idmapped mount.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#user-namespace-mappings">config-linux.md#user-namespace-mappings</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"containerID":0,"hostID":1000,"size":32000}
 * }</pre>
 */
public final class LinuxIdMapping {

    private final long containerID;
    private final long hostID;
    private final long size;
    private final Map<String, String> extensions;

    private LinuxIdMapping(Builder b) {
        this.containerID = b.containerID;
        this.hostID = b.hostID;
        this.size = b.size;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.containerID = containerID;
        b.hostID = hostID;
        b.size = size;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code containerID}: REQUIRED: the first id in the container. */
    public long containerID() {
        return containerID;
    }

    /** {@code hostID}: REQUIRED: the first id on the host. */
    public long hostID() {
        return hostID;
    }

    /** {@code size}: REQUIRED: the number of ids mapped. */
    public long size() {
        return size;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxIdMapping fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("containerID", IntType.U32).ifPresent(v -> b.containerID = v);
        f.integer("hostID", IntType.U32).ifPresent(v -> b.hostID = v);
        f.integer("size", IntType.U32).ifPresent(v -> b.size = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("containerID", containerID, IntType.U32)
                .put("hostID", hostID, IntType.U32)
                .put("size", size, IntType.U32)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxIdMapping other)) {
            return false;
        }
        return containerID == other.containerID
                && hostID == other.hostID
                && size == other.size
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(containerID, hostID, size, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxIdMapping" + Json.text(toJson());
    }

    /** Builds a {@link LinuxIdMapping}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private long containerID;
        private long hostID;
        private long size;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder containerID(long containerID) {
            this.containerID = IntType.U32.check("containerID", containerID);
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder hostID(long hostID) {
            this.hostID = IntType.U32.check("hostID", hostID);
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder size(long size) {
            this.size = IntType.U32.check("size", size);
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

        public LinuxIdMapping build() {
            return new LinuxIdMapping(this);
        }
    }
}
