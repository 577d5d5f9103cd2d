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
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cgroup resource limits of the container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#control-groups">config-linux.md#control-groups</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"memory":{"limit":536870912},"pids":{"limit":100}}
 * }</pre>
 */
public final class LinuxResources {

    private final List<LinuxDeviceCgroup> devices;
    private final LinuxMemory memory;
    private final LinuxCpu cpu;
    private final LinuxPids pids;
    private final LinuxBlockIo blockIO;
    private final List<LinuxHugepageLimit> hugepageLimits;
    private final LinuxNetwork network;
    private final Map<String, LinuxRdma> rdma;
    private final Map<String, String> unified;
    private final Map<String, String> extensions;

    private LinuxResources(Builder b) {
        this.devices = List.copyOf(b.devices);
        this.memory = b.memory;
        this.cpu = b.cpu;
        this.pids = b.pids;
        this.blockIO = b.blockIO;
        this.hugepageLimits = List.copyOf(b.hugepageLimits);
        this.network = b.network;
        this.rdma = Collections.unmodifiableMap(new TreeMap<>(b.rdma));
        this.unified = Collections.unmodifiableMap(new TreeMap<>(b.unified));
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.devices = new ArrayList<>(devices);
        b.memory = memory;
        b.cpu = cpu;
        b.pids = pids;
        b.blockIO = blockIO;
        b.hugepageLimits = new ArrayList<>(hugepageLimits);
        b.network = network;
        b.rdma = new TreeMap<>(rdma);
        b.unified = new TreeMap<>(unified);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code devices}: OPTIONAL: the device allowlist. */
    public List<LinuxDeviceCgroup> devices() {
        return devices;
    }

    /** {@code memory}: OPTIONAL: memory limits. */
    public Optional<LinuxMemory> memory() {
        return Optional.ofNullable(memory);
    }

    /** {@code cpu}: OPTIONAL: CPU limits. */
    public Optional<LinuxCpu> cpu() {
        return Optional.ofNullable(cpu);
    }

    /** {@code pids}: OPTIONAL: the process number limit. */
    public Optional<LinuxPids> pids() {
        return Optional.ofNullable(pids);
    }

    /** {@code blockIO}: OPTIONAL: block I/O limits. */
    public Optional<LinuxBlockIo> blockIO() {
        return Optional.ofNullable(blockIO);
    }

    /** {@code hugepageLimits}: OPTIONAL: hugetlb limits. */
    public List<LinuxHugepageLimit> hugepageLimits() {
        return hugepageLimits;
    }

    /** {@code network}: OPTIONAL: network class id and priorities. */
    public Optional<LinuxNetwork> network() {
        return Optional.ofNullable(network);
    }

    /** {@code rdma}: OPTIONAL: RDMA limits keyed by device name. */
    public Map<String, LinuxRdma> rdma() {
        return rdma;
    }

    /** {@code unified}: OPTIONAL: cgroup v2 interface files and values. */
    public Map<String, String> unified() {
        return unified;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxResources fromJson(JsonFields f) {
        Builder b = new Builder();
        b.devices.addAll(f.objectList("devices", LinuxDeviceCgroup::fromJson));
        f.object("memory", LinuxMemory::fromJson).ifPresent(v -> b.memory = v);
        f.object("cpu", LinuxCpu::fromJson).ifPresent(v -> b.cpu = v);
        f.object("pids", LinuxPids::fromJson).ifPresent(v -> b.pids = v);
        f.object("blockIO", LinuxBlockIo::fromJson).ifPresent(v -> b.blockIO = v);
        b.hugepageLimits.addAll(f.objectList("hugepageLimits", LinuxHugepageLimit::fromJson));
        f.object("network", LinuxNetwork::fromJson).ifPresent(v -> b.network = v);
        b.rdma.putAll(f.objectMap("rdma", LinuxRdma::fromJson));
        b.unified.putAll(f.stringMap("unified"));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putObjectsIfNotEmpty("devices", devices, LinuxDeviceCgroup::toJson)
                .putObjectIfPresent("memory", memory(), LinuxMemory::toJson)
                .putObjectIfPresent("cpu", cpu(), LinuxCpu::toJson)
                .putObjectIfPresent("pids", pids(), LinuxPids::toJson)
                .putObjectIfPresent("blockIO", blockIO(), LinuxBlockIo::toJson)
                .putObjectsIfNotEmpty("hugepageLimits", hugepageLimits, LinuxHugepageLimit::toJson)
                .putObjectIfPresent("network", network(), LinuxNetwork::toJson)
                .putObjectMapIfNotEmpty("rdma", rdma, LinuxRdma::toJson)
                .putIfNotEmpty("unified", unified)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxResources other)) {
            return false;
        }
        return Objects.equals(devices, other.devices)
                && Objects.equals(memory, other.memory)
                && Objects.equals(cpu, other.cpu)
                && Objects.equals(pids, other.pids)
                && Objects.equals(blockIO, other.blockIO)
                && Objects.equals(hugepageLimits, other.hugepageLimits)
                && Objects.equals(network, other.network)
                && Objects.equals(rdma, other.rdma)
                && Objects.equals(unified, other.unified)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(devices, memory, cpu, pids, blockIO, hugepageLimits, network, rdma, unified, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxResources" + Json.text(toJson());
    }

