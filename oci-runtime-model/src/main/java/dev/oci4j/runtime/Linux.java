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
 * The Linux-specific part of the configuration.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md">config-linux.md</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"namespaces":[{"type":"pid"},{"type":"mount"}],"maskedPaths":["/proc/kcore"]}
 * }</pre>
 */
public final class Linux {

    private final List<LinuxIdMapping> uidMappings;
    private final List<LinuxIdMapping> gidMappings;
    private final Map<String, String> sysctl;
    private final LinuxResources resources;
    private final String cgroupsPath;
    private final List<LinuxNamespace> namespaces;
    private final List<LinuxDevice> devices;
    private final LinuxSeccomp seccomp;
    private final String rootfsPropagation;
    private final List<String> maskedPaths;
    private final List<String> readonlyPaths;
    private final String mountLabel;
    private final LinuxIntelRdt intelRdt;
    private final LinuxPersonality personality;
    private final Map<String, LinuxTimeOffset> timeOffsets;
    private final Map<String, String> extensions;

    private Linux(Builder b) {
        this.uidMappings = List.copyOf(b.uidMappings);
        this.gidMappings = List.copyOf(b.gidMappings);
        this.sysctl = Collections.unmodifiableMap(new TreeMap<>(b.sysctl));
        this.resources = b.resources;
        this.cgroupsPath = b.cgroupsPath;
        this.namespaces = List.copyOf(b.namespaces);
        this.devices = List.copyOf(b.devices);
        this.seccomp = b.seccomp;
        this.rootfsPropagation = b.rootfsPropagation;
        this.maskedPaths = List.copyOf(b.maskedPaths);
        this.readonlyPaths = List.copyOf(b.readonlyPaths);
        this.mountLabel = b.mountLabel;
        this.intelRdt = b.intelRdt;
        this.personality = b.personality;
        this.timeOffsets = Collections.unmodifiableMap(new TreeMap<>(b.timeOffsets));
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.uidMappings = new ArrayList<>(uidMappings);
        b.gidMappings = new ArrayList<>(gidMappings);
        b.sysctl = new TreeMap<>(sysctl);
        b.resources = resources;
        b.cgroupsPath = cgroupsPath;
        b.namespaces = new ArrayList<>(namespaces);
        b.devices = new ArrayList<>(devices);
        b.seccomp = seccomp;
        b.rootfsPropagation = rootfsPropagation;
        b.maskedPaths = new ArrayList<>(maskedPaths);
        b.readonlyPaths = new ArrayList<>(readonlyPaths);
        b.mountLabel = mountLabel;
        b.intelRdt = intelRdt;
        b.personality = personality;
        b.timeOffsets = new TreeMap<>(timeOffsets);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code uidMappings}: OPTIONAL: uid mappings of the user namespace. */
    public List<LinuxIdMapping> uidMappings() {
        return uidMappings;
    }

    /** {@code gidMappings}: OPTIONAL: gid mappings of the user namespace. */
    public List<LinuxIdMapping> gidMappings() {
        return gidMappings;
    }

    /** {@code sysctl}: OPTIONAL: kernel parameters to set. */
    public Map<String, String> sysctl() {
        return sysctl;
    }

    /** {@code resources}: OPTIONAL: cgroup resource limits. */
    public Optional<LinuxResources> resources() {
        return Optional.ofNullable(resources);
    }

    /** {@code cgroupsPath}: OPTIONAL: the cgroup path, absolute or relative to the runtime's hierarchy. */
    public Optional<String> cgroupsPath() {
        return Optional.ofNullable(cgroupsPath);
    }

    /** {@code namespaces}: OPTIONAL: namespaces to create or join. */
    public List<LinuxNamespace> namespaces() {
        return namespaces;
    }

    /** {@code devices}: OPTIONAL: devices that MUST be available in the container. */
    public List<LinuxDevice> devices() {
        return devices;
    }

    /** {@code seccomp}: OPTIONAL: the seccomp filter. */
    public Optional<LinuxSeccomp> seccomp() {
        return Optional.ofNullable(seccomp);
    }

