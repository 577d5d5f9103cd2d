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

/**
 * The Linux features of a runtime.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/features-linux.md">features-linux.md</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"namespaces":["cgroup","ipc"],"capabilities":["CAP_CHOWN"],"cgroup":{"v1":true,"v2":true}}
 * }</pre>
 */
public final class FeaturesLinux {

    private final List<String> namespaces;
    private final List<String> capabilities;
    private final FeaturesCgroup cgroup;
    private final FeaturesSeccomp seccomp;
    private final FeaturesApparmor apparmor;
    private final FeaturesSelinux selinux;
    private final FeaturesIntelRdt intelRdt;
    private final FeaturesMountExtensions mountExtensions;
    private final Map<String, String> extensions;

    private FeaturesLinux(Builder b) {
        this.namespaces = List.copyOf(b.namespaces);
        this.capabilities = List.copyOf(b.capabilities);
        this.cgroup = b.cgroup;
        this.seccomp = b.seccomp;
        this.apparmor = b.apparmor;
        this.selinux = b.selinux;
        this.intelRdt = b.intelRdt;
        this.mountExtensions = b.mountExtensions;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.namespaces = new ArrayList<>(namespaces);
        b.capabilities = new ArrayList<>(capabilities);
        b.cgroup = cgroup;
        b.seccomp = seccomp;
        b.apparmor = apparmor;
        b.selinux = selinux;
        b.intelRdt = intelRdt;
        b.mountExtensions = mountExtensions;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code namespaces}: OPTIONAL: recognized namespaces; absent means unknown. */
    public List<String> namespaces() {
        return namespaces;
    }

    /** {@code capabilities}: OPTIONAL: recognized capabilities; absent means unknown. */
    public List<String> capabilities() {
        return capabilities;
    }

    /** {@code cgroup}: OPTIONAL: cgroup support. */
    public Optional<FeaturesCgroup> cgroup() {
        return Optional.ofNullable(cgroup);
    }

    /** {@code seccomp}: OPTIONAL: seccomp support. */
    public Optional<FeaturesSeccomp> seccomp() {
        return Optional.ofNullable(seccomp);
    }

    /** {@code apparmor}: OPTIONAL: AppArmor support. */
    public Optional<FeaturesApparmor> apparmor() {
        return Optional.ofNullable(apparmor);
    }

    /** {@code selinux}: OPTIONAL: SELinux support. */
    public Optional<FeaturesSelinux> selinux() {
        return Optional.ofNullable(selinux);
    }

    /** {@code intelRdt}: OPTIONAL: Intel RDT support. */
    public Optional<FeaturesIntelRdt> intelRdt() {
        return Optional.ofNullable(intelRdt);
    }

