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
 * The container configuration, {@code config.json} of a bundle.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md">config.md</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"ociVersion":"1.2.0","root":{"path":"rootfs"},"process":{"user":{"uid":0,"gid":0},"args":["sh"],"cwd":"/"}}
 * }</pre>
 */
public final class Spec {

    private final String ociVersion;
    private final Process process;
    private final Root root;
    private final String hostname;
    private final String domainname;
    private final List<Mount> mounts;
    private final Hooks hooks;
    private final Map<String, String> annotations;
    private final Linux linux;
    private final Solaris solaris;
    private final Windows windows;
    private final Vm vm;
    private final Zos zos;
    private final Map<String, String> extensions;

    private Spec(Builder b) {
        this.ociVersion = b.ociVersion;
        this.process = b.process;
        this.root = b.root;
        this.hostname = b.hostname;
        this.domainname = b.domainname;
        this.mounts = List.copyOf(b.mounts);
        this.hooks = b.hooks;
        this.annotations = Collections.unmodifiableMap(new TreeMap<>(b.annotations));
        this.linux = b.linux;
        this.solaris = b.solaris;
        this.windows = b.windows;
        this.vm = b.vm;
        this.zos = b.zos;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ociVersion = ociVersion;
        b.process = process;
        b.root = root;
        b.hostname = hostname;
        b.domainname = domainname;
        b.mounts = new ArrayList<>(mounts);
        b.hooks = hooks;
        b.annotations = new TreeMap<>(annotations);
        b.linux = linux;
        b.solaris = solaris;
        b.windows = windows;
        b.vm = vm;
        b.zos = zos;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code ociVersion}: REQUIRED: the runtime-spec version (SemVer) the bundle complies with. */
    public String ociVersion() {
        return ociVersion;
    }

    /** {@code process}: OPTIONAL at create, REQUIRED at start: the container process. */
    public Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    /** {@code root}: The root filesystem; REQUIRED on all platforms except Windows Hyper-V and VM. */
    public Optional<Root> root() {
        return Optional.ofNullable(root);
    }

    /** {@code hostname}: OPTIONAL: the hostname seen by processes in the container. */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    /** {@code domainname}: OPTIONAL: the NIS domain name seen by processes in the container. */
    public Optional<String> domainname() {
        return Optional.ofNullable(domainname);
    }

    /** {@code mounts}: OPTIONAL: mounts in addition to root, in the order to mount them. */
    public List<Mount> mounts() {
        return mounts;
    }

    /** {@code hooks}: OPTIONAL: lifecycle hooks (Linux, Solaris, z/OS). */
    public Optional<Hooks> hooks() {
        return Optional.ofNullable(hooks);
    }

    /** {@code annotations}: OPTIONAL: arbitrary metadata; keys SHOULD be reverse domain names. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** {@code linux}: Linux-specific configuration. */
    public Optional<Linux> linux() {
        return Optional.ofNullable(linux);
    }

    /** {@code solaris}: Solaris-specific configuration. */
    public Optional<Solaris> solaris() {
        return Optional.ofNullable(solaris);
    }

    /** {@code windows}: Windows-specific configuration. */
    public Optional<Windows> windows() {
        return Optional.ofNullable(windows);
    }

    /** {@code vm}: Configuration of virtual-machine-based containers. */
    public Optional<Vm> vm() {
        return Optional.ofNullable(vm);
    }

    /** {@code zos}: z/OS-specific configuration. */
    public Optional<Zos> zos() {
        return Optional.ofNullable(zos);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Spec fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("ociVersion").ifPresent(b::ociVersion);
        f.object("process", Process::fromJson).ifPresent(v -> b.process = v);
        f.object("root", Root::fromJson).ifPresent(v -> b.root = v);
        f.string("hostname").ifPresent(b::hostname);
        f.string("domainname").ifPresent(b::domainname);
        b.mounts.addAll(f.objectList("mounts", Mount::fromJson));
        f.object("hooks", Hooks::fromJson).ifPresent(v -> b.hooks = v);
        b.annotations.putAll(f.stringMap("annotations"));
        f.object("linux", Linux::fromJson).ifPresent(v -> b.linux = v);
        f.object("solaris", Solaris::fromJson).ifPresent(v -> b.solaris = v);
        f.object("windows", Windows::fromJson).ifPresent(v -> b.windows = v);
        f.object("vm", Vm::fromJson).ifPresent(v -> b.vm = v);
        f.object("zos", Zos::fromJson).ifPresent(v -> b.zos = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("ociVersion", ociVersion)
                .putObjectIfPresent("process", process(), Process::toJson)
                .putObjectIfPresent("root", root(), Root::toJson)
                .putIfNotEmpty("hostname", hostname)
                .putIfNotEmpty("domainname", domainname)
                .putObjectsIfNotEmpty("mounts", mounts, Mount::toJson)
                .putObjectIfPresent("hooks", hooks(), Hooks::toJson)
                .putIfNotEmpty("annotations", annotations)
                .putObjectIfPresent("linux", linux(), Linux::toJson)
                .putObjectIfPresent("solaris", solaris(), Solaris::toJson)
                .putObjectIfPresent("windows", windows(), Windows::toJson)
                .putObjectIfPresent("vm", vm(), Vm::toJson)
                .putObjectIfPresent("zos", zos(), Zos::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Spec other)) {
            return false;
        }
        return Objects.equals(ociVersion, other.ociVersion)
                && Objects.equals(process, other.process)
                && Objects.equals(root, other.root)
                && Objects.equals(hostname, other.hostname)
                && Objects.equals(domainname, other.domainname)
                && Objects.equals(mounts, other.mounts)
                && Objects.equals(hooks, other.hooks)
                && Objects.equals(annotations, other.annotations)
                && Objects.equals(linux, other.linux)
                && Objects.equals(solaris, other.solaris)
                && Objects.equals(windows, other.windows)
                && Objects.equals(vm, other.vm)
                && Objects.equals(zos, other.zos)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ociVersion, process, root, hostname, domainname, mounts, hooks, annotations, linux, solaris, windows, vm, zos, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Spec" + Json.text(toJson());
    }