    /** Builds a {@link LinuxResources}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private List<LinuxDeviceCgroup> devices = new ArrayList<>();
        private LinuxMemory memory;
        private LinuxCpu cpu;
        private LinuxPids pids;
        private LinuxBlockIo blockIO;
        private List<LinuxHugepageLimit> hugepageLimits = new ArrayList<>();
        private LinuxNetwork network;
        private Map<String, LinuxRdma> rdma = new TreeMap<>();
        private Map<String, String> unified = new TreeMap<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Replaces {@code devices}. */
        public Builder devices(Collection<? extends LinuxDeviceCgroup> devices) {
            this.devices = new ArrayList<>(List.copyOf(devices));
            return this;
        }

        /** Appends one entry to {@code devices}. */
        public Builder addDevice(LinuxDeviceCgroup device) {
            this.devices.add(Objects.requireNonNull(device, "device"));
            return this;
        }

        public Builder memory(LinuxMemory memory) {
            this.memory = Objects.requireNonNull(memory, "memory");
            return this;
        }

        public Builder clearMemory() {
            this.memory = null;
            return this;
        }

        public Builder cpu(LinuxCpu cpu) {
            this.cpu = Objects.requireNonNull(cpu, "cpu");
            return this;
        }

        public Builder clearCpu() {
            this.cpu = null;
            return this;
        }

        public Builder pids(LinuxPids pids) {
            this.pids = Objects.requireNonNull(pids, "pids");
            return this;
        }

        public Builder clearPids() {
            this.pids = null;
            return this;
        }

        public Builder blockIO(LinuxBlockIo blockIO) {
            this.blockIO = Objects.requireNonNull(blockIO, "blockIO");
            return this;
        }

        public Builder clearBlockIO() {
            this.blockIO = null;
            return this;
        }

        /** Replaces {@code hugepageLimits}. */
        public Builder hugepageLimits(Collection<? extends LinuxHugepageLimit> hugepageLimits) {
            this.hugepageLimits = new ArrayList<>(List.copyOf(hugepageLimits));
            return this;
        }

        /** Appends one entry to {@code hugepageLimits}. */
        public Builder addHugepageLimit(LinuxHugepageLimit hugepageLimit) {
            this.hugepageLimits.add(Objects.requireNonNull(hugepageLimit, "hugepageLimit"));
            return this;
        }

        public Builder network(LinuxNetwork network) {
            this.network = Objects.requireNonNull(network, "network");
            return this;
        }

        public Builder clearNetwork() {
            this.network = null;
            return this;
        }

        /** Replaces {@code rdma}. */
        public Builder rdma(Map<String, ? extends LinuxRdma> rdma) {
            this.rdma = new TreeMap<>(rdma);
            return this;
        }

        public Builder putRdma(String key, LinuxRdma value) {
            this.rdma.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder removeRdma(String key) {
            this.rdma.remove(key);
            return this;
        }

        /** Replaces {@code unified}. */
        public Builder unified(Map<String, ? extends String> unified) {
            this.unified = new TreeMap<>(unified);
            return this;
        }

        public Builder putUnified(String key, String value) {
            this.unified.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder removeUnified(String key) {
            this.unified.remove(key);
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

        public LinuxResources build() {
            return new LinuxResources(this);
        }
    }
}
