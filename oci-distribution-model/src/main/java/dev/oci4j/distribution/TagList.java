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

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the repository the tags belong to} REQUIRED in the JSON. */
    public String name() {
        return name;
    }

    /** {@return the tags, empty when the repository has none (registries send {@code null} then)} REQUIRED in the JSON. */
    public List<String> tags() {
        return tags;
    }

    /** {@return members this class does not know, as raw JSON} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /**
     * A builder holding this object's values.
     *
     * @return this builder
     */
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

        /**
         * Sets the REQUIRED repository name.
         *
         * @param name the repository name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Replaces the tags.
         *
         * @param tags the tags
         * @return this builder
         */
        public Builder tags(Collection<String> tags) {
            this.tags.clear();
            tags.forEach(this::addTag);
            return this;
        }

        /**
         * Appends one tag.
         *
         * @param tag a tag
         * @return this builder
         */
        public Builder addTag(String tag) {
            tags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        /**
         * Removes every tag.
         *
         * @return this builder
         */
        public Builder clearTags() {
            tags.clear();
            return this;
        }

        /**
         * Builds the tag list.
         *
         * @return the tag list
         * @throws IllegalStateException when the REQUIRED name is unset
         */
        public TagList build() {
            if (name == null) {
                throw new IllegalStateException("TagList.name is REQUIRED and unset");
            }
            return new TagList(this);
        }
    }
}
