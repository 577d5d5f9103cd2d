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
 * The lifecycle hooks of the container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#posix-platform-hooks">config.md#posix-platform-hooks</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"createRuntime":[{"path":"/usr/bin/setup-network"}],"poststop":[{"path":"/usr/sbin/cleanup.sh"}]}
 * }</pre>
 */
public final class Hooks {

    private final List<Hook> prestart;
    private final List<Hook> createRuntime;
    private final List<Hook> createContainer;
    private final List<Hook> startContainer;
    private final List<Hook> poststart;
    private final List<Hook> poststop;
    private final Map<String, String> extensions;

    private Hooks(Builder b) {
        this.prestart = List.copyOf(b.prestart);
        this.createRuntime = List.copyOf(b.createRuntime);
        this.createContainer = List.copyOf(b.createContainer);
        this.startContainer = List.copyOf(b.startContainer);
        this.poststart = List.copyOf(b.poststart);
        this.poststop = List.copyOf(b.poststop);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prestart = new ArrayList<>(prestart);
        b.createRuntime = new ArrayList<>(createRuntime);
        b.createContainer = new ArrayList<>(createContainer);
        b.startContainer = new ArrayList<>(startContainer);
        b.poststart = new ArrayList<>(poststart);
        b.poststop = new ArrayList<>(poststop);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code prestart}: DEPRECATED: run during create, after the environment is set up, in the runtime namespace. */
    public List<Hook> prestart() {
        return prestart;
    }

    /** {@code createRuntime}: OPTIONAL: run during create, after the environment is set up, in the runtime namespace. */
    public List<Hook> createRuntime() {
        return createRuntime;
    }

    /** {@code createContainer}: OPTIONAL: run during create, before pivot_root, in the container namespace. */
    public List<Hook> createContainer() {
        return createContainer;
    }

    /** {@code startContainer}: OPTIONAL: run during start, before the user process, in the container namespace. */
    public List<Hook> startContainer() {
        return startContainer;
    }

    /** {@code poststart}: OPTIONAL: run after the user process starts, in the runtime namespace. */
    public List<Hook> poststart() {
        return poststart;
    }

    /** {@code poststop}: OPTIONAL: run after the container is deleted, in the runtime namespace. */
    public List<Hook> poststop() {
        return poststop;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Hooks fromJson(JsonFields f) {
        Builder b = new Builder();
        b.prestart.addAll(f.objectList("prestart", Hook::fromJson));
        b.createRuntime.addAll(f.objectList("createRuntime", Hook::fromJson));
        b.createContainer.addAll(f.objectList("createContainer", Hook::fromJson));
        b.startContainer.addAll(f.objectList("startContainer", Hook::fromJson));
        b.poststart.addAll(f.objectList("poststart", Hook::fromJson));
        b.poststop.addAll(f.objectList("poststop", Hook::fromJson));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putObjectsIfNotEmpty("prestart", prestart, Hook::toJson)
                .putObjectsIfNotEmpty("createRuntime", createRuntime, Hook::toJson)
                .putObjectsIfNotEmpty("createContainer", createContainer, Hook::toJson)
                .putObjectsIfNotEmpty("startContainer", startContainer, Hook::toJson)
                .putObjectsIfNotEmpty("poststart", poststart, Hook::toJson)
                .putObjectsIfNotEmpty("poststop", poststop, Hook::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Hooks other)) {
            return false;
        }
        return Objects.equals(prestart, other.prestart)
                && Objects.equals(createRuntime, other.createRuntime)
                && Objects.equals(createContainer, other.createContainer)
                && Objects.equals(startContainer, other.startContainer)
                && Objects.equals(poststart, other.poststart)
                && Objects.equals(poststop, other.poststop)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prestart, createRuntime, createContainer, startContainer, poststart, poststop, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Hooks" + Json.text(toJson());
    }

    /** Builds a {@link Hooks}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private List<Hook> prestart = new ArrayList<>();
        private List<Hook> createRuntime = new ArrayList<>();
        private List<Hook> createContainer = new ArrayList<>();
        private List<Hook> startContainer = new ArrayList<>();
        private List<Hook> poststart = new ArrayList<>();
        private List<Hook> poststop = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Replaces {@code prestart}. */
        public Builder prestart(Collection<? extends Hook> prestart) {
            this.prestart = new ArrayList<>(List.copyOf(prestart));
            return this;
        }

        /** Appends one entry to {@code prestart}. */
        public Builder addPrestart(Hook prestart) {
            this.prestart.add(Objects.requireNonNull(prestart, "prestart"));
            return this;
        }

        /** Replaces {@code createRuntime}. */
        public Builder createRuntime(Collection<? extends Hook> createRuntime) {
            this.createRuntime = new ArrayList<>(List.copyOf(createRuntime));
            return this;
        }

        /** Appends one entry to {@code createRuntime}. */
        public Builder addCreateRuntime(Hook createRuntime) {
            this.createRuntime.add(Objects.requireNonNull(createRuntime, "createRuntime"));
            return this;
        }

        /** Replaces {@code createContainer}. */
        public Builder createContainer(Collection<? extends Hook> createContainer) {
            this.createContainer = new ArrayList<>(List.copyOf(createContainer));
            return this;
        }

        /** Appends one entry to {@code createContainer}. */
        public Builder addCreateContainer(Hook createContainer) {
            this.createContainer.add(Objects.requireNonNull(createContainer, "createContainer"));
            return this;
        }

        /** Replaces {@code startContainer}. */
        public Builder startContainer(Collection<? extends Hook> startContainer) {
            this.startContainer = new ArrayList<>(List.copyOf(startContainer));
            return this;
        }

        /** Appends one entry to {@code startContainer}. */
        public Builder addStartContainer(Hook startContainer) {
            this.startContainer.add(Objects.requireNonNull(startContainer, "startContainer"));
            return this;
        }

        /** Replaces {@code poststart}. */
        public Builder poststart(Collection<? extends Hook> poststart) {
            this.poststart = new ArrayList<>(List.copyOf(poststart));
            return this;
        }

        /** Appends one entry to {@code poststart}. */
        public Builder addPoststart(Hook poststart) {
            this.poststart.add(Objects.requireNonNull(poststart, "poststart"));
            return this;
        }

        /** Replaces {@code poststop}. */
        public Builder poststop(Collection<? extends Hook> poststop) {
            this.poststop = new ArrayList<>(List.copyOf(poststop));
            return this;
        }

        /** Appends one entry to {@code poststop}. */
        public Builder addPoststop(Hook poststop) {
            this.poststop.add(Objects.requireNonNull(poststop, "poststop"));
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

        public Hooks build() {
            return new Hooks(this);
        }
    }
}
