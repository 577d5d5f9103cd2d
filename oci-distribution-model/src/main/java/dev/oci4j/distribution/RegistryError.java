package dev.oci4j.distribution;

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
        this.extensions = b.builtExtensions();
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the error code; a registry that omits it reads as {@code UNKNOWN}} REQUIRED in the JSON. */
    public ErrorCode code() {
        return code;
    }

    /** {@return a message for people} OPTIONAL in the JSON. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** {@return unstructured detail, as the raw JSON the registry sent ({@code "text"}, {@code {...}}, ...)} OPTIONAL in the JSON. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** {@return members this class does not know, as raw JSON, kept on reading and written back} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /**
     * A builder holding this error's values.
     *
     * @return this builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.code = code;
        b.message = message;
        b.detail = detail;
        b.extensions(extensions);
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
    public static final class Builder extends ExtensibleBuilder<Builder> {
        private ErrorCode code;
        private String message;
        private String detail;

        private Builder() {
            super("RegistryError", KEYS);
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
         * @param rawJson the detail, one JSON value such as {@code "text"} or {@code {"Tag":"v9"}}
         * @return this builder
         * @throws IllegalArgumentException when {@code rawJson} is not one JSON value
         */
        public Builder detail(String rawJson) {
            this.detail = raw(Objects.requireNonNull(rawJson, "detail"), "detail");
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
