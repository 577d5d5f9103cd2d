package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The resource limits of a Windows container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-windows.md#resources">config-windows.md#resources</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"memory":{"limit":2097152}}
 * }</pre>
 */
public final class WindowsResources {

    private final WindowsMemoryResources memory;
    private final WindowsCpuResources cpu;
    private final WindowsStorageResources storage;
    private final Map<String, String> extensions;

    private WindowsResources(Builder b) {
        this.memory = b.memory;
        this.cpu = b.cpu;
        this.storage = b.storage;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.memory = memory;
        b.cpu = cpu;
        b.storage = storage;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code memory}: OPTIONAL: memory limit. */
    public Optional<WindowsMemoryResources> memory() {
        return Optional.ofNullable(memory);
    }

    /** {@code cpu}: OPTIONAL: CPU limits. */
    public Optional<WindowsCpuResources> cpu() {
        return Optional.ofNullable(cpu);
    }

    /** {@code storage}: OPTIONAL: storage limits. */
    public Optional<WindowsStorageResources> storage() {
        return Optional.ofNullable(storage);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static WindowsResources fromJson(JsonFields f) {
        Builder b = new Builder();
        f.object("memory", WindowsMemoryResources::fromJson).ifPresent(v -> b.memory = v);
        f.object("cpu", WindowsCpuResources::fromJson).ifPresent(v -> b.cpu = v);
        f.object("storage", WindowsStorageResources::fromJson).ifPresent(v -> b.storage = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putObjectIfPresent("memory", memory(), WindowsMemoryResources::toJson)
                .putObjectIfPresent("cpu", cpu(), WindowsCpuResources::toJson)
                .putObjectIfPresent("storage", storage(), WindowsStorageResources::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WindowsResources other)) {
            return false;
        }
        return Objects.equals(memory, other.memory)
                && Objects.equals(cpu, other.cpu)
                && Objects.equals(storage, other.storage)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memory, cpu, storage, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "WindowsResources" + Json.text(toJson());
    }

    /** Builds a {@link WindowsResources}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private WindowsMemoryResources memory;
        private WindowsCpuResources cpu;
        private WindowsStorageResources storage;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder memory(WindowsMemoryResources memory) {
            this.memory = Objects.requireNonNull(memory, "memory");
            return this;
        }

        public Builder clearMemory() {
            this.memory = null;
            return this;
        }

        public Builder cpu(WindowsCpuResources cpu) {
            this.cpu = Objects.requireNonNull(cpu, "cpu");
            return this;
        }

        public Builder clearCpu() {
            this.cpu = null;
            return this;
        }

        public Builder storage(WindowsStorageResources storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        public Builder clearStorage() {
            this.storage = null;
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

        public WindowsResources build() {
            return new WindowsResources(this);
        }
    }
}