    /** {@code rootfsPropagation}: OPTIONAL: rootfs mount propagation: shared, slave, private or unbindable. */
    public Optional<String> rootfsPropagation() {
        return Optional.ofNullable(rootfsPropagation);
    }

    /** {@code maskedPaths}: OPTIONAL: paths to mask so they cannot be read. */
    public List<String> maskedPaths() {
        return maskedPaths;
    }

    /** {@code readonlyPaths}: OPTIONAL: paths to make read-only. */
    public List<String> readonlyPaths() {
        return readonlyPaths;
    }

    /** {@code mountLabel}: OPTIONAL: the SELinux context of the mounts. */
    public Optional<String> mountLabel() {
        return Optional.ofNullable(mountLabel);
    }

    /** {@code intelRdt}: OPTIONAL: Intel RDT (resctrl) settings. */
    public Optional<LinuxIntelRdt> intelRdt() {
        return Optional.ofNullable(intelRdt);
    }

    /** {@code personality}: OPTIONAL: the execution domain, as personality(2). */
    public Optional<LinuxPersonality> personality() {
        return Optional.ofNullable(personality);
    }

    /** {@code timeOffsets}: OPTIONAL: clock offsets of the time namespace, keyed by clock (boottime, monotonic). */
    public Map<String, LinuxTimeOffset> timeOffsets() {
        return timeOffsets;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Linux fromJson(JsonFields f) {
        Builder b = new Builder();
        b.uidMappings.addAll(f.objectList("uidMappings", LinuxIdMapping::fromJson));
        b.gidMappings.addAll(f.objectList("gidMappings", LinuxIdMapping::fromJson));
        b.sysctl.putAll(f.stringMap("sysctl"));
        f.object("resources", LinuxResources::fromJson).ifPresent(v -> b.resources = v);
        f.string("cgroupsPath").ifPresent(b::cgroupsPath);
        b.namespaces.addAll(f.objectList("namespaces", LinuxNamespace::fromJson));
        b.devices.addAll(f.objectList("devices", LinuxDevice::fromJson));
        f.object("seccomp", LinuxSeccomp::fromJson).ifPresent(v -> b.seccomp = v);
        f.string("rootfsPropagation").ifPresent(b::rootfsPropagation);
        b.maskedPaths.addAll(f.stringList("maskedPaths"));
        b.readonlyPaths.addAll(f.stringList("readonlyPaths"));
        f.string("mountLabel").ifPresent(b::mountLabel);
        f.object("intelRdt", LinuxIntelRdt::fromJson).ifPresent(v -> b.intelRdt = v);
        f.object("personality", LinuxPersonality::fromJson).ifPresent(v -> b.personality = v);
        b.timeOffsets.putAll(f.objectMap("timeOffsets", LinuxTimeOffset::fromJson));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putObjectsIfNotEmpty("uidMappings", uidMappings, LinuxIdMapping::toJson)
                .putObjectsIfNotEmpty("gidMappings", gidMappings, LinuxIdMapping::toJson)
                .putIfNotEmpty("sysctl", sysctl)
                .putObjectIfPresent("resources", resources(), LinuxResources::toJson)
                .putIfNotEmpty("cgroupsPath", cgroupsPath)
                .putObjectsIfNotEmpty("namespaces", namespaces, LinuxNamespace::toJson)
                .putObjectsIfNotEmpty("devices", devices, LinuxDevice::toJson)
                .putObjectIfPresent("seccomp", seccomp(), LinuxSeccomp::toJson)
                .putIfNotEmpty("rootfsPropagation", rootfsPropagation)
                .putStringsIfNotEmpty("maskedPaths", maskedPaths)
                .putStringsIfNotEmpty("readonlyPaths", readonlyPaths)
                .putIfNotEmpty("mountLabel", mountLabel)
                .putObjectIfPresent("intelRdt", intelRdt(), LinuxIntelRdt::toJson)
                .putObjectIfPresent("personality", personality(), LinuxPersonality::toJson)
                .putObjectMapIfNotEmpty("timeOffsets", timeOffsets, LinuxTimeOffset::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Linux other)) {
            return false;
        }
        return Objects.equals(uidMappings, other.uidMappings)
                && Objects.equals(gidMappings, other.gidMappings)
                && Objects.equals(sysctl, other.sysctl)
                && Objects.equals(resources, other.resources)
                && Objects.equals(cgroupsPath, other.cgroupsPath)
                && Objects.equals(namespaces, other.namespaces)
                && Objects.equals(devices, other.devices)
                && Objects.equals(seccomp, other.seccomp)
                && Objects.equals(rootfsPropagation, other.rootfsPropagation)
                && Objects.equals(maskedPaths, other.maskedPaths)
                && Objects.equals(readonlyPaths, other.readonlyPaths)
                && Objects.equals(mountLabel, other.mountLabel)
                && Objects.equals(intelRdt, other.intelRdt)
                && Objects.equals(personality, other.personality)
                && Objects.equals(timeOffsets, other.timeOffsets)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uidMappings, gidMappings, sysctl, resources, cgroupsPath, namespaces, devices, seccomp, rootfsPropagation, maskedPaths, readonlyPaths, mountLabel, intelRdt, personality, timeOffsets, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Linux" + Json.text(toJson());
    }

