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
 * The Solaris-specific part of the configuration.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-solaris.md">config-solaris.md</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"milestone":"svc:/milestone/container:default","limitpriv":"default"}
 * }</pre>
 */
public final class Solaris {

    private final String milestone;
    private final String limitpriv;
    private final String maxShmMemory;
    private final List<SolarisAnet> anet;
    private final SolarisCappedCpu cappedCPU;
    private final SolarisCappedMemory cappedMemory;
    private final Map<String, String> extensions;

    private Solaris(Builder b) {
        this.milestone = b.milestone;
        this.limitpriv = b.limitpriv;
        this.maxShmMemory = b.maxShmMemory;
        this.anet = List.copyOf(b.anet);
        this.cappedCPU = b.cappedCPU;
        this.cappedMemory = b.cappedMemory;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.milestone = milestone;
        b.limitpriv = limitpriv;
        b.maxShmMemory = maxShmMemory;
        b.anet = new ArrayList<>(anet);
        b.cappedCPU = cappedCPU;
        b.cappedMemory = cappedMemory;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code milestone}: OPTIONAL: SMF FMRI that should go online before the process starts. */
    public Optional<String> milestone() {
        return Optional.ofNullable(milestone);
    }

    /** {@code limitpriv}: OPTIONAL: the maximum privilege set. */
    public Optional<String> limitpriv() {
        return Optional.ofNullable(limitpriv);
    }

    /** {@code maxShmMemory}: OPTIONAL: the maximum shared memory. */
    public Optional<String> maxShmMemory() {
        return Optional.ofNullable(maxShmMemory);
    }

    /** {@code anet}: OPTIONAL: automatic network resources. */
    public List<SolarisAnet> anet() {
        return anet;
    }

    /** {@code cappedCPU}: OPTIONAL: CPU cap. */
    public Optional<SolarisCappedCpu> cappedCPU() {
        return Optional.ofNullable(cappedCPU);
    }

    /** {@code cappedMemory}: OPTIONAL: physical and swap memory caps. */
    public Optional<SolarisCappedMemory> cappedMemory() {
        return Optional.ofNullable(cappedMemory);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Solaris fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("milestone").ifPresent(b::milestone);
        f.string("limitpriv").ifPresent(b::limitpriv);
        f.string("maxShmMemory").ifPresent(b::maxShmMemory);
        b.anet.addAll(f.objectList("anet", SolarisAnet::fromJson));
        f.object("cappedCPU", SolarisCappedCpu::fromJson).ifPresent(v -> b.cappedCPU = v);
        f.object("cappedMemory", SolarisCappedMemory::fromJson).ifPresent(v -> b.cappedMemory = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfNotEmpty("milestone", milestone)
                .putIfNotEmpty("limitpriv", limitpriv)
                .putIfNotEmpty("maxShmMemory", maxShmMemory)
                .putObjectsIfNotEmpty("anet", anet, SolarisAnet::toJson)
                .putObjectIfPresent("cappedCPU", cappedCPU(), SolarisCappedCpu::toJson)
                .putObjectIfPresent("cappedMemory", cappedMemory(), SolarisCappedMemory::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Solaris other)) {
            return false;
        }
        return Objects.equals(milestone, other.milestone)
                && Objects.equals(limitpriv, other.limitpriv)
                && Objects.equals(maxShmMemory, other.maxShmMemory)
                && Objects.equals(anet, other.anet)
                && Objects.equals(cappedCPU, other.cappedCPU)
                && Objects.equals(cappedMemory, other.cappedMemory)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(milestone, limitpriv, maxShmMemory, anet, cappedCPU, cappedMemory, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Solaris" + Json.text(toJson());
    }

    /** Builds a {@link Solaris}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String milestone;
        private String limitpriv;
        private String maxShmMemory;
        private List<SolarisAnet> anet = new ArrayList<>();
        private SolarisCappedCpu cappedCPU;
        private SolarisCappedMemory cappedMemory;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code milestone}; the empty string leaves it out, as Go's omitempty does. */
        public Builder milestone(String milestone) {
            Objects.requireNonNull(milestone, "milestone");
            this.milestone = milestone.isEmpty() ? null : milestone;
            return this;
        }

        public Builder clearMilestone() {
            this.milestone = null;
            return this;
        }

        /** Sets {@code limitpriv}; the empty string leaves it out, as Go's omitempty does. */
        public Builder limitpriv(String limitpriv) {
            Objects.requireNonNull(limitpriv, "limitpriv");
            this.limitpriv = limitpriv.isEmpty() ? null : limitpriv;
            return this;
        }

        public Builder clearLimitpriv() {
            this.limitpriv = null;
            return this;
        }

        /** Sets {@code maxShmMemory}; the empty string leaves it out, as Go's omitempty does. */
        public Builder maxShmMemory(String maxShmMemory) {
            Objects.requireNonNull(maxShmMemory, "maxShmMemory");
            this.maxShmMemory = maxShmMemory.isEmpty() ? null : maxShmMemory;
            return this;
        }

        public Builder clearMaxShmMemory() {
            this.maxShmMemory = null;
            return this;
        }

        /** Replaces {@code anet}. */
        public Builder anet(Collection<? extends SolarisAnet> anet) {
            this.anet = new ArrayList<>(List.copyOf(anet));
            return this;
        }

        /** Appends one entry to {@code anet}. */
        public Builder addAnet(SolarisAnet anet) {
            this.anet.add(Objects.requireNonNull(anet, "anet"));
            return this;
        }

        public Builder cappedCPU(SolarisCappedCpu cappedCPU) {
            this.cappedCPU = Objects.requireNonNull(cappedCPU, "cappedCPU");
            return this;
        }

        public Builder clearCappedCPU() {
            this.cappedCPU = null;
            return this;
        }

        public Builder cappedMemory(SolarisCappedMemory cappedMemory) {
            this.cappedMemory = Objects.requireNonNull(cappedMemory, "cappedMemory");
            return this;
        }

        public Builder clearCappedMemory() {
            this.cappedMemory = null;
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

        public Solaris build() {
            return new Solaris(this);
        }
    }
}
