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
 * The storage limits of a Windows container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-windows.md#storage">config-windows.md#storage</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"iops":50}
 * }</pre>
 */
public final class WindowsStorageResources {

    private final Long iops;
    private final Long bps;
    private final Long sandboxSize;
    private final Map<String, String> extensions;

    private WindowsStorageResources(Builder b) {
        this.iops = b.iops;
        this.bps = b.bps;
        this.sandboxSize = b.sandboxSize;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.iops = iops;
        b.bps = bps;
        b.sandboxSize = sandboxSize;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code iops}: OPTIONAL: maximum IO operations per second on the system drive (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong iops() {
        return iops == null ? OptionalLong.empty() : OptionalLong.of(iops);
    }

    /** {@code bps}: OPTIONAL: maximum bytes per second on the system drive (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong bps() {
        return bps == null ? OptionalLong.empty() : OptionalLong.of(bps);
    }

    /** {@code sandboxSize}: OPTIONAL: minimum size of the system drive in bytes (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong sandboxSize() {
        return sandboxSize == null ? OptionalLong.empty() : OptionalLong.of(sandboxSize);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static WindowsStorageResources fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("iops", IntType.U64).ifPresent(v -> b.iops = v);
        f.integer("bps", IntType.U64).ifPresent(v -> b.bps = v);
        f.integer("sandboxSize", IntType.U64).ifPresent(v -> b.sandboxSize = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("iops", iops(), IntType.U64)
                .putIfPresent("bps", bps(), IntType.U64)
                .putIfPresent("sandboxSize", sandboxSize(), IntType.U64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WindowsStorageResources other)) {
            return false;
        }
        return Objects.equals(iops, other.iops)
                && Objects.equals(bps, other.bps)
                && Objects.equals(sandboxSize, other.sandboxSize)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(iops, bps, sandboxSize, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "WindowsStorageResources" + Json.text(toJson());
    }

    /** Builds a {@link WindowsStorageResources}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Long iops;
        private Long bps;
        private Long sandboxSize;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder iops(long iops) {
            this.iops = IntType.U64.check("iops", iops);
            return this;
        }

        public Builder clearIops() {
            this.iops = null;
            return this;
        }

        public Builder bps(long bps) {
            this.bps = IntType.U64.check("bps", bps);
            return this;
        }

        public Builder clearBps() {
            this.bps = null;
            return this;
        }

        public Builder sandboxSize(long sandboxSize) {
            this.sandboxSize = IntType.U64.check("sandboxSize", sandboxSize);
            return this;
        }

        public Builder clearSandboxSize() {
            this.sandboxSize = null;
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

        public WindowsStorageResources build() {
            return new WindowsStorageResources(this);
        }
    }
}
