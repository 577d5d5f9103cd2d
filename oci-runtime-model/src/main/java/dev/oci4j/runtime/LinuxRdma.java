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
 * The RDMA cgroup limits of one device.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#rdma">config-linux.md#rdma</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"hcaHandles":3,"hcaObjects":10000}
 * }</pre>
 */
public final class LinuxRdma {

    private final Long hcaHandles;
    private final Long hcaObjects;
    private final Map<String, String> extensions;

    private LinuxRdma(Builder b) {
        this.hcaHandles = b.hcaHandles;
        this.hcaObjects = b.hcaObjects;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hcaHandles = hcaHandles;
        b.hcaObjects = hcaObjects;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code hcaHandles}: OPTIONAL: maximum HCA handles (uint32). */
    public OptionalLong hcaHandles() {
        return hcaHandles == null ? OptionalLong.empty() : OptionalLong.of(hcaHandles);
    }

    /** {@code hcaObjects}: OPTIONAL: maximum HCA objects (uint32). */
    public OptionalLong hcaObjects() {
        return hcaObjects == null ? OptionalLong.empty() : OptionalLong.of(hcaObjects);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxRdma fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("hcaHandles", IntType.U32).ifPresent(v -> b.hcaHandles = v);
        f.integer("hcaObjects", IntType.U32).ifPresent(v -> b.hcaObjects = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("hcaHandles", hcaHandles(), IntType.U32)
                .putIfPresent("hcaObjects", hcaObjects(), IntType.U32)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxRdma other)) {
            return false;
        }
        return Objects.equals(hcaHandles, other.hcaHandles)
                && Objects.equals(hcaObjects, other.hcaObjects)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hcaHandles, hcaObjects, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxRdma" + Json.text(toJson());
    }

    /** Builds a {@link LinuxRdma}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Long hcaHandles;
        private Long hcaObjects;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder hcaHandles(long hcaHandles) {
            this.hcaHandles = IntType.U32.check("hcaHandles", hcaHandles);
            return this;
        }

        public Builder clearHcaHandles() {
            this.hcaHandles = null;
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder hcaObjects(long hcaObjects) {
            this.hcaObjects = IntType.U32.check("hcaObjects", hcaObjects);
            return this;
        }

        public Builder clearHcaObjects() {
            this.hcaObjects = null;
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

        public LinuxRdma build() {
            return new LinuxRdma(this);
        }
    }
}
