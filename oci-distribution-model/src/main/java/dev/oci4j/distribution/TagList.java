package dev.oci4j.distribution;

import dev.oci4j.distribution.internal.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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
        this.extensions = Json.copy(b.extensions);
    }

    /** {@return a builder with no member set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the repository the tags belong to (REQUIRED)} */
    public String name() {
        return name;
    }

    /**
     * {@return the tags in the registry's order (REQUIRED); empty when the repository has none (registries send
     * {@code null} then)}
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * {@return the members this class does not know, as raw JSON text by name, kept on reading and written back;
     * empty when none}
     */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** {@return a builder holding this object's values, to derive a changed copy} */
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
    public static final class Builder {
        private String name;
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the REQUIRED repository name.
         *
         * @param name the repository, such as {@code library/busybox}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Replaces the tags.
         *
         * @param tags the tags, in order
         * @return this builder
         * @throws NullPointerException when the collection or one of its elements is null
         */
        public Builder tags(Collection<String> tags) {
            this.tags.clear();
            tags.forEach(this::addTag);
            return this;
        }

        /**
         * Appends one tag.
         *
         * @param tag the tag
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
         * Replaces the extensions.
         *
         * @param extensions member name to raw JSON text
         * @return this builder
         * @throws IllegalArgumentException when a name is a member this class knows or a value is not one JSON value
         */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions.clear();
            extensions.forEach(this::putExtension);
            return this;
        }

        /**
         * Adds an unknown member as raw JSON, written after the known ones.
         *
         * @param key the member name
         * @param rawJson its value as JSON text, such as {@code "\"text\""} or {@code "{\"a\":1}"}
         * @return this builder
         * @throws IllegalArgumentException when {@code key} is a member this class knows, or {@code rawJson} is not
         *        one JSON value
         */
        public Builder putExtension(String key, String rawJson) {
            if (KEYS.contains(Objects.requireNonNull(key, "key"))) {
                throw new IllegalArgumentException("\"" + key + "\" is a member of TagList, not an extension");
            }
            extensions.put(key, Json.checkRaw(Objects.requireNonNull(rawJson, "rawJson"), key));
            return this;
        }

        /**
         * Removes one extension; an absent one is ignored.
         *
         * @param key the member name
         * @return this builder
         */
        public Builder removeExtension(String key) {
            extensions.remove(key);
            return this;
        }

        /**
         * Removes every extension.
         *
         * @return this builder
         */
        public Builder clearExtensions() {
            extensions.clear();
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
