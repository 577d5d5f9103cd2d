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
 * A mount in addition to the root filesystem.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#mounts">config.md#mounts</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"destination":"/proc","type":"proc","source":"proc","options":["nosuid"]}
 * }</pre>
 */
public final class Mount {

    private final String destination;
    private final String type;
    private final String source;
    private final List<String> options;
    private final List<LinuxIdMapping> uidMappings;
    private final List<LinuxIdMapping> gidMappings;
    private final Map<String, String> extensions;

    private Mount(Builder b) {
        this.destination = b.destination;
        this.type = b.type;
        this.source = b.source;
        this.options = List.copyOf(b.options);
        this.uidMappings = List.copyOf(b.uidMappings);
        this.gidMappings = List.copyOf(b.gidMappings);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.destination = destination;
        b.type = type;
        b.source = source;
        b.options = new ArrayList<>(options);
        b.uidMappings = new ArrayList<>(uidMappings);
        b.gidMappings = new ArrayList<>(gidMappings);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code destination}: REQUIRED: absolute path in the container where the mount is placed. */
    public String destination() {
        return destination;
    }

    /** {@code type}: OPTIONAL: the filesystem type, as mount(2). */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** {@code source}: OPTIONAL: a device name, directory or dummy. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** {@code options}: OPTIONAL: mount options, as fstab(5). */
    public List<String> options() {
        return options;
    }

    /** {@code uidMappings}: OPTIONAL (Linux): uid mappings of an idmapped mount. */
    public List<LinuxIdMapping> uidMappings() {
        return uidMappings;
    }

    /** {@code gidMappings}: OPTIONAL (Linux): gid mappings of an idmapped mount. */
    public List<LinuxIdMapping> gidMappings() {
        return gidMappings;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Mount fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("destination").ifPresent(b::destination);
        f.string("type").ifPresent(b::type);
        f.string("source").ifPresent(b::source);
        b.options.addAll(f.stringList("options"));
        b.uidMappings.addAll(f.objectList("uidMappings", LinuxIdMapping::fromJson));
        b.gidMappings.addAll(f.objectList("gidMappings", LinuxIdMapping::fromJson));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("destination", destination)
                .putIfNotEmpty("type", type)
                .putIfNotEmpty("source", source)
                .putStringsIfNotEmpty("options", options)
                .putObjectsIfNotEmpty("uidMappings", uidMappings, LinuxIdMapping::toJson)
                .putObjectsIfNotEmpty("gidMappings", gidMappings, LinuxIdMapping::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Mount other)) {
            return false;
        }
        return Objects.equals(destination, other.destination)
                && Objects.equals(type, other.type)
                && Objects.equals(source, other.source)
                && Objects.equals(options, other.options)
                && Objects.equals(uidMappings, other.uidMappings)
                && Objects.equals(gidMappings, other.gidMappings)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, type, source, options, uidMappings, gidMappings, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Mount" + Json.text(toJson());
    }

    /** Builds a {@link Mount}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String destination = "";
        private String type;
        private String source;
        private List<String> options = new ArrayList<>();
        private List<LinuxIdMapping> uidMappings = new ArrayList<>();
        private List<LinuxIdMapping> gidMappings = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder destination(String destination) {
            this.destination = Objects.requireNonNull(destination, "destination");
            return this;
        }

        /** Sets {@code type}; the empty string leaves it out, as Go's omitempty does. */
        public Builder type(String type) {
            Objects.requireNonNull(type, "type");
            this.type = type.isEmpty() ? null : type;
            return this;
        }

        public Builder clearType() {
            this.type = null;
            return this;
        }

        /** Sets {@code source}; the empty string leaves it out, as Go's omitempty does. */
        public Builder source(String source) {
            Objects.requireNonNull(source, "source");
            this.source = source.isEmpty() ? null : source;
            return this;
        }

        public Builder clearSource() {
            this.source = null;
            return this;
        }

        /** Replaces {@code options}. */
        public Builder options(Collection<? extends String> options) {
            this.options = new ArrayList<>(List.copyOf(options));
            return this;
        }

        /** Appends one entry to {@code options}. */
        public Builder addOption(String option) {
            this.options.add(Objects.requireNonNull(option, "option"));
            return this;
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

        public Mount build() {
            return new Mount(this);
        }
    }
}
