package dev.oci4j.distribution;

import java.util.ArrayList;
import java.util.Collection;
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
        this.extensions = b.builtExtensions();
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the repository names, empty when none} */
    public List<String> repositories() {
        return repositories;
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
    public static final class Builder extends ExtensibleBuilder<Builder> {
        private final List<String> repositories = new ArrayList<>();

        private Builder() {
            super("Catalog", KEYS);
        }

        /**
         * Replaces the repositories.
         *
         * @param repositories the repository names
         * @return this builder
         */
        public Builder repositories(Collection<String> repositories) {
            this.repositories.clear();
            repositories.forEach(this::addRepository);
            return this;
        }

        /**
         * Appends one repository.
         *
         * @param repository a repository name
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

        /** {@return the catalog; it has no REQUIRED member a builder could lack} */
        public Catalog build() {
            return new Catalog(this);
        }
    }
}
