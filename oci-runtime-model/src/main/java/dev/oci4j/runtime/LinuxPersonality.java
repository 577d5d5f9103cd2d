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
 * The execution domain of the container, as personality(2).
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#personality">config-linux.md#personality</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"domain":"LINUX32"}
 * }</pre>
 */
public final class LinuxPersonality {

    private final LinuxPersonalityDomain domain;
    private final List<String> flags;
    private final Map<String, String> extensions;

    private LinuxPersonality(Builder b) {
        this.domain = b.domain;
        this.flags = List.copyOf(b.flags);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.domain = domain;
        b.flags = new ArrayList<>(flags);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code domain}: REQUIRED: the execution domain. */
    public LinuxPersonalityDomain domain() {
        return domain;
    }

    /** {@code flags}: OPTIONAL: additional flags; none are defined yet. */
    public List<String> flags() {
        return flags;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxPersonality fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("domain").ifPresent(v -> b.domain(LinuxPersonalityDomain.of(v)));
        b.flags.addAll(f.stringList("flags"));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("domain", domain.value())
                .putStringsIfNotEmpty("flags", flags)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxPersonality other)) {
            return false;
        }
        return Objects.equals(domain, other.domain)
                && Objects.equals(flags, other.flags)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, flags, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxPersonality" + Json.text(toJson());
    }

    /** Builds a {@link LinuxPersonality}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private LinuxPersonalityDomain domain = LinuxPersonalityDomain.of("");
        private List<String> flags = new ArrayList<>();
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder domain(LinuxPersonalityDomain domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        public Builder domain(String domain) {
            return domain(LinuxPersonalityDomain.of(domain));
        }

        /** Replaces {@code flags}. */
        public Builder flags(Collection<? extends String> flags) {
            this.flags = new ArrayList<>(List.copyOf(flags));
            return this;
        }

        /** Appends one entry to {@code flags}. */
        public Builder addFlag(String flag) {
            this.flags.add(Objects.requireNonNull(flag, "flag"));
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

        public LinuxPersonality build() {
            return new LinuxPersonality(this);
        }
    }
}
