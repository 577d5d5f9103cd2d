package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.IntType;
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
import java.util.OptionalLong;

/**
 * The blkio (io) cgroup limits.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#block-io">config-linux.md#block-io</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"weight":10,"throttleReadBpsDevice":[{"major":8,"minor":0,"rate":600}]}
 * }</pre>
 */
public final class LinuxBlockIo {

    private final Long weight;
    private final Long leafWeight;
    private final List<LinuxWeightDevice> weightDevice;
    private final List<LinuxThrottleDevice> throttleReadBpsDevice;
    private final List<LinuxThrottleDevice> throttleWriteBpsDevice;
    private final List<LinuxThrottleDevice> throttleReadIOPSDevice;
    private final List<LinuxThrottleDevice> throttleWriteIOPSDevice;
    private final Map<String, String> extensions;

    private LinuxBlockIo(Builder b) {
        this.weight = b.weight;
        this.leafWeight = b.leafWeight;
        this.weightDevice = List.copyOf(b.weightDevice);
        this.throttleReadBpsDevice = List.copyOf(b.throttleReadBpsDevice);
        this.throttleWriteBpsDevice = List.copyOf(b.throttleWriteBpsDevice);
        this.throttleReadIOPSDevice = List.copyOf(b.throttleReadIOPSDevice);
        this.throttleWriteIOPSDevice = List.copyOf(b.throttleWriteIOPSDevice);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.weight = weight;
        b.leafWeight = leafWeight;
        b.weightDevice = new ArrayList<>(weightDevice);
        b.throttleReadBpsDevice = new ArrayList<>(throttleReadBpsDevice);
        b.throttleWriteBpsDevice = new ArrayList<>(throttleWriteBpsDevice);
        b.throttleReadIOPSDevice = new ArrayList<>(throttleReadIOPSDevice);
        b.throttleWriteIOPSDevice = new ArrayList<>(throttleWriteIOPSDevice);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code weight}: OPTIONAL: per-cgroup weight (uint16). */
    public OptionalLong weight() {
        return weight == null ? OptionalLong.empty() : OptionalLong.of(weight);
    }

    /** {@code leafWeight}: OPTIONAL: weight against child cgroups (uint16). */
    public OptionalLong leafWeight() {
        return leafWeight == null ? OptionalLong.empty() : OptionalLong.of(leafWeight);
    }

    /** {@code weightDevice}: OPTIONAL: per-device weights. */
    public List<LinuxWeightDevice> weightDevice() {
        return weightDevice;
    }

    /** {@code throttleReadBpsDevice}: OPTIONAL: per-device read bytes per second. */
    public List<LinuxThrottleDevice> throttleReadBpsDevice() {
        return throttleReadBpsDevice;
    }

    /** {@code throttleWriteBpsDevice}: OPTIONAL: per-device write bytes per second. */
    public List<LinuxThrottleDevice> throttleWriteBpsDevice() {
        return throttleWriteBpsDevice;
    }

    /** {@code throttleReadIOPSDevice}: OPTIONAL: per-device read operations per second. */
    public List<LinuxThrottleDevice> throttleReadIOPSDevice() {
        return throttleReadIOPSDevice;
    }

