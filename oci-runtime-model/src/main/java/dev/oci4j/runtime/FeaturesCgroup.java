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
 * The cgroup support compiled into a runtime.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/features-linux.md#cgroup">features-linux.md#cgroup</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"v1":true,"v2":true,"systemd":true,"systemdUser":true,"rdma":true}
 * }</pre>
 */
public final class FeaturesCgroup {

    private final Boolean v1;
    private final Boolean v2;
    private final Boolean systemd;
    private final Boolean systemdUser;
    private final Boolean rdma;
    private final Map<String, String> extensions;

    private FeaturesCgroup(Builder b) {
        this.v1 = b.v1;
        this.v2 = b.v2;
        this.systemd = b.systemd;
        this.systemdUser = b.systemdUser;
        this.rdma = b.rdma;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.v1 = v1;
        b.v2 = v2;
        b.systemd = systemd;
        b.systemdUser = systemdUser;
        b.rdma = rdma;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code v1}: OPTIONAL: cgroup v1 support; absent means unknown. */
    public Optional<Boolean> v1() {
        return Optional.ofNullable(v1);
    }

    /** {@code v2}: OPTIONAL: cgroup v2 support; absent means unknown. */
    public Optional<Boolean> v2() {
        return Optional.ofNullable(v2);
    }

    /** {@code systemd}: OPTIONAL: systemd cgroup driver support; absent means unknown. */
    public Optional<Boolean> systemd() {
        return Optional.ofNullable(systemd);
    }

    /** {@code systemdUser}: OPTIONAL: user-scoped systemd cgroup support; absent means unknown. */
    public Optional<Boolean> systemdUser() {
        return Optional.ofNullable(systemdUser);
    }

    /** {@code rdma}: OPTIONAL: RDMA cgroup support; absent means unknown. */
    public Optional<Boolean> rdma() {
        return Optional.ofNullable(rdma);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static FeaturesCgroup fromJson(JsonFields f) {
        Builder b = new Builder();
        f.bool("v1").ifPresent(b::v1);
        f.bool("v2").ifPresent(b::v2);
        f.bool("systemd").ifPresent(b::systemd);
        f.bool("systemdUser").ifPresent(b::systemdUser);
        f.bool("rdma").ifPresent(b::rdma);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putBooleanIfPresent("v1", v1())
                .putBooleanIfPresent("v2", v2())
                .putBooleanIfPresent("systemd", systemd())
                .putBooleanIfPresent("systemdUser", systemdUser())
                .putBooleanIfPresent("rdma", rdma())
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FeaturesCgroup other)) {
            return false;
        }
        return Objects.equals(v1, other.v1)
                && Objects.equals(v2, other.v2)
                && Objects.equals(systemd, other.systemd)
                && Objects.equals(systemdUser, other.systemdUser)
                && Objects.equals(rdma, other.rdma)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(v1, v2, systemd, systemdUser, rdma, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "FeaturesCgroup" + Json.text(toJson());
    }

    /** Builds a {@link FeaturesCgroup}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Boolean v1;
        private Boolean v2;
        private Boolean systemd;
        private Boolean systemdUser;
        private Boolean rdma;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder v1(boolean v1) {
            this.v1 = v1;
            return this;
        }

        public Builder clearV1() {
            this.v1 = null;
            return this;
        }

        public Builder v2(boolean v2) {
            this.v2 = v2;
            return this;
        }

        public Builder clearV2() {
            this.v2 = null;
            return this;
        }

        public Builder systemd(boolean systemd) {
            this.systemd = systemd;
            return this;
        }

        public Builder clearSystemd() {
            this.systemd = null;
            return this;
        }

        public Builder systemdUser(boolean systemdUser) {
            this.systemdUser = systemdUser;
            return this;
        }

        public Builder clearSystemdUser() {
            this.systemdUser = null;
            return this;
        }

        public Builder rdma(boolean rdma) {
            this.rdma = rdma;
            return this;
        }

        public Builder clearRdma() {
            this.rdma = null;
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

        public FeaturesCgroup build() {
            return new FeaturesCgroup(this);
        }
    }
}
