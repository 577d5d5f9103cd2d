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
 * The mount extensions a runtime supports.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/features-linux.md#mountextensions">features-linux.md#mountextensions</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"idmap":{"enabled":true}}
 * }</pre>
 */
public final class FeaturesMountExtensions {

    private final FeaturesIdMap idmap;
    private final Map<String, String> extensions;

    private FeaturesMountExtensions(Builder b) {
        this.idmap = b.idmap;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.idmap = idmap;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code idmap}: OPTIONAL: idmapped mount support. */
    public Optional<FeaturesIdMap> idmap() {
        return Optional.ofNullable(idmap);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static FeaturesMountExtensions fromJson(JsonFields f) {
        Builder b = new Builder();
        f.object("idmap", FeaturesIdMap::fromJson).ifPresent(v -> b.idmap = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putObjectIfPresent("idmap", idmap(), FeaturesIdMap::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FeaturesMountExtensions other)) {
            return false;
        }
        return Objects.equals(idmap, other.idmap)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(idmap, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "FeaturesMountExtensions" + Json.text(toJson());
    }

    /** Builds a {@link FeaturesMountExtensions}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private FeaturesIdMap idmap;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder idmap(FeaturesIdMap idmap) {
            this.idmap = Objects.requireNonNull(idmap, "idmap");
            return this;
        }

        public Builder clearIdmap() {
            this.idmap = null;
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

        public FeaturesMountExtensions build() {
            return new FeaturesMountExtensions(this);
        }
    }
}
