package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an image configuration's history (image-spec config.md, "history"), base layer first.
 *
 * <pre>{@code
 * {"created": "2015-10-31T22:22:54.690851953Z", "created_by": "/bin/sh -c #(nop) ADD file:a3bc1e842b in /"}
 * History h = History.builder().created(Instant.now()).createdBy("RUN make").emptyLayer(false).build();
 * }</pre>
 */
public final class History {

    /** The members this model maps; an extension may not reuse them. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("created", "created_by", "author", "comment", "empty_layer");

    private final String created;
    private final String createdBy;
    private final String author;
    private final String comment;
    private final Boolean emptyLayer;
    private final Map<String, String> extensions;

    private History(String created, String createdBy, String author, String comment, Boolean emptyLayer,
            Map<String, String> extensions) {
        this.created = created;
        this.createdBy = createdBy;
        this.author = author;
        this.comment = comment;
        this.emptyLayer = emptyLayer;
        this.extensions = extensions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** OPTIONAL. When the layer was created: the RFC 3339 text exactly as written. */
    public Optional<String> created() {
        return Optional.ofNullable(created);
    }

    /**
     * {@link #created()} parsed.
     *
     * @throws ImageFormatException when the text is not an RFC 3339 date-time
     */
    public Optional<OffsetDateTime> createdTime() {
        return created().map(c -> Timestamps.parse(c, "created"));
    }

    /** OPTIONAL. The command which created the layer. */
    public Optional<String> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    /** OPTIONAL. The author of the build point. */
    public Optional<String> author() {
        return Optional.ofNullable(author);
    }

    /** OPTIONAL. A custom message. */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** OPTIONAL. Whether this entry created no filesystem diff (no layer in rootfs.diff_ids). */
    public boolean emptyLayer() {
        return emptyLayer != null && emptyLayer;
    }

    /** Members this model does not know, as raw JSON text, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.created = created;
        b.createdBy = createdBy;
        b.author = author;
        b.comment = comment;
        b.emptyLayer = emptyLayer;
        b.extensions = extensions;
        return b;
    }

    static History read(JsonFields f) {
        return new History(
                f.string("created").orElse(null),
                f.string("created_by").orElse(null),
                f.string("author").orElse(null),
                f.string("comment").orElse(null),
                f.bool("empty_layer").orElse(null),
                f.unknown());
    }

    JsonNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("created", Optional.ofNullable(created))
                .putIfPresent("created_by", Optional.ofNullable(createdBy))
                .putIfPresent("author", Optional.ofNullable(author))
                .putIfPresent("comment", Optional.ofNullable(comment))
                .putBooleanIfPresent("empty_layer", Optional.ofNullable(emptyLayer))
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && Objects.equals(h.created, created) && Objects.equals(h.createdBy, createdBy)
                && Objects.equals(h.author, author) && Objects.equals(h.comment, comment)
                && Objects.equals(h.emptyLayer, emptyLayer) && h.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(created, createdBy, author, comment, emptyLayer, extensions);
    }

    @Override
    public String toString() {
        return "History{created=" + created + ", createdBy=" + createdBy + ", author=" + author
                + ", comment=" + comment + ", emptyLayer=" + emptyLayer
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet()) + "}";
    }

    /** Builds a {@link History}; every member is optional. Empty strings and false are left out (omitempty). */
    public static final class Builder {
        private String created;
        private String createdBy;
        private String author;
        private String comment;
        private Boolean emptyLayer;
        private Map<String, String> extensions = Map.of();

        private Builder() {
        }

        /** The creation time as RFC 3339 text, kept verbatim. */
        public Builder created(String created) {
            this.created = emptyToNull(Objects.requireNonNull(created, "created"));
            return this;
        }

        /** The creation time, written in UTC with the fraction digits needed. */
        public Builder created(Instant created) {
            this.created = Timestamps.format(Objects.requireNonNull(created, "created"));
            return this;
        }

        public Builder createdBy(String createdBy) {
            this.createdBy = emptyToNull(Objects.requireNonNull(createdBy, "createdBy"));
            return this;
        }

        public Builder author(String author) {
            this.author = emptyToNull(Objects.requireNonNull(author, "author"));
            return this;
        }

        public Builder comment(String comment) {
            this.comment = emptyToNull(Objects.requireNonNull(comment, "comment"));
            return this;
        }

        public Builder emptyLayer(boolean emptyLayer) {
            this.emptyLayer = emptyLayer ? Boolean.TRUE : null;
            return this;
        }

        /** Unknown members as raw JSON text, written after the known ones. */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = Values.extensions(extensions, KNOWN);
            return this;
        }

        public History build() {
            return new History(created, createdBy, author, comment, emptyLayer, extensions);
        }

        private static String emptyToNull(String s) {
            return s.isEmpty() ? null : s;
        }
    }
}
