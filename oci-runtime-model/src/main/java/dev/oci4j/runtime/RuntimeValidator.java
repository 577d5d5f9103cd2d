package dev.oci4j.runtime;

import dev.oci4j.runtime.internal.validation.Checks;
import dev.oci4j.runtime.internal.validation.TargetPlatform;
import dev.oci4j.validation.ValidationReport;
import java.util.Objects;

/**
 * Checks a container configuration (config.md, config-linux.md, ...) or state (runtime.md#state)
 * against the rules of runtime-spec v1.2 and reports every violation with its rule id, JSON pointer,
 * message and spec section. Broken MUSTs are errors, broken SHOULDs warnings. The model reads
 * documents leniently; this is where their mistakes are found.
 *
 * <pre>{@code
 * ValidationReport report = RuntimeValidator.validate(Files.readAllBytes(bundle.resolve("config.json")));
 * // /process/cwd: expected an absolute path, found "tmp" [config.process.cwd.absolute]
 * }</pre>
 */
public final class RuntimeValidator {

    private RuntimeValidator() {
    }

    /**
     * Validates {@code spec} for the platform it was evidently written for: Windows when it has a
     * {@code windows} section, Solaris or z/OS when it has only that section, Linux otherwise.
     *
     * @param spec the configuration
     * @return every violation found; {@link ValidationReport#isValid()} when there is no error
     */
    public static ValidationReport validate(Spec spec) {
        Objects.requireNonNull(spec, "spec");
        return Checks.spec(spec, TargetPlatform.of(spec));
    }

    /**
     * Validates {@code spec} for the platform named by {@code targetPlatformOs} (a Go GOOS value such
     * as {@code linux}, {@code windows}, {@code solaris}, {@code zos}): platform sections must match it,
     * and path and rlimit rules follow it.
     *
     * @param spec the configuration
     * @param targetPlatformOs the GOOS name, case-insensitive
     * @return every violation found
     * @throws IllegalArgumentException when {@code targetPlatformOs} is blank
     */
    public static ValidationReport validate(Spec spec, String targetPlatformOs) {
        Objects.requireNonNull(spec, "spec");
        return Checks.spec(spec, new TargetPlatform(targetPlatformOs));
    }

    /**
     * Reads and validates a config.json for the platform it was evidently written for, as
     * {@link #validate(Spec)}.
     *
     * @param configJson the document's UTF-8 bytes
     * @return every violation found; a document that cannot be read is one {@code json.*} error, named by
     *         the reason it could not be read
     */
    public static ValidationReport validate(byte[] configJson) {
        Objects.requireNonNull(configJson, "configJson");
        try {
            return validate(RuntimeJson.readSpec(configJson));
        } catch (RuntimeFormatException e) {
            return Checks.unreadable(e, "config.json");
        }
    }

    /**
     * Reads and validates a config.json for the platform named by {@code targetPlatformOs}.
     *
     * @param configJson the document's UTF-8 bytes
     * @param targetPlatformOs the GOOS name, case-insensitive
     * @return every violation found; a document that cannot be read is one {@code json.*} error
     * @throws IllegalArgumentException when {@code targetPlatformOs} is blank
     */
    public static ValidationReport validate(byte[] configJson, String targetPlatformOs) {
        Objects.requireNonNull(configJson, "configJson");
        TargetPlatform platform = new TargetPlatform(targetPlatformOs);
        try {
            return Checks.spec(RuntimeJson.readSpec(configJson), platform);
        } catch (RuntimeFormatException e) {
            return Checks.unreadable(e, "config.json");
        }
    }

    /**
     * Validates the state of a container (runtime.md "State") on Linux, where {@code pid} is required
     * while created or running.
     *
     * @param state the state
     * @return every violation found
     */
    public static ValidationReport validateState(State state) {
        return validateState(state, "linux");
    }

    /**
     * Validates the state of a container on the platform named by {@code targetPlatformOs}.
     *
     * @param state the state
     * @param targetPlatformOs the GOOS name, case-insensitive
     * @return every violation found
     * @throws IllegalArgumentException when {@code targetPlatformOs} is blank
     */
    public static ValidationReport validateState(State state, String targetPlatformOs) {
        Objects.requireNonNull(state, "state");
        return Checks.state(state, new TargetPlatform(targetPlatformOs));
    }

    /**
     * Reads and validates a state document, as {@code runc state} prints it, for Linux.
     *
     * @param stateJson the document's UTF-8 bytes
     * @return every violation found; a document that cannot be read is one {@code json.*} error
     */
    public static ValidationReport validateState(byte[] stateJson) {
        Objects.requireNonNull(stateJson, "stateJson");
        try {
            return validateState(RuntimeJson.readState(stateJson));
        } catch (RuntimeFormatException e) {
            return Checks.unreadable(e, "the state");
        }
    }

    /**
     * Reads a features document ({@code runc features}) and reports whether it could be read:
     * runtime-spec features.md states no MUST a readable document could break, so a readable one is
     * valid.
     *
     * @param featuresJson the document's UTF-8 bytes
     * @return an empty report when readable, else one {@code json.*} error, named by the reason
     */
    public static ValidationReport validateFeatures(byte[] featuresJson) {
        Objects.requireNonNull(featuresJson, "featuresJson");
        try {
            RuntimeJson.readFeatures(featuresJson);
            return ValidationReport.valid();
        } catch (RuntimeFormatException e) {
            return Checks.unreadable(e, "the features");
        }
    }
}
