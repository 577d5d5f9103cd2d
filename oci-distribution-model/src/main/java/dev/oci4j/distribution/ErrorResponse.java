package dev.oci4j.distribution;

import dev.oci4j.distribution.internal.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A registry's error body (distribution-spec "Error Codes").
 *
 * <pre>{@code {"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}}</pre>
 */
public final class ErrorResponse {

    private final List<RegistryError> errors;
    private final Map<String, String> extensions;

    private ErrorResponse(Builder b) {
        this.errors = List.copyOf(b.errors);
        this.extensions = Json.copy(b.extensions);
    }

    /** {@return a builder with no member set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the errors, in the registry's order (REQUIRED); empty when the body had none} */
    public List<RegistryError> errors() {
        return errors;
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
    public static final class Builder {
        private final List<RegistryError> errors = new ArrayList<>();
        private final Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Replaces the errors.
         *
         * @param errors the errors, in order
         * @return this builder
         * @throws NullPointerException when the collection or one of its elements is null
         */
        public Builder errors(Collection<RegistryError> errors) {
            this.errors.clear();
            errors.forEach(this::addError);
            return this;
        }

        /**
         * Appends one error.
         *
         * @param error the error
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
            if (Objects.requireNonNull(key, "key").equals("errors")) {
                throw new IllegalArgumentException("\"errors\" is a member of ErrorResponse, not an extension");
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

        /** {@return the response} */
        public ErrorResponse build() {
            return new ErrorResponse(this);
        }
    }
}
