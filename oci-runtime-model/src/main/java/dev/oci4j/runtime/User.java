package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.IntType;
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
import java.util.OptionalLong;

/**
 * The user and groups the container process runs as.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#user">config.md#user</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"uid":1000,"gid":1000,"umask":18,"additionalGids":[5,10]}
 * }</pre>
 */
public final class User {

    private final long uid;
    private final long gid;
    private final Long umask;
    private final List<Long> additionalGids;
    private final String username;
    private final Map<String, String> extensions;

    private User(Builder b) {
        this.uid = b.uid;
        this.gid = b.gid;
        this.umask = b.umask;
        this.additionalGids = List.copyOf(b.additionalGids);
        this.username = b.username;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.uid = uid;
        b.gid = gid;
        b.umask = umask;
        b.additionalGids = new ArrayList<>(additionalGids);
        b.username = username;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code uid}: REQUIRED (POSIX): the user id in the container namespace. */
    public long uid() {
        return uid;
    }

    /** {@code gid}: REQUIRED (POSIX): the group id in the container namespace. */
    public long gid() {
        return gid;
    }

    /** {@code umask}: OPTIONAL (POSIX): the umask of the process. */
    public OptionalLong umask() {
        return umask == null ? OptionalLong.empty() : OptionalLong.of(umask);
    }

    /** {@code additionalGids}: OPTIONAL (POSIX): additional group ids. */
    public List<Long> additionalGids() {
        return additionalGids;
    }

    /** {@code username}: OPTIONAL (Windows): the user name. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static User fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("uid", IntType.U32).ifPresent(v -> b.uid = v);
        f.integer("gid", IntType.U32).ifPresent(v -> b.gid = v);
        f.integer("umask", IntType.U32).ifPresent(v -> b.umask = v);
        b.additionalGids.addAll(f.integerList("additionalGids", IntType.U32));
        f.string("username").ifPresent(b::username);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("uid", uid, IntType.U32)
                .put("gid", gid, IntType.U32)
                .putIfPresent("umask", umask(), IntType.U32)
                .putIntegersIfNotEmpty("additionalGids", additionalGids, IntType.U32)
                .putIfNotEmpty("username", username)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof User other)) {
            return false;
        }
        return uid == other.uid
                && gid == other.gid
                && Objects.equals(umask, other.umask)
                && Objects.equals(additionalGids, other.additionalGids)
                && Objects.equals(username, other.username)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, gid, umask, additionalGids, username, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "User" + Json.text(toJson());
    }

    /** Builds a {@link User}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private long uid;
        private long gid;
        private Long umask;
        private List<Long> additionalGids = new ArrayList<>();
        private String username;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder uid(long uid) {
            this.uid = IntType.U32.check("uid", uid);
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder gid(long gid) {
            this.gid = IntType.U32.check("gid", gid);
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go uint32 */
        public Builder umask(long umask) {
            this.umask = IntType.U32.check("umask", umask);
            return this;
        }

        public Builder clearUmask() {
            this.umask = null;
            return this;
        }

        /** Replaces {@code additionalGids}. */
        public Builder additionalGids(Collection<? extends Long> additionalGids) {
            this.additionalGids = new ArrayList<>(List.copyOf(additionalGids));
            return this;
        }

        /** Appends one entry to {@code additionalGids}. */
        public Builder addAdditionalGid(long additionalGid) {
            this.additionalGids.add(IntType.U32.check("additionalGids", additionalGid));
            return this;
        }

        /** Sets {@code username}; the empty string leaves it out, as Go's omitempty does. */
        public Builder username(String username) {
            Objects.requireNonNull(username, "username");
            this.username = username.isEmpty() ? null : username;
            return this;
        }

        public Builder clearUsername() {
            this.username = null;
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

        public User build() {
            return new User(this);
        }
    }
}
