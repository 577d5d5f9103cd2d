package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Solaris memory caps.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-solaris.md#cappedmemory">config-solaris.md#cappedmemory</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"physical":"512m","swap":"512m"}
 * }</pre>
 */
public final class SolarisCappedMemory {

    private final String physical;
    private final String swap;
    private final Map<String, String> extensions;

    private SolarisCappedMemory(Builder b) {
        this.physical = b.physical;
        this.swap = b.swap;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.physical = physical;
        b.swap = swap;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code physical}: OPTIONAL: the physical memory cap. */
    public Optional<String> physical() {
        return Optional.ofNullable(physical);
    }

    /** {@code swap}: OPTIONAL: the swap cap. */
    public Optional<String> swap() {
        return Optional.ofNullable(swap);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static SolarisCappedMemory fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("physical").ifPresent(b::physical);
        f.string("swap").ifPresent(b::swap);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfNotEmpty("physical", physical)
                .putIfNotEmpty("swap", swap)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SolarisCappedMemory other)) {
            return false;
        }
        return Objects.equals(physical, other.physical)
                && Objects.equals(swap, other.swap)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(physical, swap, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "SolarisCappedMemory" + Json.text(toJson());
    }

    /** Builds a {@link SolarisCappedMemory}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String physical;
        private String swap;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code physical}; the empty string leaves it out, as Go's omitempty does. */
        public Builder physical(String physical) {
            Objects.requireNonNull(physical, "physical");
            this.physical = physical.isEmpty() ? null : physical;
            return this;
        }

        public Builder clearPhysical() {
            this.physical = null;
            return this;
        }

        /** Sets {@code swap}; the empty string leaves it out, as Go's omitempty does. */
        public Builder swap(String swap) {
            Objects.requireNonNull(swap, "swap");
            this.swap = swap.isEmpty() ? null : swap;
            return this;
        }

        public Builder clearSwap() {
            this.swap = null;
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

        public SolarisCappedMemory build() {
            return new SolarisCappedMemory(this);
        }
    }
}
