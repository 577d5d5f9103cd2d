package dev.oci4j.runtime;

import dev.oci4j.validation.ValidationReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RuntimeValidator} and the official runtime-spec JSON schemas agree: what the validator
 * accepts without a violation (our defaults, the corpus baselines) the schemas accept, and where a
 * failing document breaks a value list the schemas also list, the schemas reject it too. Lives in
 * this package for the package-private {@link RuntimeSchema} helper.
 */
class ValidatorSchemaAgreementTest {

    @BeforeEach
    void schemasInstalled() {
        RuntimeSchema.require();
    }

    private static byte[] corpus(String name) {
        try (InputStream in = ValidatorSchemaAgreementTest.class.getResourceAsStream("/invalid/" + name)) {
            assertThat(in).as("test resource invalid/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void defaultLinuxIsValidForBoth() {
        byte[] json = RuntimeJson.write(Specs.defaultLinux());
        assertThat(RuntimeValidator.validate(json).violations()).isEmpty();
        RuntimeSchema.assertValidConfig(json);
    }

    @Test
    void rootlessIsValidForBoth() {
        byte[] json = RuntimeJson.write(Specs.rootless(1000, 1000));
        assertThat(RuntimeValidator.validate(json).violations()).isEmpty();
        RuntimeSchema.assertValidConfig(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline-linux.json", "baseline-solaris.json", "baseline-windows.json"})
    void baselineConfigsAreValidForBoth(String file) {
        byte[] json = corpus(file);
        assertThat(RuntimeValidator.validate(json).violations()).isEmpty();
        RuntimeSchema.assertValidConfig(json);
    }

    @Test
    void baselineStateIsValidForBoth() {
        byte[] json = corpus("baseline-state.json");
        assertThat(RuntimeValidator.validateState(json).violations()).isEmpty();
        RuntimeSchema.assertValidState(json);
    }

    /**
     * Rules whose value lists the schemas (v1.0.2) also carry as enums. The schemas know nothing of
     * platforms, so they require only ociVersion: root, args and the rest are the validator's alone.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "linux-rootfsPropagation-known.json",
        "linux-seccomp-defaultAction-known.json",
        "linux-seccomp-syscalls-action-known.json",
        "linux-seccomp-syscalls-args-op-known.json",
        "linux-seccomp-architectures-known.json",
        "linux-seccomp-flags-known.json",
        "linux-personality-domain-known.json",
        "linux-namespaces-type-known.json",
    })
    void schemaRejectsWhatTheValidatorCallsAnError(String file) {
        byte[] json = corpus(file);
        assertThat(RuntimeValidator.validate(json).isValid()).isFalse();
        assertThat(RuntimeSchema.unexplained(RuntimeSchema.configErrors(json))).isNotEmpty();
    }

    /** Every member of the model set at random: the validator reports, it never throws. */
    @Test
    void validatorNeverThrowsOnRandomDocuments() {
        for (long seed = 0; seed < 20; seed++) {
            Spec spec = new RandomSpecs(seed).spec();
            for (String os : new String[] {"linux", "windows", "solaris", "zos", "freebsd"}) {
                ValidationReport report = RuntimeValidator.validate(spec, os);
                assertThat(report.violations()).allSatisfy(v -> {
                    assertThat(v.pointer()).matches("(/[^/]*)*");
                    assertThat(v.message()).isNotBlank();
                });
            }
        }
    }
}
