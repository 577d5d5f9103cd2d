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
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The seccomp filter of the container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#seccomp">config-linux.md#seccomp</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["getcwd","chmod"],"action":"SCMP_ACT_ERRNO"}]}
 * }</pre>
 */
public final class LinuxSeccomp {

    private final LinuxSeccompAction defaultAction;
    private final Long defaultErrnoRet;
    private final List<LinuxSeccompArch> architectures;
    private final List<LinuxSeccompFlag> flags;
    private final String listenerPath;
    private final String listenerMetadata;
    private final List<LinuxSyscall> syscalls;
    private final Map<String, String> extensions;

    private LinuxSeccomp(Builder b) {
        this.defaultAction = b.defaultAction;
        this.defaultErrnoRet = b.defaultErrnoRet;
        this.architectures = List.copyOf(b.architectures);
        this.flags = List.copyOf(b.flags);
        this.listenerPath = b.listenerPath;
        this.listenerMetadata = b.listenerMetadata;
        this.syscalls = List.copyOf(b.syscalls);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.defaultAction = defaultAction;
        b.defaultErrnoRet = defaultErrnoRet;
        b.architectures = new ArrayList<>(architectures);
        b.flags = new ArrayList<>(flags);
        b.listenerPath = listenerPath;
        b.listenerMetadata = listenerMetadata;
        b.syscalls = new ArrayList<>(syscalls);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code defaultAction}: REQUIRED: the action when no rule matches. */
    public LinuxSeccompAction defaultAction() {
        return defaultAction;
    }

    /** {@code defaultErrnoRet}: OPTIONAL: errno returned by SCMP_ACT_ERRNO and SCMP_ACT_TRACE defaults (Go uint). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong defaultErrnoRet() {
        return defaultErrnoRet == null ? OptionalLong.empty() : OptionalLong.of(defaultErrnoRet);
    }

    /** {@code architectures}: OPTIONAL: architectures the filter applies to. */
    public List<LinuxSeccompArch> architectures() {
        return architectures;
    }

    /** {@code flags}: OPTIONAL: seccomp(2) filter flags. */
    public List<LinuxSeccompFlag> flags() {
        return flags;
    }

    /** {@code listenerPath}: OPTIONAL: UNIX socket to send the notify file descriptor to. */
    public Optional<String> listenerPath() {
        return Optional.ofNullable(listenerPath);
    }

    /** {@code listenerMetadata}: OPTIONAL: opaque data sent to the listener. */
    public Optional<String> listenerMetadata() {
        return Optional.ofNullable(listenerMetadata);
    }

