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
 * The CPU affinity of processes started by exec in the container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#linux-process">config.md#linux-process</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"initial":"7","final":"0-3,7"}
 * }</pre>
 */
public final class CpuAffinity {

    private final String initial;
    private final String finalCpus;
    private final Map<String, String> extensions;

    private CpuAffinity(Builder b) {
        this.initial = b.initial;
        this.finalCpus = b.finalCpus;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.initial = initial;
        b.finalCpus = finalCpus;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code initial}: OPTIONAL: CPUs to run on before joining the container cgroup (cpuset list). */
    public Optional<String> initial() {
        return Optional.ofNullable(initial);
    }

    /** {@code final}: OPTIONAL: CPUs to run on after joining the container cgroup (cpuset list); named so because final is a Java keyword. */
    public Optional<String> finalCpus() {
        return Optional.ofNullable(finalCpus);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static CpuAffinity fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("initial").ifPresent(b::initial);
        f.string("final").ifPresent(b::finalCpus);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfNotEmpty("initial", initial)
                .putIfNotEmpty("final", finalCpus)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CpuAffinity other)) {
            return false;
        }
        return Objects.equals(initial, other.initial)
                && Objects.equals(finalCpus, other.finalCpus)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, finalCpus, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "CpuAffinity" + Json.text(toJson());
    }

    /** Builds a {@link CpuAffinity}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String initial;
        private String finalCpus;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code initial}; the empty string leaves it out, as Go's omitempty does. */
        public Builder initial(String initial) {
            Objects.requireNonNull(initial, "initial");
            this.initial = initial.isEmpty() ? null : initial;
            return this;
        }

        public Builder clearInitial() {
            this.initial = null;
            return this;
        }

        /** Sets {@code final}; the empty string leaves it out, as Go's omitempty does. */
        public Builder finalCpus(String finalCpus) {
            Objects.requireNonNull(finalCpus, "finalCpus");
            this.finalCpus = finalCpus.isEmpty() ? null : finalCpus;
            return this;
        }

        public Builder clearFinalCpus() {
            this.finalCpus = null;
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

        public CpuAffinity build() {
            return new CpuAffinity(this);
        }
    }
}
