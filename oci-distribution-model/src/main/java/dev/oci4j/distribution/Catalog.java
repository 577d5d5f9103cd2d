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
 * The answer to {@code GET /v2/_catalog}: the repositories of a registry (a docker-registry extension the distribution spec does not define).
 *
 * <pre>{@code {"repositories":["library/busybox","team/app"]}}</pre>
 */
public final class Catalog {

    static final Set<String> KEYS = Set.of("repositories");

    private final List<String> repositories;
    private final Map<String, String> extensions;

    private Catalog(Builder b) {
        this.repositories = List.copyOf(b.repositories);
        this.extensions = Json.copy(b.extensions);
    }

    /** {@return a builder with no member set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the repository names, in the registry's order; empty when none} */
    public List<String> repositories() {
        return repositories;
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
        return new Builder().repositories(repositories).extensions(extensions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Catalog x && repositories.equals(x.repositories) && extensions.equals(x.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repositories, extensions);
    }

    @Override
    public String toString() {
        return "Catalog" + repositories;
    }

    /** Builds a {@link Catalog}. */
    public static final class Builder {
        private final List<String> repositories = new ArrayList<>();
        private final Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Replaces the repositories.
         *
         * @param repositories the repository names, in order
         * @return this builder
         * @throws NullPointerException when the collection or one of its elements is null
         */
        public Builder repositories(Collection<String> repositories) {
            this.repositories.clear();
            repositories.forEach(this::addRepository);
            return this;
        }

        /**
         * Appends one repository.
         *
         * @param repository the repository name
         * @return this builder
         */
        public Builder addRepository(String repository) {
            repositories.add(Objects.requireNonNull(repository, "repository"));
            return this;
        }

        /**
         * Removes every repository.
         *
         * @return this builder
         */
        public Builder clearRepositories() {
            repositories.clear();
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
                throw new IllegalArgumentException("\"" + key + "\" is a member of Catalog, not an extension");
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

        /** {@return the catalog} */
        public Catalog build() {
            return new Catalog(this);
        }
    }
}
