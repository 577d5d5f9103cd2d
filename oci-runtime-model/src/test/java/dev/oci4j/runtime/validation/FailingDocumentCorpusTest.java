package dev.oci4j.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.runtime.RuntimeValidator;
import dev.oci4j.validation.Severity;
import dev.oci4j.validation.ValidationReport;
import dev.oci4j.validation.Violation;
import dev.oci4j.runtime.internal.validation.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


/**
 * One failing document per rule (src/test/resources/invalid): each breaks exactly one rule of a
 * valid baseline, and the report names that rule at that JSON pointer and nothing else.
 */
class FailingDocumentCorpusTest {

    static byte[] resource(String name) {
        try (InputStream in = FailingDocumentCorpusTest.class.getResourceAsStream("/invalid/" + name)) {
            assertThat(in).as("test resource invalid/%s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValidationReport validate(String file, String platform) {
        byte[] json = resource(file);
        return file.startsWith("state-") || file.equals("baseline-state.json")
                ? RuntimeValidator.validateState(json)
                : RuntimeValidator.validate(json, platform);
    }

    @ParameterizedTest(name = "{0} is valid")
    @CsvSource({
        "baseline-linux.json,   linux",
        "baseline-windows.json, windows",
        "baseline-solaris.json, solaris",
        "baseline-state.json,   linux",
    })
    void baselinesHaveNoViolations(String file, String platform) {
        assertThat(validate(file, platform).violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0} breaks {2} at {3}")
    @CsvSource({
        "json-malformed.json,                             linux,   json.malformed,                               ''",
        "json-type.json,                                  linux,   json.type,                                    /process/args",
        "json-key-duplicate.json,                         linux,   json.key.duplicate,                           /process/cwd",
        "json-number-range.json,                          linux,   json.number.range,                            /process/rlimits/0/hard",
        "json-depth.json,                                 linux,   json.depth,                                   "
                + "/org.example.nested/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
        "config-ociVersion-semver.json,                   linux,   config.ociVersion.semver,                     /ociVersion",
        "config-root-required.json,                       linux,   config.root.required,                         /root",
        "config-root-path-required.json,                  linux,   config.root.path.required,                    /root/path",
        "config-root-path-conventional.json,              linux,   config.root.path.conventional,                /root/path",
        "config-root-hyperv.json,                         windows, config.root.hyperv,                           /root",
        "config-root-readonly-windows.json,               windows, config.root.readonly.windows,                 /root/readonly",
        "config-mounts-destination-absolute.json,         solaris, config.mounts.destination.absolute,           /mounts/0/destination",
        "config-mounts-destination-relative.json,         linux,   config.mounts.destination.relative,           /mounts/1/destination",
        "config-mounts-destination-nested.json,           windows, config.mounts.destination.nested,             /mounts/1/destination",
        "config-mounts-idMappings-paired.json,            linux,   config.mounts.idMappings.paired,              /mounts/0/gidMappings",
        "config-mounts-idMappings-option.json,            linux,   config.mounts.idMappings.option,              /mounts/0/options",
        "config-process-cwd-absolute.json,                linux,   config.process.cwd.absolute,                  /process/cwd",
        "config-process-args-required.json,               linux,   config.process.args.required,                 /process/args",
        "config-process-env-format.json,                  linux,   config.process.env.format,                    /process/env/1",
        "config-process-env-portable.json,                linux,   config.process.env.portable,                  /process/env/1",
        "config-process-rlimits-type-known.json,          linux,   config.process.rlimits.type.known,            /process/rlimits/1/type",
        "config-process-rlimits-type-unique.json,         linux,   config.process.rlimits.type.unique,           /process/rlimits/1/type",
        "config-process-capabilities-known.json,          linux,   config.process.capabilities.known,            /process/capabilities/bounding/1",
        "config-process-scheduler-policy-known.json,      linux,   config.process.scheduler.policy.known,        /process/scheduler/policy",
        "config-process-scheduler-flags-known.json,       linux,   config.process.scheduler.flags.known,         /process/scheduler/flags/0",
        "config-process-ioPriority-class-known.json,      linux,   config.process.ioPriority.class.known,        /process/ioPriority/class",
        "config-process-ioPriority-priority-range.json,   linux,   config.process.ioPriority.priority.range,     /process/ioPriority/priority",
        "config-hooks-path-absolute.json,                 linux,   config.hooks.path.absolute,                   /hooks/createRuntime/0/path",
        "config-hooks-timeout-positive.json,              linux,   config.hooks.timeout.positive,                /hooks/poststop/0/timeout",
        "config-platform-section-foreign.json,            linux,   config.platform.section.foreign,              /solaris",
        "config-platform-windows-required.json,           windows, config.platform.windows.required,             /windows",
        "linux-namespaces-type-known.json,                linux,   linux.namespaces.type.known,                  /linux/namespaces/2/type",
        "linux-namespaces-type-unique.json,               linux,   linux.namespaces.type.unique,                 /linux/namespaces/2/type",
        "linux-namespaces-path-absolute.json,             linux,   linux.namespaces.path.absolute,               /linux/namespaces/2/path",
        "linux-idMappings-required.json,                  linux,   linux.idMappings.required,                    /linux/uidMappings",
        "linux-idMappings-userNamespace.json,             linux,   linux.idMappings.userNamespace,               /linux/uidMappings",
        "linux-idMappings-overlap.json,                   linux,   linux.idMappings.overlap,                     /linux/uidMappings/1",
        "linux-idMappings-overlap-host.json,              linux,   linux.idMappings.overlap,                     /linux/gidMappings/1",
        "linux-timeOffsets-timeNamespace.json,            linux,   linux.timeOffsets.timeNamespace,              /linux/timeOffsets",
        "linux-devices-type-known.json,                   linux,   linux.devices.type.known,                     /linux/devices/0/type",
        "linux-devices-majorMinor-required.json,          linux,   linux.devices.majorMinor.required,            /linux/devices/0/major",
        "linux-devices-path-absolute.json,                linux,   linux.devices.path.absolute,                  /linux/devices/0/path",
        "linux-devices-unique.json,                       linux,   linux.devices.unique,                         /linux/devices/1",
        "linux-cgroupsPath-form.json,                     linux,   linux.cgroupsPath.form,                       /linux/cgroupsPath",
        "linux-resources-devices-type-known.json,         linux,   linux.resources.devices.type.known,           /linux/resources/devices/0/type",
        "linux-resources-devices-access-format.json,      linux,   linux.resources.devices.access.format,        /linux/resources/devices/0/access",
        "linux-resources-cpu-burst.json,                  linux,   linux.resources.cpu.burst,                    /linux/resources/cpu/burst",
        "linux-resources-blockIO-weightDevice-weight.json, linux,  linux.resources.blockIO.weightDevice.weight,  /linux/resources/blockIO/weightDevice/0",
        "linux-resources-rdma-limit.json,                 linux,   linux.resources.rdma.limit,                   /linux/resources/rdma/mlx5_1",
        "linux-seccomp-defaultAction-known.json,          linux,   linux.seccomp.defaultAction.known,            /linux/seccomp/defaultAction",
        "linux-seccomp-syscalls-action-known.json,        linux,   linux.seccomp.syscalls.action.known,          /linux/seccomp/syscalls/0/action",
        "linux-seccomp-syscalls-names-required.json,      linux,   linux.seccomp.syscalls.names.required,        /linux/seccomp/syscalls/0/names",
        "linux-seccomp-syscalls-args-op-known.json,       linux,   linux.seccomp.syscalls.args.op.known,         /linux/seccomp/syscalls/0/args/0/op",
        "linux-seccomp-architectures-known.json,          linux,   linux.seccomp.architectures.known,            /linux/seccomp/architectures/1",
        "linux-seccomp-flags-known.json,                  linux,   linux.seccomp.flags.known,                    /linux/seccomp/flags/0",
        "linux-seccomp-errnoRet-action.json,              linux,   linux.seccomp.errnoRet.action,                /linux/seccomp/syscalls/0/errnoRet",
        "linux-seccomp-listenerMetadata.json,             linux,   linux.seccomp.listenerMetadata,               /linux/seccomp/listenerMetadata",
        "linux-rootfsPropagation-known.json,              linux,   linux.rootfsPropagation.known,                /linux/rootfsPropagation",
        "linux-maskedPaths-absolute.json,                 linux,   linux.maskedPaths.absolute,                   /linux/maskedPaths/1",
        "linux-readonlyPaths-absolute.json,               linux,   linux.readonlyPaths.absolute,                 /linux/readonlyPaths/0",
        "linux-personality-domain-known.json,             linux,   linux.personality.domain.known,               /linux/personality/domain",
        "linux-intelRdt-memBwSchema-format.json,          linux,   linux.intelRdt.memBwSchema.format,            /linux/intelRdt/memBwSchema",
        "linux-intelRdt-l3CacheSchema-format.json,        linux,   linux.intelRdt.l3CacheSchema.format,          /linux/intelRdt/l3CacheSchema",
        "state-ociVersion-required.json,                  linux,   state.ociVersion.required,                    /ociVersion",
        "state-ociVersion-semver.json,                    linux,   state.ociVersion.semver,                      /ociVersion",
        "state-id-required.json,                          linux,   state.id.required,                            /id",
        "state-status-required.json,                      linux,   state.status.required,                        /status",
        "state-status-known.json,                         linux,   state.status.known,                           /status",
        "state-pid-required.json,                         linux,   state.pid.required,                           /pid",
        "state-bundle-absolute.json,                      linux,   state.bundle.absolute,                        /bundle",
    })
    void eachFailingDocumentBreaksExactlyItsRule(String file, String platform, String ruleId, String pointer) {
        ValidationReport report = validate(file, platform);

        assertThat(report.violations())
                .as("%s:%n%s", file, report)
                .extracting(Violation::ruleId, Violation::pointer)
                .contains(org.assertj.core.groups.Tuple.tuple(ruleId, pointer));
        assertThat(report.violations()).as("%s:%n%s", file, report).allMatch(v -> v.ruleId().equals(ruleId));
        Violation v = report.violations().stream().filter(x -> x.pointer().equals(pointer)).findFirst().orElseThrow();
        var rule = Rules.byId(ruleId).orElseThrow();
        assertThat(v.severity()).isEqualTo(rule.severity());
        assertThat(v.specSection()).isEqualTo(rule.section()).isNotBlank();
        assertThat(v.message()).isNotBlank();
        assertThat(report.isValid()).isEqualTo(rule.severity() == Severity.WARNING);
    }

    @Test
    void everyRuleHasAFailingDocument() throws Exception {
        Set<String> covered;
        // Corpus files are named after their rule id, with '-' for '.'.
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(getClass().getResource("/invalid").toURI()))) {
            covered = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("baseline-"))
                    .map(n -> n.replaceFirst("(-host)?\\.json$", "").replace('-', '.'))
                    .collect(Collectors.toSet());
        }
        // A document above the 4 MiB limit does not belong in the repository: UnreadableDocumentsTest makes one.
        covered.add(Rules.JSON_SIZE.id());
        Set<String> ids = Rules.all().stream().map(r -> r.id()).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(ids);
    }
}
