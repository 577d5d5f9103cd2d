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
import java.util.OptionalLong;

/**
 * A device node that MUST be available in a z/OS container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-zos.md#devices">config-zos.md#devices</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"path":"/dev/zcrypt","type":"c","major":10,"minor":229}
 * }</pre>
 */
public final class ZosDevice {

    private final String path;
    private final String type;
    private final long major;
    private final long minor;
    private final Long fileMode;
    private final Long uid;
    private final Long gid;
    private final Map<String, String> extensions;

    private ZosDevice(Builder b) {
        this.path = b.path;
        this.type = b.type;
        this.major = b.major;
        this.minor = b.minor;
        this.fileMode = b.fileMode;
        this.uid = b.uid;
        this.gid = b.gid;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.type = type;
        b.major = major;
        b.minor = minor;
        b.fileMode = fileMode;
        b.uid = uid;
        b.gid = gid;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code path}: REQUIRED: full path in the container. */
    public String path() {
        return path;
    }

    /** {@code type}: REQUIRED: the device type. */
    public String type() {
        return type;
    }

    /** {@code major}: REQUIRED: the major number. */
    public long major() {
        return major;
    }

    /** {@code minor}: REQUIRED: the minor number. */
    public long minor() {
        return minor;
    }

    /** {@code fileMode}: OPTIONAL: permission bits. */
    public OptionalLong fileMode() {
        return fileMode == null ? OptionalLong.empty() : OptionalLong.of(fileMode);
    }

    /** {@code uid}: OPTIONAL: owner uid. */
    public OptionalLong uid() {
        return uid == null ? OptionalLong.empty() : OptionalLong.of(uid);
    }

    /** {@code gid}: OPTIONAL: owner gid. */
    public OptionalLong gid() {
        return gid == null ? OptionalLong.empty() : OptionalLong.of(gid);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static ZosDevice fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("path").ifPresent(b::path);
        f.string("type").ifPresent(b::type);
        f.integer("major", IntType.I64).ifPresent(v -> b.major = v);
        f.integer("minor", IntType.I64).ifPresent(v -> b.minor = v);
        f.integer("fileMode", IntType.U32).ifPresent(v -> b.fileMode = v);
        f.integer("uid", IntType.U32).ifPresent(v -> b.uid = v);
        f.integer("gid", IntType.U32).ifPresent(v -> b.gid = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("path", path)
                .put("type", type)
                .put("major", major, IntType.I64)
                .put("minor", minor, IntType.I64)
                .putIfPresent("fileMode", fileMode(), IntType.U32)
                .putIfPresent("uid", uid(), IntType.U32)
                .putIfPresent("gid", gid(), IntType.U32)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ZosDevice other)) {
            return false;
        }
        return Objects.equals(path, other.path)
                && Objects.equals(type, other.type)
                && major == other.major
                && minor == other.minor
                && Objects.equals(fileMode, other.fileMode)
                && Objects.equals(uid, other.uid)
                && Objects.equals(gid, other.gid)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, type, major, minor, fileMode, uid, gid, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "ZosDevice" + Json.text(toJson());
    }

    /** Builds a {@link ZosDevice}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String path = "";
        private String type = "";
        private long major;
        private long minor;
        private Long fileMode;
        private Long uid;
        private Long gid;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder major(long major) {
            this.major = IntType.I64.check("major", major);
            return this;
        }

        public Builder minor(long minor) {
            this.minor = IntType.I64.check("minor", minor);
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder fileMode(long fileMode) {
            this.fileMode = IntType.U32.check("fileMode", fileMode);
            return this;
        }

        public Builder clearFileMode() {
            this.fileMode = null;
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder uid(long uid) {
            this.uid = IntType.U32.check("uid", uid);
            return this;
        }

        public Builder clearUid() {
            this.uid = null;
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder gid(long gid) {
            this.gid = IntType.U32.check("gid", gid);
            return this;
        }

        public Builder clearGid() {
            this.gid = null;
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

        public ZosDevice build() {
            return new ZosDevice(this);
        }
    }
}
