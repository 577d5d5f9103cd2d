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
 * A seccomp rule matching syscalls by name and arguments.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#seccomp">config-linux.md#seccomp</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"names":["getcwd"],"action":"SCMP_ACT_ERRNO","errnoRet":1}
 * }</pre>
 */
public final class LinuxSyscall {

    private final List<String> names;
    private final LinuxSeccompAction action;
    private final Long errnoRet;
    private final List<LinuxSeccompArg> args;
    private final Map<String, String> extensions;

    private LinuxSyscall(Builder b) {
        this.names = List.copyOf(b.names);
        this.action = b.action;
        this.errnoRet = b.errnoRet;
        this.args = List.copyOf(b.args);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.names = new ArrayList<>(names);
        b.action = action;
        b.errnoRet = errnoRet;
        b.args = new ArrayList<>(args);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code names}: REQUIRED: syscall names, at least one. */
    public List<String> names() {
        return names;
    }

    /** {@code action}: REQUIRED: the action when the rule matches. */
    public LinuxSeccompAction action() {
        return action;
    }

    /** {@code errnoRet}: OPTIONAL: errno returned by SCMP_ACT_ERRNO and SCMP_ACT_TRACE (Go uint). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong errnoRet() {
        return errnoRet == null ? OptionalLong.empty() : OptionalLong.of(errnoRet);
    }

    /** {@code args}: OPTIONAL: argument conditions. */
    public List<LinuxSeccompArg> args() {
        return args;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxSyscall fromJson(JsonFields f) {
        Builder b = new Builder();
        b.names.addAll(f.stringList("names"));
        f.string("action").ifPresent(v -> b.action(LinuxSeccompAction.of(v)));
        f.integer("errnoRet", IntType.U64).ifPresent(v -> b.errnoRet = v);
        b.args.addAll(f.objectList("args", LinuxSeccompArg::fromJson));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putStrings("names", names)
                .put("action", action.value())
                .putIfPresent("errnoRet", errnoRet(), IntType.U64)
                .putObjectsIfNotEmpty("args", args, LinuxSeccompArg::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxSyscall other)) {
            return false;
        }
        return Objects.equals(names, other.names)
                && Objects.equals(action, other.action)
                && Objects.equals(errnoRet, other.errnoRet)
                && Objects.equals(args, other.args)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, action, errnoRet, args, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxSyscall" + Json.text(toJson());
    }

    /** Builds a {@link LinuxSyscall}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private List<String> names = new ArrayList<>();
        private LinuxSeccompAction action = LinuxSeccompAction.of("");
        private Long errnoRet;
        private List<LinuxSeccompArg> args = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Replaces {@code names}. */
        public Builder names(Collection<? extends String> names) {
            this.names = new ArrayList<>(List.copyOf(names));
            return this;
        }

        /** Appends one entry to {@code names}. */
        public Builder addName(String name) {
            this.names.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        public Builder action(LinuxSeccompAction action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        public Builder action(String action) {
            return action(LinuxSeccompAction.of(action));
        }

        public Builder errnoRet(long errnoRet) {
            this.errnoRet = IntType.U64.check("errnoRet", errnoRet);
            return this;
        }

        public Builder clearErrnoRet() {
            this.errnoRet = null;
            return this;
        }

        /** Replaces {@code args}. */
        public Builder args(Collection<? extends LinuxSeccompArg> args) {
            this.args = new ArrayList<>(List.copyOf(args));
            return this;
        }

        /** Appends one entry to {@code args}. */
        public Builder addArg(LinuxSeccompArg arg) {
            this.args.add(Objects.requireNonNull(arg, "arg"));
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

        public LinuxSyscall build() {
            return new LinuxSyscall(this);
        }
    }
}
