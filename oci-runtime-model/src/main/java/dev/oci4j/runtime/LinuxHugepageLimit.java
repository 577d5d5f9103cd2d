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

/**
 * A hugetlb limit for one page size.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#huge-page-limits">config-linux.md#huge-page-limits</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"pageSize":"2MB","limit":209715200}
 * }</pre>
 */
public final class LinuxHugepageLimit {

    private final String pageSize;
    private final long limit;
    private final Map<String, String> extensions;

    private LinuxHugepageLimit(Builder b) {
        this.pageSize = b.pageSize;
        this.limit = b.limit;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pageSize = pageSize;
        b.limit = limit;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code pageSize}: REQUIRED: the page size, such as 2MB. */
    public String pageSize() {
        return pageSize;
    }

    /** {@code limit}: REQUIRED: the limit in bytes (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long limit() {
        return limit;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxHugepageLimit fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("pageSize").ifPresent(b::pageSize);
        f.integer("limit", IntType.U64).ifPresent(v -> b.limit = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("pageSize", pageSize)
                .put("limit", limit, IntType.U64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxHugepageLimit other)) {
            return false;
        }
        return Objects.equals(pageSize, other.pageSize)
                && limit == other.limit
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pageSize, limit, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxHugepageLimit" + Json.text(toJson());
    }

    /** Builds a {@link LinuxHugepageLimit}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String pageSize = "";
        private long limit;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder pageSize(String pageSize) {
            this.pageSize = Objects.requireNonNull(pageSize, "pageSize");
            return this;
        }

        public Builder limit(long limit) {
            this.limit = IntType.U64.check("limit", limit);
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

        public LinuxHugepageLimit build() {
            return new LinuxHugepageLimit(this);
        }
    }
}
