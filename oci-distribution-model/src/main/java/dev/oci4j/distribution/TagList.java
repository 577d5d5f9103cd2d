package dev.oci4j.distribution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The answer to {@code GET /v2/<name>/tags/list} (distribution-spec "Listing Tags"). Tags are kept in the registry's order; the client sorts them.
 *
 * <pre>{@code {"name":"library/busybox","tags":["1.36","latest"]}}</pre>
 */
public final class TagList {

    static final Set<String> KEYS = Set.of("name", "tags");

    private final String name;
    private final List<String> tags;
    private final Map<String, String> extensions;

    private TagList(Builder b) {
        this.name = b.name;
        this.tags = List.copyOf(b.tags);
        this.extensions = b.builtExtensions();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** REQUIRED: the repository the tags belong to. */
    public String name() {
        return name;
    }

    /** REQUIRED: the tags, empty when the repository has none (registries send {@code null} then). */
    public List<String> tags() {
        return tags;
    }

    /** Members this class does not know, as raw JSON. */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        return new Builder().name(name).tags(tags).extensions(extensions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagList x && name.equals(x.name) && tags.equals(x.tags) && extensions.equals(x.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, tags, extensions);
    }

    @Override
    public String toString() {
        return "TagList" + tags;
    }

    /** Builds a {@link TagList}. */
    public static final class Builder extends ExtensibleBuilder<Builder> {
        private String name;
        private final List<String> tags = new ArrayList<>();

        private Builder() {
            super("TagList", KEYS);
        }

        /** Sets the REQUIRED repository name. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Replaces the tags. */
        public Builder tags(Collection<String> tags) {
            this.tags.clear();
            tags.forEach(this::addTag);
            return this;
        }

        /** Appends one tag. */
        public Builder addTag(String tag) {
            tags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        /** Removes every tag. */
        public Builder clearTags() {
            tags.clear();
            return this;
        }

        /**
         * Builds the object.
         *
         * @throws IllegalStateException when a REQUIRED member is unset
         */
        public TagList build() {
            if (name == null) {
                throw new IllegalStateException("TagList.name is REQUIRED and unset");
            }
            return new TagList(this);
        }
    }
}
