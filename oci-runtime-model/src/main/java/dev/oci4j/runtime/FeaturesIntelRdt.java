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
 * The Intel RDT support of a runtime.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/features-linux.md#intel-rdt">features-linux.md#intel-rdt</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"enabled":true}
 * }</pre>
 */
public final class FeaturesIntelRdt {

    private final Boolean enabled;
    private final Map<String, String> extensions;

    private FeaturesIntelRdt(Builder b) {
        this.enabled = b.enabled;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code enabled}: OPTIONAL: Intel RDT support is compiled in; absent means unknown. */
    public Optional<Boolean> enabled() {
        return Optional.ofNullable(enabled);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static FeaturesIntelRdt fromJson(JsonFields f) {
        Builder b = new Builder();
        f.bool("enabled").ifPresent(b::enabled);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putBooleanIfPresent("enabled", enabled())
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FeaturesIntelRdt other)) {
            return false;
        }
        return Objects.equals(enabled, other.enabled)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "FeaturesIntelRdt" + Json.text(toJson());
    }

    /** Builds a {@link FeaturesIntelRdt}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Boolean enabled;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder clearEnabled() {
            this.enabled = null;
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

        public FeaturesIntelRdt build() {
            return new FeaturesIntelRdt(this);
        }
    }
}
