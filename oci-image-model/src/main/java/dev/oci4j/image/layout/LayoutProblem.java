package dev.oci4j.image.layout;

import dev.oci4j.validation.Severity;
import java.util.Objects;

/**
 * One thing {@link ImageLayout#verify()} found wrong, located by the chain of descriptors that leads
 * to it from index.json.
 *
 * @param severity {@link Severity#ERROR} for a broken MUST, {@link Severity#WARNING} for what a
 *     layout may legitimately lack (a non-distributable layer, a referrer's subject)
 * @param path     where, such as {@code index.json /manifests/0 -> sha256:3b1f... /layers/1}
 * @param message  what was expected and what was found
 */
public record LayoutProblem(Severity severity, String path, String message) {

    /**
     * Checks the components.
     *
     * @param severity {@link Severity#ERROR} for a broken MUST, {@link Severity#WARNING} otherwise
     * @param path where, as a chain of descriptors from index.json
     * @param message what was expected and what was found
     * @throws NullPointerException if a component is null
     */
    public LayoutProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code error: index.json /manifests/0 -> ... : message}. */
    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + path + ": " + message;
    }
}