    /** {@code mountExtensions}: OPTIONAL: mount extensions support. */
    public Optional<FeaturesMountExtensions> mountExtensions() {
        return Optional.ofNullable(mountExtensions);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static FeaturesLinux fromJson(JsonFields f) {
        Builder b = new Builder();
        b.namespaces.addAll(f.stringList("namespaces"));
        b.capabilities.addAll(f.stringList("capabilities"));
        f.object("cgroup", FeaturesCgroup::fromJson).ifPresent(v -> b.cgroup = v);
        f.object("seccomp", FeaturesSeccomp::fromJson).ifPresent(v -> b.seccomp = v);
        f.object("apparmor", FeaturesApparmor::fromJson).ifPresent(v -> b.apparmor = v);
        f.object("selinux", FeaturesSelinux::fromJson).ifPresent(v -> b.selinux = v);
        f.object("intelRdt", FeaturesIntelRdt::fromJson).ifPresent(v -> b.intelRdt = v);
        f.object("mountExtensions", FeaturesMountExtensions::fromJson).ifPresent(v -> b.mountExtensions = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putStringsIfNotEmpty("namespaces", namespaces)
                .putStringsIfNotEmpty("capabilities", capabilities)
                .putObjectIfPresent("cgroup", cgroup(), FeaturesCgroup::toJson)
                .putObjectIfPresent("seccomp", seccomp(), FeaturesSeccomp::toJson)
                .putObjectIfPresent("apparmor", apparmor(), FeaturesApparmor::toJson)
                .putObjectIfPresent("selinux", selinux(), FeaturesSelinux::toJson)
                .putObjectIfPresent("intelRdt", intelRdt(), FeaturesIntelRdt::toJson)
                .putObjectIfPresent("mountExtensions", mountExtensions(), FeaturesMountExtensions::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FeaturesLinux other)) {
            return false;
        }
        return Objects.equals(namespaces, other.namespaces)
                && Objects.equals(capabilities, other.capabilities)
                && Objects.equals(cgroup, other.cgroup)
                && Objects.equals(seccomp, other.seccomp)
                && Objects.equals(apparmor, other.apparmor)
                && Objects.equals(selinux, other.selinux)
                && Objects.equals(intelRdt, other.intelRdt)
                && Objects.equals(mountExtensions, other.mountExtensions)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespaces, capabilities, cgroup, seccomp, apparmor, selinux, intelRdt, mountExtensions, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "FeaturesLinux" + Json.text(toJson());
    }

    /** Builds a {@link FeaturesLinux}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private List<String> namespaces = new ArrayList<>();
        private List<String> capabilities = new ArrayList<>();
        private FeaturesCgroup cgroup;
        private FeaturesSeccomp seccomp;
        private FeaturesApparmor apparmor;
        private FeaturesSelinux selinux;
        private FeaturesIntelRdt intelRdt;
        private FeaturesMountExtensions mountExtensions;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Replaces {@code namespaces}. */
        public Builder namespaces(Collection<? extends String> namespaces) {
            this.namespaces = new ArrayList<>(List.copyOf(namespaces));
            return this;
        }

        /** Appends one entry to {@code namespaces}. */
        public Builder addNamespace(String namespace) {
            this.namespaces.add(Objects.requireNonNull(namespace, "namespace"));
            return this;
        }

        /** Replaces {@code capabilities}. */
        public Builder capabilities(Collection<? extends String> capabilities) {
            this.capabilities = new ArrayList<>(List.copyOf(capabilities));
            return this;
        }

        /** Appends one entry to {@code capabilities}. */
        public Builder addCapability(String capability) {
            this.capabilities.add(Objects.requireNonNull(capability, "capability"));
            return this;
        }

        public Builder cgroup(FeaturesCgroup cgroup) {
            this.cgroup = Objects.requireNonNull(cgroup, "cgroup");
            return this;
        }

        public Builder clearCgroup() {
            this.cgroup = null;
            return this;
        }

        public Builder seccomp(FeaturesSeccomp seccomp) {
            this.seccomp = Objects.requireNonNull(seccomp, "seccomp");
            return this;
        }

        public Builder clearSeccomp() {
            this.seccomp = null;
            return this;
        }

        public Builder apparmor(FeaturesApparmor apparmor) {
            this.apparmor = Objects.requireNonNull(apparmor, "apparmor");
            return this;
        }

        public Builder clearApparmor() {
            this.apparmor = null;
            return this;
        }

        public Builder selinux(FeaturesSelinux selinux) {
            this.selinux = Objects.requireNonNull(selinux, "selinux");
            return this;
        }

        public Builder clearSelinux() {
            this.selinux = null;
            return this;
        }

        public Builder intelRdt(FeaturesIntelRdt intelRdt) {
            this.intelRdt = Objects.requireNonNull(intelRdt, "intelRdt");
            return this;
        }

        public Builder clearIntelRdt() {
            this.intelRdt = null;
            return this;
        }

        public Builder mountExtensions(FeaturesMountExtensions mountExtensions) {
            this.mountExtensions = Objects.requireNonNull(mountExtensions, "mountExtensions");
            return this;
        }

        public Builder clearMountExtensions() {
            this.mountExtensions = null;
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

        public FeaturesLinux build() {
            return new FeaturesLinux(this);
        }
    }
}