    /** {@code syscalls}: OPTIONAL: rules matching syscalls. */
    public List<LinuxSyscall> syscalls() {
        return syscalls;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxSeccomp fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("defaultAction").ifPresent(v -> b.defaultAction(LinuxSeccompAction.of(v)));
        f.integer("defaultErrnoRet", IntType.U64).ifPresent(v -> b.defaultErrnoRet = v);
        f.stringList("architectures").forEach(v -> b.architectures.add(LinuxSeccompArch.of(v)));
        f.stringList("flags").forEach(v -> b.flags.add(LinuxSeccompFlag.of(v)));
        f.string("listenerPath").ifPresent(b::listenerPath);
        f.string("listenerMetadata").ifPresent(b::listenerMetadata);
        b.syscalls.addAll(f.objectList("syscalls", LinuxSyscall::fromJson));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("defaultAction", defaultAction.value())
                .putIfPresent("defaultErrnoRet", defaultErrnoRet(), IntType.U64)
                .putStringsIfNotEmpty("architectures", architectures.stream().map(LinuxSeccompArch::value).toList())
                .putStringsIfNotEmpty("flags", flags.stream().map(LinuxSeccompFlag::value).toList())
                .putIfNotEmpty("listenerPath", listenerPath)
                .putIfNotEmpty("listenerMetadata", listenerMetadata)
                .putObjectsIfNotEmpty("syscalls", syscalls, LinuxSyscall::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxSeccomp other)) {
            return false;
        }
        return Objects.equals(defaultAction, other.defaultAction)
                && Objects.equals(defaultErrnoRet, other.defaultErrnoRet)
                && Objects.equals(architectures, other.architectures)
                && Objects.equals(flags, other.flags)
                && Objects.equals(listenerPath, other.listenerPath)
                && Objects.equals(listenerMetadata, other.listenerMetadata)
                && Objects.equals(syscalls, other.syscalls)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultAction, defaultErrnoRet, architectures, flags, listenerPath, listenerMetadata, syscalls, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxSeccomp" + Json.text(toJson());
    }

    /** Builds a {@link LinuxSeccomp}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private LinuxSeccompAction defaultAction = LinuxSeccompAction.of("");
        private Long defaultErrnoRet;
        private List<LinuxSeccompArch> architectures = new ArrayList<>();
        private List<LinuxSeccompFlag> flags = new ArrayList<>();
        private String listenerPath;
        private String listenerMetadata;
        private List<LinuxSyscall> syscalls = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder defaultAction(LinuxSeccompAction defaultAction) {
            this.defaultAction = Objects.requireNonNull(defaultAction, "defaultAction");
            return this;
        }

        public Builder defaultAction(String defaultAction) {
            return defaultAction(LinuxSeccompAction.of(defaultAction));
        }

        public Builder defaultErrnoRet(long defaultErrnoRet) {
            this.defaultErrnoRet = IntType.U64.check("defaultErrnoRet", defaultErrnoRet);
            return this;
        }

        public Builder clearDefaultErrnoRet() {
            this.defaultErrnoRet = null;
            return this;
        }

        /** Replaces {@code architectures}. */
        public Builder architectures(Collection<? extends LinuxSeccompArch> architectures) {
            this.architectures = new ArrayList<>(List.copyOf(architectures));
            return this;
        }

        /** Appends one entry to {@code architectures}. */
        public Builder addArchitecture(LinuxSeccompArch architecture) {
            this.architectures.add(Objects.requireNonNull(architecture, "architecture"));
            return this;
        }

        /** Replaces {@code flags}. */
        public Builder flags(Collection<? extends LinuxSeccompFlag> flags) {
            this.flags = new ArrayList<>(List.copyOf(flags));
            return this;
        }

        /** Appends one entry to {@code flags}. */
        public Builder addFlag(LinuxSeccompFlag flag) {
            this.flags.add(Objects.requireNonNull(flag, "flag"));
            return this;
        }

        /** Sets {@code listenerPath}; the empty string leaves it out, as Go's omitempty does. */
        public Builder listenerPath(String listenerPath) {
            Objects.requireNonNull(listenerPath, "listenerPath");
            this.listenerPath = listenerPath.isEmpty() ? null : listenerPath;
            return this;
        }

        public Builder clearListenerPath() {
            this.listenerPath = null;
            return this;
        }

        /** Sets {@code listenerMetadata}; the empty string leaves it out, as Go's omitempty does. */
        public Builder listenerMetadata(String listenerMetadata) {
            Objects.requireNonNull(listenerMetadata, "listenerMetadata");
            this.listenerMetadata = listenerMetadata.isEmpty() ? null : listenerMetadata;
            return this;
        }

        public Builder clearListenerMetadata() {
            this.listenerMetadata = null;
            return this;
        }

        /** Replaces {@code syscalls}. */
        public Builder syscalls(Collection<? extends LinuxSyscall> syscalls) {
            this.syscalls = new ArrayList<>(List.copyOf(syscalls));
            return this;
        }

        /** Appends one entry to {@code syscalls}. */
        public Builder addSyscall(LinuxSyscall syscall) {
            this.syscalls.add(Objects.requireNonNull(syscall, "syscall"));
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

        public LinuxSeccomp build() {
            return new LinuxSeccomp(this);
        }
    }
}
