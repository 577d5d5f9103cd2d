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

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return when the layer was created: the RFC 3339 text exactly as written} OPTIONAL. */
    public Optional<String> created() {
        return Optional.ofNullable(created);
    }

    /**
     * {@return {@link #created()} parsed}
     *
     * @throws ImageFormatException when the text is not an RFC 3339 date-time
     */
    public Optional<OffsetDateTime> createdTime() {
        return created().map(c -> Timestamps.parse(c, "created"));
    }

    /** {@return the command which created the layer} OPTIONAL. */
    public Optional<String> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    /** {@return the author of the build point} OPTIONAL. */
    public Optional<String> author() {
        return Optional.ofNullable(author);
    }

    /** {@return a custom message} OPTIONAL. */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** {@return whether this entry created no filesystem diff (no layer in rootfs.diff_ids)} OPTIONAL. */
    public boolean emptyLayer() {
        return emptyLayer != null && emptyLayer;
    }

    /** {@return members this model does not know, as raw JSON text, in document order} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** {@return a builder holding this {@code History}'s values} */
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

    /** Builds a {@link History}; every member is optional. An empty string is refused (use the clearer); false is left out (omitempty). */
    public static final class Builder {
        private String created;
        private String createdBy;
        private String author;
        private String comment;
        private Boolean emptyLayer;
        private Map<String, String> extensions = Map.of();

        private Builder() {
        }

        /**
         * The creation time as RFC 3339 text, kept verbatim.
         *
         * @param created the time, such as {@code 2015-10-31T22:22:54.690851953Z}
         * @return this builder
         * @throws IllegalArgumentException if {@code created} is empty (see {@link #clearCreated()})
         */
        public Builder created(String created) {
            this.created = Values.notEmpty(created, "History", "created");
            return this;
        }

        /**
         * The creation time, written in UTC with the fraction digits needed.
         *
         * @param created the time
         * @return this builder
         */
        public Builder created(Instant created) {
            this.created = Timestamps.format(Objects.requireNonNull(created, "created"));
            return this;
        }

        /**
         * Leaves {@code created} out.
         *
         * @return this builder
         */
        public Builder clearCreated() {
            this.created = null;
            return this;
        }

        /**
         * Sets {@code created_by}, the command which created the layer.
         *
         * @param createdBy the command
         * @return this builder
         * @throws IllegalArgumentException if {@code createdBy} is empty (see {@link #clearCreatedBy()})
         */
        public Builder createdBy(String createdBy) {
            this.createdBy = Values.notEmpty(createdBy, "History", "createdBy");
            return this;
        }

        /**
         * Leaves {@code created_by} out.
         *
         * @return this builder
         */
        public Builder clearCreatedBy() {
            this.createdBy = null;
            return this;
        }

        /**
         * Sets {@code author}, the author of the build point.
         *
         * @param author the author
         * @return this builder
         * @throws IllegalArgumentException if {@code author} is empty (see {@link #clearAuthor()})
         */
        public Builder author(String author) {
            this.author = Values.notEmpty(author, "History", "author");
            return this;
        }

        /**
         * Leaves {@code author} out.
         *
         * @return this builder
         */
        public Builder clearAuthor() {
            this.author = null;
            return this;
        }

        /**
         * Sets {@code comment}, a custom message set when creating the layer.
         *
         * @param comment the message
         * @return this builder
         * @throws IllegalArgumentException if {@code comment} is empty (see {@link #clearComment()})
         */
        public Builder comment(String comment) {
            this.comment = Values.notEmpty(comment, "History", "comment");
            return this;
        }

        /**
         * Leaves {@code comment} out.
         *
         * @return this builder
         */
        public Builder clearComment() {
            this.comment = null;
            return this;
        }

        /**
         * Sets {@code empty_layer}: whether the entry created no filesystem diff; false is left out.
         *
         * @param emptyLayer true when the entry adds no layer to {@code rootfs.diff_ids}
         * @return this builder
         */
        public Builder emptyLayer(boolean emptyLayer) {
            this.emptyLayer = emptyLayer ? Boolean.TRUE : null;
            return this;
        }

        /**
         * Unknown members as raw JSON text, written after the known ones.
         *
         * @param extensions the unknown members by key, each value one JSON value as text
         * @return this builder
         * @throws IllegalArgumentException when a key is a member {@code History} maps, or a value is not JSON
         */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = Values.extensions(extensions, KNOWN);
            return this;
        }

        /**
         * Adds or replaces one unknown member; {@code rawJson} is one JSON value.
         *
         * @param key the member's key
         * @param rawJson the member's value as JSON text
         * @return this builder
         * @throws IllegalArgumentException when {@code key} is a member {@code History} maps, or {@code rawJson} is not JSON
         */
        public Builder putExtension(String key, String rawJson) {
            this.extensions = Values.putExtension(extensions, key, rawJson, KNOWN);
            return this;
        }

        /**
         * Removes one unknown member, if present.
         *
         * @param key the member's key
         * @return this builder
         */
        public Builder removeExtension(String key) {
            this.extensions = Values.remove(extensions, key, "extensions");
            return this;
        }

        /**
         * Removes every unknown member.
         *
         * @return this builder
         */
        public Builder clearExtensions() {
            this.extensions = Map.of();
            return this;
        }

        /** {@return the history entry} */
        public History build() {
            return new History(created, createdBy, author, comment, emptyLayer, extensions);
        }
    }
}