    /** Builds a {@link Spec}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String ociVersion = "";
        private Process process;
        private Root root;
        private String hostname;
        private String domainname;
        private List<Mount> mounts = new ArrayList<>();
        private Hooks hooks;
        private Map<String, String> annotations = new TreeMap<>();
        private Linux linux;
        private Solaris solaris;
        private Windows windows;
        private Vm vm;
        private Zos zos;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder ociVersion(String ociVersion) {
            this.ociVersion = Objects.requireNonNull(ociVersion, "ociVersion");
            return this;
        }

        public Builder process(Process process) {
            this.process = Objects.requireNonNull(process, "process");
            return this;
        }

        public Builder clearProcess() {
            this.process = null;
            return this;
        }

        public Builder root(Root root) {
            this.root = Objects.requireNonNull(root, "root");
            return this;
        }

        public Builder clearRoot() {
            this.root = null;
            return this;
        }

        /** Sets {@code hostname}; the empty string leaves it out, as Go's omitempty does. */
        public Builder hostname(String hostname) {
            Objects.requireNonNull(hostname, "hostname");
            this.hostname = hostname.isEmpty() ? null : hostname;
            return this;
        }

        public Builder clearHostname() {
            this.hostname = null;
            return this;
        }

        /** Sets {@code domainname}; the empty string leaves it out, as Go's omitempty does. */
        public Builder domainname(String domainname) {
            Objects.requireNonNull(domainname, "domainname");
            this.domainname = domainname.isEmpty() ? null : domainname;
            return this;
        }

        public Builder clearDomainname() {
            this.domainname = null;
            return this;
        }

        /** Replaces {@code mounts}. */
        public Builder mounts(Collection<? extends Mount> mounts) {
            this.mounts = new ArrayList<>(List.copyOf(mounts));
            return this;
        }

        /** Appends one entry to {@code mounts}. */
        public Builder addMount(Mount mount) {
            this.mounts.add(Objects.requireNonNull(mount, "mount"));
            return this;
        }

        public Builder hooks(Hooks hooks) {
            this.hooks = Objects.requireNonNull(hooks, "hooks");
            return this;
        }

        public Builder clearHooks() {
            this.hooks = null;
            return this;
        }

        /** Replaces {@code annotations}. */
        public Builder annotations(Map<String, ? extends String> annotations) {
            this.annotations = new TreeMap<>(annotations);
            return this;
        }

        public Builder putAnnotation(String key, String value) {
            this.annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder removeAnnotation(String key) {
            this.annotations.remove(key);
            return this;
        }

        public Builder linux(Linux linux) {
            this.linux = Objects.requireNonNull(linux, "linux");
            return this;
        }

        public Builder clearLinux() {
            this.linux = null;
            return this;
        }

        public Builder solaris(Solaris solaris) {
            this.solaris = Objects.requireNonNull(solaris, "solaris");
            return this;
        }

        public Builder clearSolaris() {
            this.solaris = null;
            return this;
        }

        public Builder windows(Windows windows) {
            this.windows = Objects.requireNonNull(windows, "windows");
            return this;
        }

        public Builder clearWindows() {
            this.windows = null;
            return this;
        }

        public Builder vm(Vm vm) {
            this.vm = Objects.requireNonNull(vm, "vm");
            return this;
        }

        public Builder clearVm() {
            this.vm = null;
            return this;
        }

        public Builder zos(Zos zos) {
            this.zos = Objects.requireNonNull(zos, "zos");
            return this;
        }

        public Builder clearZos() {
            this.zos = null;
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

        public Spec build() {
            return new Spec(this);
        }
    }
}
