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
 * The seccomp support of a runtime.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/features-linux.md#seccomp">features-linux.md#seccomp</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"enabled":true,"actions":["SCMP_ACT_ALLOW"],"operators":["SCMP_CMP_EQ"],"archs":["SCMP_ARCH_X86_64"]}
 * }</pre>
 */
public final class FeaturesSeccomp {

    private final Boolean enabled;
    private final List<String> actions;
    private final List<String> operators;
    private final List<String> archs;
    private final List<String> knownFlags;
    private final List<String> supportedFlags;
    private final Map<String, String> extensions;

    private FeaturesSeccomp(Builder b) {
        this.enabled = b.enabled;
        this.actions = List.copyOf(b.actions);
        this.operators = List.copyOf(b.operators);
        this.archs = List.copyOf(b.archs);
        this.knownFlags = List.copyOf(b.knownFlags);
        this.supportedFlags = List.copyOf(b.supportedFlags);
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.actions = new ArrayList<>(actions);
        b.operators = new ArrayList<>(operators);
        b.archs = new ArrayList<>(archs);
        b.knownFlags = new ArrayList<>(knownFlags);
        b.supportedFlags = new ArrayList<>(supportedFlags);
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code enabled}: OPTIONAL: seccomp support is compiled in; absent means unknown. */
    public Optional<Boolean> enabled() {
        return Optional.ofNullable(enabled);
    }

    /** {@code actions}: OPTIONAL: recognized actions. */
    public List<String> actions() {
        return actions;
    }

    /** {@code operators}: OPTIONAL: recognized operators. */
    public List<String> operators() {
        return operators;
    }

    /** {@code archs}: OPTIONAL: recognized architectures. */
    public List<String> archs() {
        return archs;
    }

    /** {@code knownFlags}: OPTIONAL: recognized filter flags. */
    public List<String> knownFlags() {
        return knownFlags;
    }

    /** {@code supportedFlags}: OPTIONAL: filter flags supported by this kernel and libseccomp. */
    public List<String> supportedFlags() {
        return supportedFlags;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static FeaturesSeccomp fromJson(JsonFields f) {
        Builder b = new Builder();
        f.bool("enabled").ifPresent(b::enabled);
        b.actions.addAll(f.stringList("actions"));
        b.operators.addAll(f.stringList("operators"));
        b.archs.addAll(f.stringList("archs"));
        b.knownFlags.addAll(f.stringList("knownFlags"));
        b.supportedFlags.addAll(f.stringList("supportedFlags"));
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putBooleanIfPresent("enabled", enabled())
                .putStringsIfNotEmpty("actions", actions)
                .putStringsIfNotEmpty("operators", operators)
                .putStringsIfNotEmpty("archs", archs)
                .putStringsIfNotEmpty("knownFlags", knownFlags)
                .putStringsIfNotEmpty("supportedFlags", supportedFlags)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FeaturesSeccomp other)) {
            return false;
        }
        return Objects.equals(enabled, other.enabled)
                && Objects.equals(actions, other.actions)
                && Objects.equals(operators, other.operators)
                && Objects.equals(archs, other.archs)
                && Objects.equals(knownFlags, other.knownFlags)
                && Objects.equals(supportedFlags, other.supportedFlags)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, actions, operators, archs, knownFlags, supportedFlags, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "FeaturesSeccomp" + Json.text(toJson());
    }

    /** Builds a {@link FeaturesSeccomp}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Boolean enabled;
        private List<String> actions = new ArrayList<>();
        private List<String> operators = new ArrayList<>();
        private List<String> archs = new ArrayList<>();
        private List<String> knownFlags = new ArrayList<>();
        private List<String> supportedFlags = new ArrayList<>();
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

        /** Replaces {@code actions}. */
        public Builder actions(Collection<? extends String> actions) {
            this.actions = new ArrayList<>(List.copyOf(actions));
            return this;
        }

        /** Appends one entry to {@code actions}. */
        public Builder addAction(String action) {
            this.actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** Replaces {@code operators}. */
        public Builder operators(Collection<? extends String> operators) {
            this.operators = new ArrayList<>(List.copyOf(operators));
            return this;
        }

        /** Appends one entry to {@code operators}. */
        public Builder addOperator(String operator) {
            this.operators.add(Objects.requireNonNull(operator, "operator"));
            return this;
        }

        /** Replaces {@code archs}. */
        public Builder archs(Collection<? extends String> archs) {
            this.archs = new ArrayList<>(List.copyOf(archs));
            return this;
        }

        /** Appends one entry to {@code archs}. */
        public Builder addArch(String arch) {
            this.archs.add(Objects.requireNonNull(arch, "arch"));
            return this;
        }

        /** Replaces {@code knownFlags}. */
        public Builder knownFlags(Collection<? extends String> knownFlags) {
            this.knownFlags = new ArrayList<>(List.copyOf(knownFlags));
            return this;
        }

        /** Appends one entry to {@code knownFlags}. */
        public Builder addKnownFlag(String knownFlag) {
            this.knownFlags.add(Objects.requireNonNull(knownFlag, "knownFlag"));
            return this;
        }

        /** Replaces {@code supportedFlags}. */
        public Builder supportedFlags(Collection<? extends String> supportedFlags) {
            this.supportedFlags = new ArrayList<>(List.copyOf(supportedFlags));
            return this;
        }

        /** Appends one entry to {@code supportedFlags}. */
        public Builder addSupportedFlag(String supportedFlag) {
            this.supportedFlags.add(Objects.requireNonNull(supportedFlag, "supportedFlag"));
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

        public FeaturesSeccomp build() {
            return new FeaturesSeccomp(this);
        }
    }
}
