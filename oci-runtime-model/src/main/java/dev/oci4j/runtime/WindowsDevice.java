package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A host device mapped into a Windows container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-windows.md#devices">config-windows.md#devices</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"id":"24E552F6-3CE5-4A07-9B80-26CE7D13A6E8","idType":"class"}
 * }</pre>
 */
public final class WindowsDevice {

    private final String id;
    private final String idType;
    private final Map<String, String> extensions;

    private WindowsDevice(Builder b) {
        this.id = b.id;
        this.idType = b.idType;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.idType = idType;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code id}: REQUIRED: the device identifier. */
    public String id() {
        return id;
    }

    /** {@code idType}: REQUIRED: the identifier type, such as class. */
    public String idType() {
        return idType;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static WindowsDevice fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("id").ifPresent(b::id);
        f.string("idType").ifPresent(b::idType);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("id", id)
                .put("idType", idType)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WindowsDevice other)) {
            return false;
        }
        return Objects.equals(id, other.id)
                && Objects.equals(idType, other.idType)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, idType, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "WindowsDevice" + Json.text(toJson());
    }

    /** Builds a {@link WindowsDevice}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String id = "";
        private String idType = "";
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder idType(String idType) {
            this.idType = Objects.requireNonNull(idType, "idType");
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

        public WindowsDevice build() {
            return new WindowsDevice(this);
        }
    }
}