    /** Builds a {@link Linux}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private List<LinuxIdMapping> uidMappings = new ArrayList<>();
        private List<LinuxIdMapping> gidMappings = new ArrayList<>();
        private Map<String, String> sysctl = new TreeMap<>();
        private LinuxResources resources;
        private String cgroupsPath;
        private List<LinuxNamespace> namespaces = new ArrayList<>();
        private List<LinuxDevice> devices = new ArrayList<>();
        private LinuxSeccomp seccomp;
        private String rootfsPropagation;
        private List<String> maskedPaths = new ArrayList<>();
        private List<String> readonlyPaths = new ArrayList<>();
        private String mountLabel;
        private LinuxIntelRdt intelRdt;
        private LinuxPersonality personality;
        private Map<String, LinuxTimeOffset> timeOffsets = new TreeMap<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Replaces {@code uidMappings}. */
        public Builder uidMappings(Collection<? extends LinuxIdMapping> uidMappings) {
            this.uidMappings = new ArrayList<>(List.copyOf(uidMappings));
            return this;
        }

        /** Appends one entry to {@code uidMappings}. */
        public Builder addUidMapping(LinuxIdMapping uidMapping) {
            this.uidMappings.add(Objects.requireNonNull(uidMapping, "uidMapping"));
            return this;
        }

        /** Replaces {@code gidMappings}. */
        public Builder gidMappings(Collection<? extends LinuxIdMapping> gidMappings) {
            this.gidMappings = new ArrayList<>(List.copyOf(gidMappings));
            return this;
        }

        /** Appends one entry to {@code gidMappings}. */
        public Builder addGidMapping(LinuxIdMapping gidMapping) {
            this.gidMappings.add(Objects.requireNonNull(gidMapping, "gidMapping"));
            return this;
        }

        /** Replaces {@code sysctl}. */
        public Builder sysctl(Map<String, ? extends String> sysctl) {
            this.sysctl = new TreeMap<>(sysctl);
            return this;
        }

