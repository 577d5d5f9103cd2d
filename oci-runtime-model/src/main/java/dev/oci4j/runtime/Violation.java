package dev.oci4j.runtime;

import java.util.Objects;

/**
 * One broken rule of the runtime spec, found by {@link RuntimeValidator}: which rule, where in the
 * document (a JSON pointer, RFC 6901), what was expected and found, and the spec section that
 * states the rule.
 *
 * <pre>{@code
 * ERROR /process/cwd [config.process.cwd.absolute] expected an absolute path, found "tmp" (config.md#process)
 * }</pre>
 *
 * @param ruleId   stable identifier of the rule, such as {@code config.process.cwd.absolute}
 * @param severity {@link Severity#ERROR} for a MUST, {@link Severity#WARNING} for a SHOULD
 * @param pointer  JSON pointer of the offending value ({@code ""} is the whole document)
 * @param message  what was expected and what was found
 * @param section  the spec file and section, such as {@code config.md#process}
 */
public record Violation(String ruleId, Severity severity, String pointer, String message, String section) {

    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(section, "section");
    }

    /** True for a broken MUST. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + (pointer.isEmpty() ? "/" : pointer) + " [" + ruleId + "] " + message + " (" + section + ")";
    }
}
