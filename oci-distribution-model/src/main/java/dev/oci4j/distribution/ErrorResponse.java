package dev.oci4j.distribution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A registry's error body (distribution-spec "Error Codes").
 *
 * <pre>{@code {"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}}</pre>
 */
public final class ErrorResponse {

    static final Set<String> KEYS = Set.of("errors");

    private final List<RegistryError> errors;
    private final Map<String, String> extensions;

    private ErrorResponse(Builder b) {
        this.errors = List.copyOf(b.errors);
        this.extensions = b.builtExtensions();
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the errors, in the registry's order; empty when the body had none} REQUIRED in the JSON. */
    public List<RegistryError> errors() {
        return errors;
    }

    /** {@return members this class does not know, as raw JSON} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /**
     * A builder holding this response's values.
     *
     * @return this builder
     */
    public Builder toBuilder() {
        return new Builder().errors(errors).extensions(extensions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorResponse r && errors.equals(r.errors) && extensions.equals(r.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(errors, extensions);
    }

    @Override
    public String toString() {
        return errors.toString();
    }

    /** Builds an {@link ErrorResponse}. */
    public static final class Builder extends ExtensibleBuilder<Builder> {
        private final List<RegistryError> errors = new ArrayList<>();

        private Builder() {
            super("ErrorResponse", KEYS);
        }

        /**
         * Replaces the errors.
         *
         * @param errors the errors
         * @return this builder
         */
        public Builder errors(Collection<RegistryError> errors) {
            this.errors.clear();
            errors.forEach(this::addError);
            return this;
        }

        /**
         * Appends one error.
         *
         * @param error an error
         * @return this builder
         */
        public Builder addError(RegistryError error) {
            errors.add(Objects.requireNonNull(error, "error"));
            return this;
        }

        /**
         * Removes every error.
         *
         * @return this builder
         */
        public Builder clearErrors() {
            errors.clear();
            return this;
        }

        /** {@return the response} */
        public ErrorResponse build() {
            return new ErrorResponse(this);
        }
    }
}
