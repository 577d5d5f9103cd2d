package dev.oci4j.distribution;

import dev.oci4j.distribution.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a registry's error body (distribution-spec "Error Codes"). {@code detail} is
 * arbitrary JSON and is kept as raw JSON text, since registries put objects there.
 *
 * <pre>{@code {"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"v9"}}}</pre>
 */
public final class RegistryError {

    static final Set<String> KEYS = Set.of("code", "message", "detail");

    private final ErrorCode code;
    private final String message;
    private final String detail;
    private final Map<String, String> extensions;

    private RegistryError(Builder b) {
        this.code = b.code;
        this.message = b.message;
        this.detail = b.detail;
        this.extensions = Json.copy(b.extensions);
    }

    /** {@return a builder with no member set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the error code (REQUIRED); a registry that omits it reads as {@code UNKNOWN}} */
    public ErrorCode code() {
        return code;
    }

    /** {@return the message for people (OPTIONAL); empty when absent} */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /**
     * {@return the unstructured detail (OPTIONAL), as the raw JSON the registry sent ({@code "text"}, {@code
     * {...}}, ...); empty when absent}
     */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
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
        Builder b = new Builder();
        b.code = code;
        b.message = message;
        b.detail = detail;
        b.extensions.putAll(extensions);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryError e && code.equals(e.code) && Objects.equals(message, e.message)
                && Objects.equals(detail, e.detail) && extensions.equals(e.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message, detail, extensions);
    }

    @Override
    public String toString() {
        return code + (message == null ? "" : ": " + message) + (detail == null ? "" : " " + detail);
    }

    /** Builds a {@link RegistryError}. */
    public static final class Builder {
        private ErrorCode code;
        private String message;
        private String detail;
        private final Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the REQUIRED code.
         *
         * @param code the error code
         * @return this builder
         */
        public Builder code(ErrorCode code) {
            this.code = Objects.requireNonNull(code, "code");
            return this;
        }

        /**
         * Sets the message.
         *
         * @param message a message for people
         * @return this builder
         */
        public Builder message(String message) {
            this.message = Objects.requireNonNull(message, "message");
            return this;
        }

        /**
         * Leaves the message out.
         *
         * @return this builder
         */
        public Builder clearMessage() {
            this.message = null;
            return this;
        }

        /**
         * Sets the detail as raw JSON.
         *
         * @param rawJson one JSON value, such as {@code "\"text\""} or {@code "{\"Tag\":\"v9\"}"}
         * @return this builder
         * @throws IllegalArgumentException when {@code rawJson} is not one JSON value
         */
        public Builder detail(String rawJson) {
            this.detail = Json.checkRaw(Objects.requireNonNull(rawJson, "detail"), "detail");
            return this;
        }

        /**
         * Leaves the detail out.
         *
         * @return this builder
         */
        public Builder clearDetail() {
            this.detail = null;
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
            Objects.requireNonNull(key, "key");
            if (KEYS.contains(key)) {
                throw new IllegalArgumentException("\"" + key + "\" is a member of RegistryError, not an extension");
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
         * Builds the error.
         *
         * @return the error
         * @throws IllegalStateException when the code is unset
         */
        public RegistryError build() {
            if (code == null) {
                throw new IllegalStateException("RegistryError.code is REQUIRED and unset");
            }
            return new RegistryError(this);
        }
    }
}
