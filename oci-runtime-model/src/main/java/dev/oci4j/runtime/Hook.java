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
 * A command run at a lifecycle event of the container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#posix-platform-hooks">config.md#posix-platform-hooks</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"path":"/usr/bin/fix-mounts","args":["fix-mounts","arg1"],"timeout":5}
 * }</pre>
 */
public final class Hook {

    private final String path;
    private final List<String> args;
    private final List<String> env;
    private final Long timeout;
    private final Map<String, String> extensions;

    private Hook(Builder b) {
        this.path = b.path;
        this.args = List.copyOf(b.args);
        this.env = List.copyOf(b.env);
        this.timeout = b.timeout;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.args = new ArrayList<>(args);
        b.env = new ArrayList<>(env);
        b.timeout = timeout;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code path}: REQUIRED: absolute path of the executable, as execv(3). */
    public String path() {
        return path;
    }

    /** {@code args}: OPTIONAL: arguments, as execv(3). */
    public List<String> args() {
        return args;
    }

    /** {@code env}: OPTIONAL: environment, as environ(7). */
    public List<String> env() {
        return env;
    }

    /** {@code timeout}: OPTIONAL: seconds before the hook is aborted; MUST be greater than zero (Go int). */
    public OptionalLong timeout() {
        return timeout == null ? OptionalLong.empty() : OptionalLong.of(timeout);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Hook fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("path").ifPresent(b::path);
        b.args.addAll(f.stringList("args"));
        b.env.addAll(f.stringList("env"));
        f.integer("timeout", IntType.I64).ifPresent(v -> b.timeout = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("path", path)
                .putStringsIfNotEmpty("args", args)
                .putStringsIfNotEmpty("env", env)
                .putIfPresent("timeout", timeout(), IntType.I64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Hook other)) {
            return false;
        }
        return Objects.equals(path, other.path)
                && Objects.equals(args, other.args)
                && Objects.equals(env, other.env)
                && Objects.equals(timeout, other.timeout)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, args, env, timeout, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Hook" + Json.text(toJson());
    }

    /** Builds a {@link Hook}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String path = "";
        private List<String> args = new ArrayList<>();
        private List<String> env = new ArrayList<>();
        private Long timeout;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Replaces {@code args}. */
        public Builder args(Collection<? extends String> args) {
            this.args = new ArrayList<>(List.copyOf(args));
            return this;
        }

        /** Appends one entry to {@code args}. */
        public Builder addArg(String arg) {
            this.args.add(Objects.requireNonNull(arg, "arg"));
            return this;
        }

        /** Replaces {@code env}. */
        public Builder env(Collection<? extends String> env) {
            this.env = new ArrayList<>(List.copyOf(env));
            return this;
        }

        /** Appends one entry to {@code env}. */
        public Builder addEnvEntry(String envEntry) {
            this.env.add(Objects.requireNonNull(envEntry, "envEntry"));
            return this;
        }

        public Builder timeout(long timeout) {
            this.timeout = IntType.I64.check("timeout", timeout);
            return this;
        }

        public Builder clearTimeout() {
            this.timeout = null;
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

        public Hook build() {
            return new Hook(this);
        }
    }
}
