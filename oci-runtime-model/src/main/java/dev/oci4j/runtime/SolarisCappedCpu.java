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
 * The Solaris CPU cap.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-solaris.md#cappedcpu">config-solaris.md#cappedcpu</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"ncpus":"8"}
 * }</pre>
 */
public final class SolarisCappedCpu {

    private final String ncpus;
    private final Map<String, String> extensions;

    private SolarisCappedCpu(Builder b) {
        this.ncpus = b.ncpus;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ncpus = ncpus;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code ncpus}: OPTIONAL: the number of CPUs. */
    public Optional<String> ncpus() {
        return Optional.ofNullable(ncpus);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static SolarisCappedCpu fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("ncpus").ifPresent(b::ncpus);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfNotEmpty("ncpus", ncpus)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SolarisCappedCpu other)) {
            return false;
        }
        return Objects.equals(ncpus, other.ncpus)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ncpus, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "SolarisCappedCpu" + Json.text(toJson());
    }

    /** Builds a {@link SolarisCappedCpu}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String ncpus;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code ncpus}; the empty string leaves it out, as Go's omitempty does. */
        public Builder ncpus(String ncpus) {
            Objects.requireNonNull(ncpus, "ncpus");
            this.ncpus = ncpus.isEmpty() ? null : ncpus;
            return this;
        }

        public Builder clearNcpus() {
            this.ncpus = null;
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

        public SolarisCappedCpu build() {
            return new SolarisCappedCpu(this);
        }
    }
}