    /** {@code throttleWriteIOPSDevice}: OPTIONAL: per-device write operations per second. */
    public List<LinuxThrottleDevice> throttleWriteIOPSDevice() {
        return throttleWriteIOPSDevice;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxBlockIo fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("weight", IntType.U16).ifPresent(v -> b.weight = v);
        f.integer("leafWeight", IntType.U16).ifPresent(v -> b.leafWeight = v);
        b.weightDevice.addAll(f.objectList("weightDevice", LinuxWeightDevice::fromJson));
        b.throttleReadBpsDevice.addAll(f.objectList("throttleReadBpsDevice", LinuxThrottleDevice::fromJson));
        b.throttleWriteBpsDevice.addAll(f.objectList("throttleWriteBpsDevice", LinuxThrottleDevice::fromJson));
        b.throttleReadIOPSDevice.addAll(f.objectList("throttleReadIOPSDevice", LinuxThrottleDevice::fromJson));
        b.throttleWriteIOPSDevice.addAll(f.objectList("throttleWriteIOPSDevice", LinuxThrottleDevice::fromJson));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("weight", weight(), IntType.U16)
                .putIfPresent("leafWeight", leafWeight(), IntType.U16)
                .putObjectsIfNotEmpty("weightDevice", weightDevice, LinuxWeightDevice::toJson)
                .putObjectsIfNotEmpty("throttleReadBpsDevice", throttleReadBpsDevice, LinuxThrottleDevice::toJson)
                .putObjectsIfNotEmpty("throttleWriteBpsDevice", throttleWriteBpsDevice, LinuxThrottleDevice::toJson)
                .putObjectsIfNotEmpty("throttleReadIOPSDevice", throttleReadIOPSDevice, LinuxThrottleDevice::toJson)
                .putObjectsIfNotEmpty("throttleWriteIOPSDevice", throttleWriteIOPSDevice, LinuxThrottleDevice::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxBlockIo other)) {
            return false;
        }
        return Objects.equals(weight, other.weight)
                && Objects.equals(leafWeight, other.leafWeight)
                && Objects.equals(weightDevice, other.weightDevice)
                && Objects.equals(throttleReadBpsDevice, other.throttleReadBpsDevice)
                && Objects.equals(throttleWriteBpsDevice, other.throttleWriteBpsDevice)
                && Objects.equals(throttleReadIOPSDevice, other.throttleReadIOPSDevice)
                && Objects.equals(throttleWriteIOPSDevice, other.throttleWriteIOPSDevice)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weight, leafWeight, weightDevice, throttleReadBpsDevice, throttleWriteBpsDevice, throttleReadIOPSDevice, throttleWriteIOPSDevice, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxBlockIo" + Json.text(toJson());
    }

    /** Builds a {@link LinuxBlockIo}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Long weight;
        private Long leafWeight;
        private List<LinuxWeightDevice> weightDevice = new ArrayList<>();
        private List<LinuxThrottleDevice> throttleReadBpsDevice = new ArrayList<>();
        private List<LinuxThrottleDevice> throttleWriteBpsDevice = new ArrayList<>();
        private List<LinuxThrottleDevice> throttleReadIOPSDevice = new ArrayList<>();
        private List<LinuxThrottleDevice> throttleWriteIOPSDevice = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint16 */
        public Builder weight(long weight) {
            this.weight = IntType.U16.check("weight", weight);
            return this;
        }

        public Builder clearWeight() {
            this.weight = null;
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint16 */
        public Builder leafWeight(long leafWeight) {
            this.leafWeight = IntType.U16.check("leafWeight", leafWeight);
            return this;
        }

        public Builder clearLeafWeight() {
            this.leafWeight = null;
            return this;
        }

        /** Replaces {@code weightDevice}. */
        public Builder weightDevice(Collection<? extends LinuxWeightDevice> weightDevice) {
            this.weightDevice = new ArrayList<>(List.copyOf(weightDevice));
            return this;
        }

        /** Appends one entry to {@code weightDevice}. */
        public Builder addWeightDevice(LinuxWeightDevice weightDevice) {
            this.weightDevice.add(Objects.requireNonNull(weightDevice, "weightDevice"));
            return this;
        }

        /** Replaces {@code throttleReadBpsDevice}. */
        public Builder throttleReadBpsDevice(Collection<? extends LinuxThrottleDevice> throttleReadBpsDevice) {
            this.throttleReadBpsDevice = new ArrayList<>(List.copyOf(throttleReadBpsDevice));
            return this;
        }

        /** Appends one entry to {@code throttleReadBpsDevice}. */
        public Builder addThrottleReadBpsDevice(LinuxThrottleDevice throttleReadBpsDevice) {
            this.throttleReadBpsDevice.add(Objects.requireNonNull(throttleReadBpsDevice, "throttleReadBpsDevice"));
            return this;
        }

        /** Replaces {@code throttleWriteBpsDevice}. */
        public Builder throttleWriteBpsDevice(Collection<? extends LinuxThrottleDevice> throttleWriteBpsDevice) {
            this.throttleWriteBpsDevice = new ArrayList<>(List.copyOf(throttleWriteBpsDevice));
            return this;
        }

        /** Appends one entry to {@code throttleWriteBpsDevice}. */
        public Builder addThrottleWriteBpsDevice(LinuxThrottleDevice throttleWriteBpsDevice) {
            this.throttleWriteBpsDevice.add(Objects.requireNonNull(throttleWriteBpsDevice, "throttleWriteBpsDevice"));
            return this;
        }

        /** Replaces {@code throttleReadIOPSDevice}. */
        public Builder throttleReadIOPSDevice(Collection<? extends LinuxThrottleDevice> throttleReadIOPSDevice) {
            this.throttleReadIOPSDevice = new ArrayList<>(List.copyOf(throttleReadIOPSDevice));
            return this;
        }

        /** Appends one entry to {@code throttleReadIOPSDevice}. */
        public Builder addThrottleReadIOPSDevice(LinuxThrottleDevice throttleReadIOPSDevice) {
            this.throttleReadIOPSDevice.add(Objects.requireNonNull(throttleReadIOPSDevice, "throttleReadIOPSDevice"));
            return this;
        }

        /** Replaces {@code throttleWriteIOPSDevice}. */
        public Builder throttleWriteIOPSDevice(Collection<? extends LinuxThrottleDevice> throttleWriteIOPSDevice) {
            this.throttleWriteIOPSDevice = new ArrayList<>(List.copyOf(throttleWriteIOPSDevice));
            return this;
        }

        /** Appends one entry to {@code throttleWriteIOPSDevice}. */
        public Builder addThrottleWriteIOPSDevice(LinuxThrottleDevice throttleWriteIOPSDevice) {
            this.throttleWriteIOPSDevice.add(Objects.requireNonNull(throttleWriteIOPSDevice, "throttleWriteIOPSDevice"));
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

        public LinuxBlockIo build() {
            return new LinuxBlockIo(this);
        }
    }
}