        public Builder putSysctl(String key, String value) {
            this.sysctl.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder removeSysctl(String key) {
            this.sysctl.remove(key);
            return this;
        }

        public Builder resources(LinuxResources resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        public Builder clearResources() {
            this.resources = null;
            return this;
        }

        /** Sets {@code cgroupsPath}; the empty string leaves it out, as Go's omitempty does. */
        public Builder cgroupsPath(String cgroupsPath) {
            Objects.requireNonNull(cgroupsPath, "cgroupsPath");
            this.cgroupsPath = cgroupsPath.isEmpty() ? null : cgroupsPath;
            return this;
        }

        public Builder clearCgroupsPath() {
            this.cgroupsPath = null;
            return this;
        }

        /** Replaces {@code namespaces}. */
        public Builder namespaces(Collection<? extends LinuxNamespace> namespaces) {
            this.namespaces = new ArrayList<>(List.copyOf(namespaces));
            return this;
        }

        /** Appends one entry to {@code namespaces}. */
        public Builder addNamespace(LinuxNamespace namespace) {
            this.namespaces.add(Objects.requireNonNull(namespace, "namespace"));
            return this;
        }

        /** Replaces {@code devices}. */
        public Builder devices(Collection<? extends LinuxDevice> devices) {
            this.devices = new ArrayList<>(List.copyOf(devices));
            return this;
        }

        /** Appends one entry to {@code devices}. */
        public Builder addDevice(LinuxDevice device) {
            this.devices.add(Objects.requireNonNull(device, "device"));
            return this;
        }

        public Builder seccomp(LinuxSeccomp seccomp) {
            this.seccomp = Objects.requireNonNull(seccomp, "seccomp");
            return this;
        }

        public Builder clearSeccomp() {
            this.seccomp = null;
            return this;
        }

        /** Sets {@code rootfsPropagation}; the empty string leaves it out, as Go's omitempty does. */
        public Builder rootfsPropagation(String rootfsPropagation) {
            Objects.requireNonNull(rootfsPropagation, "rootfsPropagation");
            this.rootfsPropagation = rootfsPropagation.isEmpty() ? null : rootfsPropagation;
            return this;
        }

        public Builder clearRootfsPropagation() {
            this.rootfsPropagation = null;
            return this;
        }

        /** Replaces {@code maskedPaths}. */
        public Builder maskedPaths(Collection<? extends String> maskedPaths) {
            this.maskedPaths = new ArrayList<>(List.copyOf(maskedPaths));
            return this;
        }

        /** Appends one entry to {@code maskedPaths}. */
        public Builder addMaskedPath(String maskedPath) {
            this.maskedPaths.add(Objects.requireNonNull(maskedPath, "maskedPath"));
            return this;
        }

        /** Replaces {@code readonlyPaths}. */
        public Builder readonlyPaths(Collection<? extends String> readonlyPaths) {
            this.readonlyPaths = new ArrayList<>(List.copyOf(readonlyPaths));
            return this;
        }

        /** Appends one entry to {@code readonlyPaths}. */
        public Builder addReadonlyPath(String readonlyPath) {
            this.readonlyPaths.add(Objects.requireNonNull(readonlyPath, "readonlyPath"));
            return this;
        }

        /** Sets {@code mountLabel}; the empty string leaves it out, as Go's omitempty does. */
        public Builder mountLabel(String mountLabel) {
            Objects.requireNonNull(mountLabel, "mountLabel");
            this.mountLabel = mountLabel.isEmpty() ? null : mountLabel;
            return this;
        }

        public Builder clearMountLabel() {
            this.mountLabel = null;
            return this;
        }

        public Builder intelRdt(LinuxIntelRdt intelRdt) {
            this.intelRdt = Objects.requireNonNull(intelRdt, "intelRdt");
            return this;
        }

        public Builder clearIntelRdt() {
            this.intelRdt = null;
            return this;
        }

        public Builder personality(LinuxPersonality personality) {
            this.personality = Objects.requireNonNull(personality, "personality");
            return this;
        }

        public Builder clearPersonality() {
            this.personality = null;
            return this;
        }

        /** Replaces {@code timeOffsets}. */
        public Builder timeOffsets(Map<String, ? extends LinuxTimeOffset> timeOffsets) {
            this.timeOffsets = new TreeMap<>(timeOffsets);
            return this;
        }

        public Builder putTimeOffset(String key, LinuxTimeOffset value) {
            this.timeOffsets.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder removeTimeOffset(String key) {
            this.timeOffsets.remove(key);
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

        public Linux build() {
            return new Linux(this);
        }
    }
}
