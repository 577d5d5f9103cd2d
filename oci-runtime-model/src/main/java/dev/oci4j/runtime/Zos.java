package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The z/OS-specific part of the configuration.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-zos.md">config-zos.md</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"devices":[{"path":"/dev/zcrypt","type":"c","major":10,"minor":229}]}
 * }</pre>
 */
public final class Zos {

    private final List<ZosDevice> devices;
    private final Map<String, String> extensions;

    private Zos(Builder b) {
        this.devices = List.copyOf(b.devices);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.devices = new ArrayList<>(devices);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code devices}: OPTIONAL: devices that MUST be available in the container. */
    public List<ZosDevice> devices() {
        return devices;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Zos fromJson(JsonFields f) {
        Builder b = new Builder();
        b.devices.addAll(f.objectList("devices", ZosDevice::fromJson));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putObjectsIfNotEmpty("devices", devices, ZosDevice::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Zos other)) {
            return false;
        }
        return Objects.equals(devices, other.devices)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(devices, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Zos" + Json.text(toJson());
    }

    /** Builds a {@link Zos}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private List<ZosDevice> devices = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Replaces {@code devices}. */
        public Builder devices(Collection<? extends ZosDevice> devices) {
            this.devices = new ArrayList<>(List.copyOf(devices));
            return this;
        }

        /** Appends one entry to {@code devices}. */
        public Builder addDevice(ZosDevice device) {
            this.devices.add(Objects.requireNonNull(device, "device"));
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

        public Zos build() {
            return new Zos(this);
        }
    }
}
