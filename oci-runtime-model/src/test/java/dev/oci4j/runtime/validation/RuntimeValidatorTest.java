package dev.oci4j.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.runtime.Linux;
import dev.oci4j.runtime.Mount;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.RuntimeValidator;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.Specs;
import dev.oci4j.runtime.internal.validation.Rules;
import dev.oci4j.validation.Severity;
import dev.oci4j.validation.ValidationReport;
import dev.oci4j.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the validator promises beyond single rules: every violation, ordered, for the platform asked. */
class RuntimeValidatorTest {

    private static Spec spec(String json) {
        return RuntimeJson.readSpec(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        Spec spec = spec("""
                {"ociVersion": "one", "process": {"cwd": "tmp", "args": [], "env": ["X"],
                 "rlimits": [{"type": "RLIMIT_NOFILE", "hard": 1, "soft": 1}, {"type": "RLIMIT_NOFILE", "hard": 1, "soft": 1}]},
                 "root": {"path": "rootfs"},
                 "linux": {"namespaces": [{"type": "pid"}, {"type": "pid"}], "maskedPaths": ["proc/kcore"]}}
                """);

        ValidationReport report = RuntimeValidator.validate(spec);

        assertThat(report.errors()).extracting(Violation::ruleId).containsExactly(
                "linux.maskedPaths.absolute", "linux.namespaces.type.unique", "config.ociVersion.semver",
                "config.process.args.required", "config.process.cwd.absolute", "config.process.env.format",
                "config.process.rlimits.type.unique");
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void violationsAreOrderedByPointerWithArrayIndexesNumerically() {
        List<Mount> mounts = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> mounts.add(Mount.builder().destination("relative" + i).build()));
        Spec spec = Specs.defaultLinux().toBuilder().mounts(mounts).build();

        List<String> pointers = RuntimeValidator.validate(spec).violations().stream().map(Violation::pointer).toList();

        assertThat(pointers).containsExactlyElementsOf(
                IntStream.range(0, 12).mapToObj(i -> "/mounts/" + i + "/destination").toList());
    }

    @Test
    void aLinuxSectionIsForeignToAWindowsTargetAndTheWindowsSectionIsMissing() {
        ValidationReport report = RuntimeValidator.validate(Specs.defaultLinux(), "windows");

        assertThat(report.violations(Rules.PLATFORM_SECTION_FOREIGN.id())).singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/linux"))
                .satisfies(v -> assertThat(v.severity()).isEqualTo(Severity.WARNING));
        assertThat(report.violations(Rules.PLATFORM_WINDOWS_REQUIRED.id())).singleElement()
                .satisfies(v -> assertThat(v.pointer()).isEqualTo("/windows"));
    }

    @Test
    void withoutATargetTheValidatorInfersThePlatformFromItsSection() {
        Spec solaris = spec("""
                {"ociVersion": "1.2.0", "process": {"cwd": "/", "args": ["sh"],
                 "rlimits": [{"type": "RLIMIT_VMEM", "hard": 1, "soft": 1}]},
                 "root": {"path": "rootfs"}, "solaris": {"milestone": "svc:/milestone/container:default"}}
                """);

        assertThat(RuntimeValidator.validate(solaris).violations()).isEmpty();
        // RLIMIT_VMEM is Solaris': on Linux getrlimit(2) has no such resource.
        assertThat(RuntimeValidator.validate(solaris, "linux").violations(Rules.RLIMIT_TYPE_KNOWN.id()))
                .extracting(Violation::pointer).containsExactly("/process/rlimits/0/type");
    }

    @Test
    void windowsPathsAreAbsoluteOnWindowsOnly() {
        Spec windows = spec("""
                {"ociVersion": "1.2.0", "process": {"cwd": "C:\\\\app", "commandLine": "app.exe"},
                 "root": {"path": "\\\\\\\\?\\\\Volume{ec84d99e-3f02-11e7-ac6c-00155d7682cf}\\\\"},
                 "windows": {"layerFolders": ["C:\\\\layers\\\\1"]}}
                """);

        assertThat(RuntimeValidator.validate(windows).violations()).isEmpty();
        assertThat(RuntimeValidator.validate(windows.toBuilder().clearWindows().build(), "linux").violations())
                .extracting(Violation::ruleId)
                .contains("config.process.cwd.absolute", "config.process.args.required");
    }

    @Test
    void aRootlessConfigJoiningAnExistingUserNamespaceNeedsNoMappings() {
        Spec spec = spec("""
                {"ociVersion": "1.2.0", "process": {"cwd": "/", "args": ["sh"]}, "root": {"path": "rootfs"},
                 "linux": {"namespaces": [{"type": "user", "path": "/proc/42/ns/user"}, {"type": "mount"}]}}
                """);

        assertThat(RuntimeValidator.validate(spec).violations()).isEmpty();
    }

    @Test
    void runcsSystemdCgroupsPathIsAccepted() {
        Linux linux = Specs.defaultLinux().linux().orElseThrow().toBuilder().cgroupsPath("system.slice:docker:abc").build();

        assertThat(RuntimeValidator.validate(Specs.defaultLinux().toBuilder().linux(linux).build()).violations()).isEmpty();
    }

    @Test
    void aStateMayNameARuntimeDefinedStatusButItIsWorthAWarning() {
        ValidationReport report = RuntimeValidator.validateState(
                "{\"ociVersion\":\"1.0.2-dev\",\"id\":\"c\",\"status\":\"paused\",\"pid\":7,\"bundle\":\"/b\"}".getBytes());

        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).extracting(Violation::ruleId).containsExactly("state.status.known");
    }

    @Test
    void aBlankTargetPlatformIsMisuse() {
        assertThatThrownBy(() -> RuntimeValidator.validate(Specs.defaultLinux(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuntimeValidator.validate((Spec) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyRuleNamesASpecSectionAndASeverity() {
        assertThat(Rules.all()).hasSizeGreaterThan(60).allSatisfy(r -> {
            assertThat(r.id()).matches("[a-z]+(\\.[a-zA-Z0-9]+)+");
            assertThat(r.section()).matches("(config|config-linux|runtime)\\.md#[a-z0-9-]+");
            assertThat(r.requirement()).isNotBlank();
        });
    }

    @Test
    void aReadableFeaturesDocumentIsValidAndAnUnreadableOneIsOneJsonError() {
        assertThat(RuntimeValidator.validateFeatures("{\"ociVersionMin\":\"1.0.0\"}".getBytes()).isValid()).isTrue();
        assertThat(RuntimeValidator.validateFeatures("{\"ociVersionMin\":1}".getBytes()).violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.ruleId()).isEqualTo("json.type");
                    assertThat(v.pointer()).isEqualTo("/ociVersionMin");
                });
    }
}
