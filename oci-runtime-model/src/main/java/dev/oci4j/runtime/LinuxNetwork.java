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
 * The net_cls and net_prio cgroup settings.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#network">config-linux.md#network</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"classID":1048577,"priorities":[{"name":"eth0","priority":500}]}
 * }</pre>
 */
public final class LinuxNetwork {

    private final Long classID;
    private final List<LinuxInterfacePriority> priorities;
    private final Map<String, String> extensions;

    private LinuxNetwork(Builder b) {
        this.classID = b.classID;
        this.priorities = List.copyOf(b.priorities);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.classID = classID;
        b.priorities = new ArrayList<>(priorities);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code classID}: OPTIONAL: the network class identifier (uint32). */
    public OptionalLong classID() {
        return classID == null ? OptionalLong.empty() : OptionalLong.of(classID);
    }

    /** {@code priorities}: OPTIONAL: per-interface priorities. */
    public List<LinuxInterfacePriority> priorities() {
        return priorities;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxNetwork fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("classID", IntType.U32).ifPresent(v -> b.classID = v);
        b.priorities.addAll(f.objectList("priorities", LinuxInterfacePriority::fromJson));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("classID", classID(), IntType.U32)
                .putObjectsIfNotEmpty("priorities", priorities, LinuxInterfacePriority::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxNetwork other)) {
            return false;
        }
        return Objects.equals(classID, other.classID)
                && Objects.equals(priorities, other.priorities)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classID, priorities, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxNetwork" + Json.text(toJson());
    }

    /** Builds a {@link LinuxNetwork}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Long classID;
        private List<LinuxInterfacePriority> priorities = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder classID(long classID) {
            this.classID = IntType.U32.check("classID", classID);
            return this;
        }

        public Builder clearClassID() {
            this.classID = null;
            return this;
        }

        /** Replaces {@code priorities}. */
        public Builder priorities(Collection<? extends LinuxInterfacePriority> priorities) {
            this.priorities = new ArrayList<>(List.copyOf(priorities));
            return this;
        }

        /** Appends one entry to {@code priorities}. */
        public Builder addPriority(LinuxInterfacePriority priority) {
            this.priorities.add(Objects.requireNonNull(priority, "priority"));
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

        public LinuxNetwork build() {
            return new LinuxNetwork(this);
        }
    }
}
