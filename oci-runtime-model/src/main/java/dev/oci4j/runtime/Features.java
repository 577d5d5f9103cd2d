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
 * What a runtime implements, as its features command reports it.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/features.md">features.md</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"ociVersionMin":"1.0.0","ociVersionMax":"1.2.0","hooks":["prestart","poststop"],"mountOptions":["ro"]}
 * }</pre>
 */
public final class Features {

    private final String ociVersionMin;
    private final String ociVersionMax;
    private final List<String> hooks;
    private final List<String> mountOptions;
    private final FeaturesLinux linux;
    private final Map<String, String> annotations;
    private final List<String> potentiallyUnsafeConfigAnnotations;
    private final Map<String, String> extensions;

    private Features(Builder b) {
        this.ociVersionMin = b.ociVersionMin;
        this.ociVersionMax = b.ociVersionMax;
        this.hooks = List.copyOf(b.hooks);
        this.mountOptions = List.copyOf(b.mountOptions);
        this.linux = b.linux;
        this.annotations = Collections.unmodifiableMap(new TreeMap<>(b.annotations));
        this.potentiallyUnsafeConfigAnnotations = List.copyOf(b.potentiallyUnsafeConfigAnnotations);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ociVersionMin = ociVersionMin;
        b.ociVersionMax = ociVersionMax;
        b.hooks = new ArrayList<>(hooks);
        b.mountOptions = new ArrayList<>(mountOptions);
        b.linux = linux;
        b.annotations = new TreeMap<>(annotations);
        b.potentiallyUnsafeConfigAnnotations = new ArrayList<>(potentiallyUnsafeConfigAnnotations);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code ociVersionMin}: REQUIRED: the minimum runtime-spec version recognized. */
    public Optional<String> ociVersionMin() {
        return Optional.ofNullable(ociVersionMin);
    }

    /** {@code ociVersionMax}: REQUIRED: the maximum runtime-spec version recognized. */
    public Optional<String> ociVersionMax() {
        return Optional.ofNullable(ociVersionMax);
    }

    /** {@code hooks}: OPTIONAL: recognized hook names; absent means unknown. */
    public List<String> hooks() {
        return hooks;
    }

    /** {@code mountOptions}: OPTIONAL: recognized mount options; absent means unknown. */
    public List<String> mountOptions() {
        return mountOptions;
    }

    /** {@code linux}: OPTIONAL: Linux features. */
    public Optional<FeaturesLinux> linux() {
        return Optional.ofNullable(linux);
    }

    /** {@code annotations}: OPTIONAL: implementation annotations, such as its version. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** {@code potentiallyUnsafeConfigAnnotations}: OPTIONAL: config annotations (or prefixes ending in '.') that may change the runtime's behavior. */
    public List<String> potentiallyUnsafeConfigAnnotations() {
        return potentiallyUnsafeConfigAnnotations;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Features fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("ociVersionMin").ifPresent(b::ociVersionMin);
        f.string("ociVersionMax").ifPresent(b::ociVersionMax);
        b.hooks.addAll(f.stringList("hooks"));
        b.mountOptions.addAll(f.stringList("mountOptions"));
        f.object("linux", FeaturesLinux::fromJson).ifPresent(v -> b.linux = v);
        b.annotations.putAll(f.stringMap("annotations"));
        b.potentiallyUnsafeConfigAnnotations.addAll(f.stringList("potentiallyUnsafeConfigAnnotations"));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfNotEmpty("ociVersionMin", ociVersionMin)
                .putIfNotEmpty("ociVersionMax", ociVersionMax)
                .putStringsIfNotEmpty("hooks", hooks)
                .putStringsIfNotEmpty("mountOptions", mountOptions)
                .putObjectIfPresent("linux", linux(), FeaturesLinux::toJson)
                .putIfNotEmpty("annotations", annotations)
                .putStringsIfNotEmpty("potentiallyUnsafeConfigAnnotations", potentiallyUnsafeConfigAnnotations)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Features other)) {
            return false;
        }
        return Objects.equals(ociVersionMin, other.ociVersionMin)
                && Objects.equals(ociVersionMax, other.ociVersionMax)
                && Objects.equals(hooks, other.hooks)
                && Objects.equals(mountOptions, other.mountOptions)
                && Objects.equals(linux, other.linux)
                && Objects.equals(annotations, other.annotations)
                && Objects.equals(potentiallyUnsafeConfigAnnotations, other.potentiallyUnsafeConfigAnnotations)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ociVersionMin, ociVersionMax, hooks, mountOptions, linux, annotations, potentiallyUnsafeConfigAnnotations, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Features" + Json.text(toJson());
    }

    /** Builds a {@link Features}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String ociVersionMin;
        private String ociVersionMax;
        private List<String> hooks = new ArrayList<>();
        private List<String> mountOptions = new ArrayList<>();
        private FeaturesLinux linux;
        private Map<String, String> annotations = new TreeMap<>();
        private List<String> potentiallyUnsafeConfigAnnotations = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code ociVersionMin}; the empty string leaves it out, as Go's omitempty does. */
        public Builder ociVersionMin(String ociVersionMin) {
            Objects.requireNonNull(ociVersionMin, "ociVersionMin");
            this.ociVersionMin = ociVersionMin.isEmpty() ? null : ociVersionMin;
            return this;
        }

        public Builder clearOciVersionMin() {
            this.ociVersionMin = null;
            return this;
        }

        /** Sets {@code ociVersionMax}; the empty string leaves it out, as Go's omitempty does. */
        public Builder ociVersionMax(String ociVersionMax) {
            Objects.requireNonNull(ociVersionMax, "ociVersionMax");
            this.ociVersionMax = ociVersionMax.isEmpty() ? null : ociVersionMax;
            return this;
        }

        public Builder clearOciVersionMax() {
            this.ociVersionMax = null;
            return this;
        }

        /** Replaces {@code hooks}. */
        public Builder hooks(Collection<? extends String> hooks) {
            this.hooks = new ArrayList<>(List.copyOf(hooks));
            return this;
        }

        /** Appends one entry to {@code hooks}. */
        public Builder addHook(String hook) {
            this.hooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /** Replaces {@code mountOptions}. */
        public Builder mountOptions(Collection<? extends String> mountOptions) {
            this.mountOptions = new ArrayList<>(List.copyOf(mountOptions));
            return this;
        }

        /** Appends one entry to {@code mountOptions}. */
        public Builder addMountOption(String mountOption) {
            this.mountOptions.add(Objects.requireNonNull(mountOption, "mountOption"));
            return this;
        }

        public Builder linux(FeaturesLinux linux) {
            this.linux = Objects.requireNonNull(linux, "linux");
            return this;
        }

        public Builder clearLinux() {
            this.linux = null;
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

        /** Replaces {@code potentiallyUnsafeConfigAnnotations}. */
        public Builder potentiallyUnsafeConfigAnnotations(Collection<? extends String> potentiallyUnsafeConfigAnnotations) {
            this.potentiallyUnsafeConfigAnnotations = new ArrayList<>(List.copyOf(potentiallyUnsafeConfigAnnotations));
            return this;
        }

        /** Appends one entry to {@code potentiallyUnsafeConfigAnnotations}. */
        public Builder addPotentiallyUnsafeConfigAnnotation(String potentiallyUnsafeConfigAnnotation) {
            this.potentiallyUnsafeConfigAnnotations.add(Objects.requireNonNull(potentiallyUnsafeConfigAnnotation, "potentiallyUnsafeConfigAnnotation"));
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

        public Features build() {
            return new Features(this);
        }
    }
}
