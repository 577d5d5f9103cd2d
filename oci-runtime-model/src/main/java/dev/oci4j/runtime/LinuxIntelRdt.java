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
 * Intel Resource Director Technology settings (resctrl).
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#intelrdt">config-linux.md#intelrdt</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"closID":"guaranteed_group","l3CacheSchema":"L3:0=7f0;1=1f"}
 * }</pre>
 */
public final class LinuxIntelRdt {

    private final String closID;
    private final String schemata;
    private final String l3CacheSchema;
    private final String memBwSchema;
    private final boolean enableCMT;
    private final boolean enableMBM;
    private final Map<String, String> extensions;

    private LinuxIntelRdt(Builder b) {
        this.closID = b.closID;
        this.schemata = b.schemata;
        this.l3CacheSchema = b.l3CacheSchema;
        this.memBwSchema = b.memBwSchema;
        this.enableCMT = b.enableCMT;
        this.enableMBM = b.enableMBM;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.closID = closID;
        b.schemata = schemata;
        b.l3CacheSchema = l3CacheSchema;
        b.memBwSchema = memBwSchema;
        b.enableCMT = enableCMT;
        b.enableMBM = enableMBM;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code closID}: OPTIONAL: the resctrl class of service (a directory name). */
    public Optional<String> closID() {
        return Optional.ofNullable(closID);
    }

    /** {@code schemata}: OPTIONAL: the complete schemata written to resctrl as is. */
    public Optional<String> schemata() {
        return Optional.ofNullable(schemata);
    }

    /** {@code l3CacheSchema}: OPTIONAL: the L3 cache schema. */
    public Optional<String> l3CacheSchema() {
        return Optional.ofNullable(l3CacheSchema);
    }

    /** {@code memBwSchema}: OPTIONAL: the memory bandwidth schema. */
    public Optional<String> memBwSchema() {
        return Optional.ofNullable(memBwSchema);
    }

    /** {@code enableCMT}: OPTIONAL: enable cache monitoring. */
    public boolean enableCMT() {
        return enableCMT;
    }

    /** {@code enableMBM}: OPTIONAL: enable memory bandwidth monitoring. */
    public boolean enableMBM() {
        return enableMBM;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxIntelRdt fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("closID").ifPresent(b::closID);
        f.string("schemata").ifPresent(b::schemata);
        f.string("l3CacheSchema").ifPresent(b::l3CacheSchema);
        f.string("memBwSchema").ifPresent(b::memBwSchema);
        f.bool("enableCMT").ifPresent(b::enableCMT);
        f.bool("enableMBM").ifPresent(b::enableMBM);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfNotEmpty("closID", closID)
                .putIfNotEmpty("schemata", schemata)
                .putIfNotEmpty("l3CacheSchema", l3CacheSchema)
                .putIfNotEmpty("memBwSchema", memBwSchema)
                .putIfTrue("enableCMT", enableCMT)
                .putIfTrue("enableMBM", enableMBM)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxIntelRdt other)) {
            return false;
        }
        return Objects.equals(closID, other.closID)
                && Objects.equals(schemata, other.schemata)
                && Objects.equals(l3CacheSchema, other.l3CacheSchema)
                && Objects.equals(memBwSchema, other.memBwSchema)
                && enableCMT == other.enableCMT
                && enableMBM == other.enableMBM
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(closID, schemata, l3CacheSchema, memBwSchema, enableCMT, enableMBM, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxIntelRdt" + Json.text(toJson());
    }

    /** Builds a {@link LinuxIntelRdt}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String closID;
        private String schemata;
        private String l3CacheSchema;
        private String memBwSchema;
        private boolean enableCMT;
        private boolean enableMBM;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code closID}; the empty string leaves it out, as Go's omitempty does. */
        public Builder closID(String closID) {
            Objects.requireNonNull(closID, "closID");
            this.closID = closID.isEmpty() ? null : closID;
            return this;
        }

        public Builder clearClosID() {
            this.closID = null;
            return this;
        }

        /** Sets {@code schemata}; the empty string leaves it out, as Go's omitempty does. */
        public Builder schemata(String schemata) {
            Objects.requireNonNull(schemata, "schemata");
            this.schemata = schemata.isEmpty() ? null : schemata;
            return this;
        }

        public Builder clearSchemata() {
            this.schemata = null;
            return this;
        }

        /** Sets {@code l3CacheSchema}; the empty string leaves it out, as Go's omitempty does. */
        public Builder l3CacheSchema(String l3CacheSchema) {
            Objects.requireNonNull(l3CacheSchema, "l3CacheSchema");
            this.l3CacheSchema = l3CacheSchema.isEmpty() ? null : l3CacheSchema;
            return this;
        }

        public Builder clearL3CacheSchema() {
            this.l3CacheSchema = null;
            return this;
        }

        /** Sets {@code memBwSchema}; the empty string leaves it out, as Go's omitempty does. */
        public Builder memBwSchema(String memBwSchema) {
            Objects.requireNonNull(memBwSchema, "memBwSchema");
            this.memBwSchema = memBwSchema.isEmpty() ? null : memBwSchema;
            return this;
        }

        public Builder clearMemBwSchema() {
            this.memBwSchema = null;
            return this;
        }

        public Builder enableCMT(boolean enableCMT) {
            this.enableCMT = enableCMT;
            return this;
        }

        public Builder enableMBM(boolean enableMBM) {
            this.enableMBM = enableMBM;
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

        public LinuxIntelRdt build() {
            return new LinuxIntelRdt(this);
        }
    }
}
