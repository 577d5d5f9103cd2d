package dev.oci4j.distribution.client;

import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.distribution.RegistryError;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry answered a request with an error (distribution-spec "Error Codes"): the HTTP status,
 * the method and path asked for, and the errors of its body, each with its code, message and raw
 * JSON {@code detail}. A body that was not an error document is kept as an excerpt.
 *
 * <pre>{@code
 * catch (RegistryException e) {
 *     if (e.hasCode(ErrorCode.MANIFEST_UNKNOWN)) { ... }
 * }
 * }</pre>
 */
public class RegistryException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int status;
    /** The request method. */
    private final String method;
    /** The image reference or path asked for. */
    private final String target;
    /** The body's errors; not serialized (the message names the first). */
    private final transient List<RegistryError> errors;
    /** The start of a body that was no error document. */
    private final String bodyExcerpt;

    /**
     * An error answer.
     *
     * @param status      the HTTP status
     * @param method      the request method
     * @param target      what was asked for: the image reference or the path
     * @param errors      the errors of the body, empty when it had none
     * @param bodyExcerpt the start of a body that was not an error document, or ""
     */
    public RegistryException(int status, String method, String target, List<RegistryError> errors, String bodyExcerpt) {
        super(message(status, method, target, errors, bodyExcerpt));
        this.status = status;
        this.method = Objects.requireNonNull(method, "method");
        this.target = Objects.requireNonNull(target, "target");
        this.errors = List.copyOf(errors);
        this.bodyExcerpt = Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
    }

    private static String message(int status, String method, String target, List<RegistryError> errors, String excerpt) {
        StringBuilder sb = new StringBuilder(target).append(": ");
        if (!errors.isEmpty()) {
            RegistryError first = errors.get(0);
            sb.append(first.code().value());
            first.message().filter(m -> !m.isEmpty()).ifPresent(m -> sb.append(" (").append(m).append(')'));
            if (errors.size() > 1) {
                sb.append(" and ").append(errors.size() - 1).append(" more");
            }
        } else {
            sb.append(describe(status));
            if (!excerpt.isEmpty()) {
                sb.append(", body \"").append(excerpt).append('"');
            }
        }
        return sb.append(" [HTTP ").append(status).append(" on ").append(method).append(']').toString();
    }

    private static String describe(int status) {
        return switch (status) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "TOOMANYREQUESTS";
            default -> status >= 500 ? "registry error" : "unexpected answer";
        };
    }

    /** {@return the HTTP status} */
    public int status() {
        return status;
    }

    /** {@return the request method} */
    public String method() {
        return method;
    }

    /** {@return what was asked for: an image reference or a path} */
    public String target() {
        return target;
    }

    /** {@return the errors the registry's body listed; empty when it listed none} */
    public List<RegistryError> errors() {
        return errors == null ? List.of() : errors;
    }

    /** {@return the first error's code, when the body had one} */
    public Optional<ErrorCode> code() {
        return errors().stream().findFirst().map(RegistryError::code);
    }

    /**
     * Whether any error of the body has {@code code}.
     *
     * @param code the code
     * @return whether it was sent
     */
    public boolean hasCode(ErrorCode code) {
        return errors().stream().anyMatch(e -> e.code().equals(code));
    }

    /** {@return the start of a body that was no error document (HTML from a proxy, say), or ""} */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }
}
