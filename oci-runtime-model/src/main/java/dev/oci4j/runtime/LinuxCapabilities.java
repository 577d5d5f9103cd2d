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
 * The capability sets of the container process.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#linux-process">config.md#linux-process</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"bounding":["CAP_KILL"],"effective":["CAP_KILL"],"permitted":["CAP_KILL"]}
 * }</pre>
 */
public final class LinuxCapabilities {

    private final List<String> bounding;
    private final List<String> effective;
    private final List<String> inheritable;
    private final List<String> permitted;
    private final List<String> ambient;
    private final Map<String, String> extensions;

    private LinuxCapabilities(Builder b) {
        this.bounding = List.copyOf(b.bounding);
        this.effective = List.copyOf(b.effective);
        this.inheritable = List.copyOf(b.inheritable);
        this.permitted = List.copyOf(b.permitted);
        this.ambient = List.copyOf(b.ambient);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bounding = new ArrayList<>(bounding);
        b.effective = new ArrayList<>(effective);
        b.inheritable = new ArrayList<>(inheritable);
        b.permitted = new ArrayList<>(permitted);
        b.ambient = new ArrayList<>(ambient);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code bounding}: OPTIONAL: the bounding set. */
    public List<String> bounding() {
        return bounding;
    }

    /** {@code effective}: OPTIONAL: the effective set. */
    public List<String> effective() {
        return effective;
    }

    /** {@code inheritable}: OPTIONAL: the inheritable set. */
    public List<String> inheritable() {
        return inheritable;
    }

    /** {@code permitted}: OPTIONAL: the permitted set. */
    public List<String> permitted() {
        return permitted;
    }

    /** {@code ambient}: OPTIONAL: the ambient set. */
    public List<String> ambient() {
        return ambient;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxCapabilities fromJson(JsonFields f) {
        Builder b = new Builder();
        b.bounding.addAll(f.stringList("bounding"));
        b.effective.addAll(f.stringList("effective"));
        b.inheritable.addAll(f.stringList("inheritable"));
        b.permitted.addAll(f.stringList("permitted"));
        b.ambient.addAll(f.stringList("ambient"));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putStringsIfNotEmpty("bounding", bounding)
                .putStringsIfNotEmpty("effective", effective)
                .putStringsIfNotEmpty("inheritable", inheritable)
                .putStringsIfNotEmpty("permitted", permitted)
                .putStringsIfNotEmpty("ambient", ambient)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxCapabilities other)) {
            return false;
        }
        return Objects.equals(bounding, other.bounding)
                && Objects.equals(effective, other.effective)
                && Objects.equals(inheritable, other.inheritable)
                && Objects.equals(permitted, other.permitted)
                && Objects.equals(ambient, other.ambient)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bounding, effective, inheritable, permitted, ambient, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxCapabilities" + Json.text(toJson());
    }

    /** Builds a {@link LinuxCapabilities}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private List<String> bounding = new ArrayList<>();
        private List<String> effective = new ArrayList<>();
        private List<String> inheritable = new ArrayList<>();
        private List<String> permitted = new ArrayList<>();
        private List<String> ambient = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Replaces {@code bounding}. */
        public Builder bounding(Collection<? extends String> bounding) {
            this.bounding = new ArrayList<>(List.copyOf(bounding));
            return this;
        }

        /** Appends one entry to {@code bounding}. */
        public Builder addBoundingEntry(String boundingEntry) {
            this.bounding.add(Objects.requireNonNull(boundingEntry, "boundingEntry"));
            return this;
        }

        /** Replaces {@code effective}. */
        public Builder effective(Collection<? extends String> effective) {
            this.effective = new ArrayList<>(List.copyOf(effective));
            return this;
        }

        /** Appends one entry to {@code effective}. */
        public Builder addEffectiveEntry(String effectiveEntry) {
            this.effective.add(Objects.requireNonNull(effectiveEntry, "effectiveEntry"));
            return this;
        }

        /** Replaces {@code inheritable}. */
        public Builder inheritable(Collection<? extends String> inheritable) {
            this.inheritable = new ArrayList<>(List.copyOf(inheritable));
            return this;
        }

        /** Appends one entry to {@code inheritable}. */
        public Builder addInheritableEntry(String inheritableEntry) {
            this.inheritable.add(Objects.requireNonNull(inheritableEntry, "inheritableEntry"));
            return this;
        }

        /** Replaces {@code permitted}. */
        public Builder permitted(Collection<? extends String> permitted) {
            this.permitted = new ArrayList<>(List.copyOf(permitted));
            return this;
        }

        /** Appends one entry to {@code permitted}. */
        public Builder addPermittedEntry(String permittedEntry) {
            this.permitted.add(Objects.requireNonNull(permittedEntry, "permittedEntry"));
            return this;
        }

        /** Replaces {@code ambient}. */
        public Builder ambient(Collection<? extends String> ambient) {
            this.ambient = new ArrayList<>(List.copyOf(ambient));
            return this;
        }

        /** Appends one entry to {@code ambient}. */
        public Builder addAmbientEntry(String ambientEntry) {
            this.ambient.add(Objects.requireNonNull(ambientEntry, "ambientEntry"));
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

        public LinuxCapabilities build() {
            return new LinuxCapabilities(this);
        }
    }
}
