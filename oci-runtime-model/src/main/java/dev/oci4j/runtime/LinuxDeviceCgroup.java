package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.IntType;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A rule of the device cgroup allowlist.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#allowed-device-list">config-linux.md#allowed-device-list</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"allow":false,"access":"rwm"}
 * }</pre>
 */
public final class LinuxDeviceCgroup {

    private final boolean allow;
    private final String type;
    private final Long major;
    private final Long minor;
    private final String access;
    private final Map<String, String> extensions;

    private LinuxDeviceCgroup(Builder b) {
        this.allow = b.allow;
        this.type = b.type;
        this.major = b.major;
        this.minor = b.minor;
        this.access = b.access;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.allow = allow;
        b.type = type;
        b.major = major;
        b.minor = minor;
        b.access = access;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code allow}: REQUIRED: allow or deny. */
    public boolean allow() {
        return allow;
    }

    /** {@code type}: OPTIONAL: a (all), c or b; defaults to all. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** {@code major}: OPTIONAL: the major number; absent means all. */
    public OptionalLong major() {
        return major == null ? OptionalLong.empty() : OptionalLong.of(major);
    }

    /** {@code minor}: OPTIONAL: the minor number; absent means all. */
    public OptionalLong minor() {
        return minor == null ? OptionalLong.empty() : OptionalLong.of(minor);
    }

    /** {@code access}: OPTIONAL: cgroup permissions, a combination of r, w and m. */
    public Optional<String> access() {
        return Optional.ofNullable(access);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxDeviceCgroup fromJson(JsonFields f) {
        Builder b = new Builder();
        f.bool("allow").ifPresent(b::allow);
        f.string("type").ifPresent(b::type);
        f.integer("major", IntType.I64).ifPresent(v -> b.major = v);
        f.integer("minor", IntType.I64).ifPresent(v -> b.minor = v);
        f.string("access").ifPresent(b::access);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("allow", allow)
                .putIfNotEmpty("type", type)
                .putIfPresent("major", major(), IntType.I64)
                .putIfPresent("minor", minor(), IntType.I64)
                .putIfNotEmpty("access", access)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxDeviceCgroup other)) {
            return false;
        }
        return allow == other.allow
                && Objects.equals(type, other.type)
                && Objects.equals(major, other.major)
                && Objects.equals(minor, other.minor)
                && Objects.equals(access, other.access)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allow, type, major, minor, access, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxDeviceCgroup" + Json.text(toJson());
    }

    /** Builds a {@link LinuxDeviceCgroup}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private boolean allow;
        private String type;
        private Long major;
        private Long minor;
        private String access;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder allow(boolean allow) {
            this.allow = allow;
            return this;
        }

        /** Sets {@code type}; the empty string leaves it out, as Go's omitempty does. */
        public Builder type(String type) {
            Objects.requireNonNull(type, "type");
            this.type = type.isEmpty() ? null : type;
            return this;
        }

        public Builder clearType() {
            this.type = null;
            return this;
        }

        public Builder major(long major) {
            this.major = IntType.I64.check("major", major);
            return this;
        }

        public Builder clearMajor() {
            this.major = null;
            return this;
        }

        public Builder minor(long minor) {
            this.minor = IntType.I64.check("minor", minor);
            return this;
        }

        public Builder clearMinor() {
            this.minor = null;
            return this;
        }

        /** Sets {@code access}; the empty string leaves it out, as Go's omitempty does. */
        public Builder access(String access) {
            Objects.requireNonNull(access, "access");
            this.access = access.isEmpty() ? null : access;
            return this;
        }

        public Builder clearAccess() {
            this.access = null;
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

        public LinuxDeviceCgroup build() {
            return new LinuxDeviceCgroup(this);
        }
    }
}
