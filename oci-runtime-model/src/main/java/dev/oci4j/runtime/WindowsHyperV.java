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
 * Hyper-V isolation of a Windows container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-windows.md#hyperv">config-windows.md#hyperv</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"utilityVMPath":"C:\\path\\to\\utilityvm"}
 * }</pre>
 */
public final class WindowsHyperV {

    private final String utilityVmPath;
    private final Map<String, String> extensions;

    private WindowsHyperV(Builder b) {
        this.utilityVmPath = b.utilityVmPath;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.utilityVmPath = utilityVmPath;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code utilityVMPath}: OPTIONAL: path to the utility VM image. */
    public Optional<String> utilityVmPath() {
        return Optional.ofNullable(utilityVmPath);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static WindowsHyperV fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("utilityVMPath").ifPresent(b::utilityVmPath);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfNotEmpty("utilityVMPath", utilityVmPath)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WindowsHyperV other)) {
            return false;
        }
        return Objects.equals(utilityVmPath, other.utilityVmPath)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(utilityVmPath, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "WindowsHyperV" + Json.text(toJson());
    }

    /** Builds a {@link WindowsHyperV}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String utilityVmPath;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code utilityVMPath}; the empty string leaves it out, as Go's omitempty does. */
        public Builder utilityVmPath(String utilityVmPath) {
            Objects.requireNonNull(utilityVmPath, "utilityVmPath");
            this.utilityVmPath = utilityVmPath.isEmpty() ? null : utilityVmPath;
            return this;
        }

        public Builder clearUtilityVmPath() {
            this.utilityVmPath = null;
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

        public WindowsHyperV build() {
            return new WindowsHyperV(this);
        }
    }
}
