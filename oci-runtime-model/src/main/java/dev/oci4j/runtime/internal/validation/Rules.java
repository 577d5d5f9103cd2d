package dev.oci4j.runtime.internal.validation;

import static dev.oci4j.validation.Severity.ERROR;
import static dev.oci4j.validation.Severity.WARNING;

import dev.oci4j.internal.validation.JsonRules;
import dev.oci4j.internal.validation.Rule;
import dev.oci4j.validation.FormatReason;
import dev.oci4j.validation.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog of runtime-spec v1.2 rules that {@code RuntimeValidator} checks. Severity follows the
 * spec's keyword: MUST is an error, SHOULD a warning; rules the spec leaves unstated but runtimes
 * or the kernel enforce are warnings, and say so in their requirement text.
 */
public final class Rules {

    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    private static final String CONFIG = "config.md";
    private static final String LINUX = "config-linux.md";
    private static final String STATE = "runtime.md#state";

    // --- the document could not be read: one rule per FormatReason, the same ids as the image validator's ---
    private static final JsonRules JSON = JsonRules.in("config.md#configuration");
    public static final Rule JSON_MALFORMED = register(JSON.malformed());
    public static final Rule JSON_SIZE = register(JSON.size());
    public static final Rule JSON_DEPTH = register(JSON.depth());
    public static final Rule JSON_KEY_DUPLICATE = register(JSON.duplicateKey());
    public static final Rule JSON_TYPE = register(JSON.type());
    public static final Rule JSON_NUMBER_RANGE = register(JSON.numberRange());

    // --- config.md ---
    public static final Rule OCI_VERSION_SEMVER = rule("config.ociVersion.semver", ERROR, CONFIG + "#specification-version",
            "ociVersion (REQUIRED) MUST be in SemVer v2.0.0 format");
    public static final Rule ROOT_REQUIRED = rule("config.root.required", ERROR, CONFIG + "#root",
            "root is REQUIRED on all platforms but Windows (where Windows Server Containers require it)");
    public static final Rule ROOT_PATH_REQUIRED = rule("config.root.path.required", ERROR, CONFIG + "#root",
            "root.path (string, REQUIRED)");
    public static final Rule ROOT_PATH_CONVENTIONAL = rule("config.root.path.conventional", WARNING, CONFIG + "#root",
            "on POSIX platforms root.path SHOULD be the conventional rootfs");
    public static final Rule ROOT_HYPERV_FORBIDDEN = rule("config.root.hyperv", ERROR, CONFIG + "#root",
            "for Hyper-V containers root MUST NOT be set");
    public static final Rule ROOT_READONLY_WINDOWS = rule("config.root.readonly.windows", ERROR, CONFIG + "#root",
            "on Windows root.readonly MUST be omitted or false");
    public static final Rule MOUNT_DESTINATION_ABSOLUTE = rule("config.mounts.destination.absolute", ERROR, CONFIG + "#mounts",
            "mount destination (REQUIRED) MUST be an absolute path on all platforms but Linux");
    public static final Rule MOUNT_DESTINATION_RELATIVE = rule("config.mounts.destination.relative", WARNING, CONFIG + "#mounts",
            "Linux: mount destination SHOULD be an absolute path; relative paths are deprecated");
    public static final Rule MOUNT_DESTINATION_NESTED = rule("config.mounts.destination.nested", ERROR, CONFIG + "#mounts",
            "Windows: one mount destination MUST NOT be nested within another mount");
    public static final Rule MOUNT_IDMAPPINGS_PAIRED = rule("config.mounts.idMappings.paired", ERROR, CONFIG + "#posix-platform-mounts",
            "mount uidMappings MUST be specified along with gidMappings, and gidMappings with uidMappings");
    public static final Rule MOUNT_IDMAPPINGS_OPTION = rule("config.mounts.idMappings.option", WARNING, CONFIG + "#posix-platform-mounts",
            "with mount uidMappings/gidMappings, options SHOULD contain idmap or ridmap");
    public static final Rule PROCESS_CWD_ABSOLUTE = rule("config.process.cwd.absolute", ERROR, CONFIG + "#process",
            "process.cwd (REQUIRED) MUST be an absolute path");
    public static final Rule PROCESS_ARGS_REQUIRED = rule("config.process.args.required", ERROR, CONFIG + "#process",
            "process.args needs at least one entry (non-Windows); on Windows args or commandLine is REQUIRED");
    public static final Rule PROCESS_ENV_FORMAT = rule("config.process.env.format", ERROR, CONFIG + "#process",
            "process.env entries have environ(7) semantics: name=value with a non-empty name");
    public static final Rule PROCESS_ENV_PORTABLE = rule("config.process.env.portable", WARNING, CONFIG + "#process",
            "environment names SHOULD be portable: letters, digits and underscore, not starting with a digit (IEEE 1003.1 XBD 8.1)");
    public static final Rule RLIMIT_TYPE_KNOWN = rule("config.process.rlimits.type.known", ERROR, CONFIG + "#posix-process",
            "the runtime MUST generate an error for rlimit types that cannot be mapped to a kernel interface");
    public static final Rule RLIMIT_TYPE_UNIQUE = rule("config.process.rlimits.type.unique", ERROR, CONFIG + "#posix-process",
            "if rlimits contains duplicated entries with same type, the runtime MUST generate an error");
    public static final Rule CAPABILITY_KNOWN = rule("config.process.capabilities.known", WARNING, CONFIG + "#linux-process",
            "capability values are defined in capabilities(7); unknown values MUST be logged as a warning, runtimes SHOULD NOT fail");
    public static final Rule SCHEDULER_POLICY_KNOWN = rule("config.process.scheduler.policy.known", ERROR, CONFIG + "#linux-process",
            "scheduler.policy (REQUIRED) is one of the listed SCHED_* values");
    public static final Rule SCHEDULER_FLAGS_KNOWN = rule("config.process.scheduler.flags.known", ERROR, CONFIG + "#linux-process",
            "scheduler.flags entries are the listed SCHED_FLAG_* values");
    public static final Rule IO_PRIORITY_CLASS_KNOWN = rule("config.process.ioPriority.class.known", ERROR, CONFIG + "#linux-process",
            "ioPriority.class (REQUIRED) is IOPRIO_CLASS_RT, IOPRIO_CLASS_BE or IOPRIO_CLASS_IDLE");
    public static final Rule IO_PRIORITY_RANGE = rule("config.process.ioPriority.priority.range", WARNING, CONFIG + "#linux-process",
            "ioPriority.priority should range from 0 (highest) to 7 (lowest)");
    public static final Rule HOOK_PATH_ABSOLUTE = rule("config.hooks.path.absolute", ERROR, CONFIG + "#posix-platform-hooks",
            "hook path (REQUIRED) MUST be absolute");
    public static final Rule HOOK_TIMEOUT_POSITIVE = rule("config.hooks.timeout.positive", ERROR, CONFIG + "#posix-platform-hooks",
            "if set, hook timeout MUST be greater than zero");
    public static final Rule PLATFORM_SECTION_FOREIGN = rule("config.platform.section.foreign", WARNING, CONFIG + "#platform-specific-configuration",
            "a platform section (linux, solaris, windows, zos) MAY be set only if the target platform is that platform");
    public static final Rule PLATFORM_WINDOWS_REQUIRED = rule("config.platform.windows.required", ERROR, CONFIG + "#platform-specific-configuration",
            "windows MUST be set if the target platform is windows");

    // --- config-linux.md ---
    public static final Rule NAMESPACE_TYPE_KNOWN = rule("linux.namespaces.type.known", ERROR, LINUX + "#namespaces",
            "namespace type is one of pid, network, mount, ipc, uts, user, cgroup, time");
    public static final Rule NAMESPACE_TYPE_UNIQUE = rule("linux.namespaces.type.unique", ERROR, LINUX + "#namespaces",
            "if namespaces contains duplicated namespaces with same type, the runtime MUST generate an error");
    public static final Rule NAMESPACE_PATH_ABSOLUTE = rule("linux.namespaces.path.absolute", ERROR, LINUX + "#namespaces",
            "namespace path MUST be an absolute path in the runtime mount namespace");
    public static final Rule ID_MAPPINGS_REQUIRED = rule("linux.idMappings.required", WARNING, LINUX + "#user-namespace-mappings",
            "a new user namespace needs uidMappings and gidMappings (spec silent; runc and crun refuse to start without them)");
    public static final Rule ID_MAPPINGS_WITHOUT_USERNS = rule("linux.idMappings.userNamespace", WARNING, LINUX + "#user-namespace-mappings",
            "uidMappings/gidMappings describe a user namespace; without one they are ignored or refused (runc)");
    public static final Rule ID_MAPPINGS_OVERLAP = rule("linux.idMappings.overlap", ERROR, LINUX + "#user-namespace-mappings",
            "mapping ranges MUST NOT overlap, on the container side or the host side (user_namespaces(7): the kernel rejects the map)");
    public static final Rule TIME_OFFSETS_NAMESPACE = rule("linux.timeOffsets.timeNamespace", WARNING, LINUX + "#offset-for-time-namespace",
            "timeOffsets set the offsets of a time namespace; without a new time namespace they cannot apply (runc refuses)");
    public static final Rule DEVICE_TYPE_KNOWN = rule("linux.devices.type.known", ERROR, LINUX + "#devices",
            "device type (REQUIRED) is c, b, u or p");
    public static final Rule DEVICE_NUMBERS_REQUIRED = rule("linux.devices.majorMinor.required", ERROR, LINUX + "#devices",
            "device major and minor are REQUIRED unless type is p");
    public static final Rule DEVICE_PATH_ABSOLUTE = rule("linux.devices.path.absolute", ERROR, LINUX + "#devices",
            "device path (REQUIRED) is the full path to the device inside the container");
    public static final Rule DEVICE_UNIQUE = rule("linux.devices.unique", WARNING, LINUX + "#devices",
            "the same type, major and minor SHOULD NOT be used for multiple devices");
    public static final Rule CGROUPS_PATH_FORM = rule("linux.cgroupsPath.form", WARNING, LINUX + "#cgroups-path",
            "cgroupsPath is an absolute or relative path, or runc's systemd form slice:prefix:name; runtimes MAY reject other values");
    public static final Rule DEVICE_CGROUP_TYPE = rule("linux.resources.devices.type.known", ERROR, LINUX + "#allowed-device-list",
            "allowed device type is a, c or b");
    public static final Rule DEVICE_CGROUP_ACCESS = rule("linux.resources.devices.access.format", ERROR, LINUX + "#allowed-device-list",
            "allowed device access is a composition of r, w and m");
    public static final Rule CPU_BURST_QUOTA = rule("linux.resources.cpu.burst", ERROR, LINUX + "#cpu",
            "cpu.burst MUST be no larger than any positive quota");
    public static final Rule BLOCK_IO_WEIGHT_DEVICE = rule("linux.resources.blockIO.weightDevice.weight", ERROR, LINUX + "#block-io",
            "a weightDevice entry MUST specify at least one of weight or leafWeight");
    public static final Rule RDMA_ENTRY = rule("linux.resources.rdma.limit", ERROR, LINUX + "#rdma",
            "an rdma entry MUST specify at least one of hcaHandles or hcaObjects");
    public static final Rule SECCOMP_DEFAULT_ACTION_KNOWN = rule("linux.seccomp.defaultAction.known", ERROR, LINUX + "#seccomp",
            "seccomp.defaultAction (REQUIRED) is one of the SCMP_ACT_* values of libseccomp");
    public static final Rule SECCOMP_ACTION_KNOWN = rule("linux.seccomp.syscalls.action.known", ERROR, LINUX + "#seccomp",
            "syscalls[].action (REQUIRED) is one of the SCMP_ACT_* values of libseccomp");
    public static final Rule SECCOMP_NAMES_REQUIRED = rule("linux.seccomp.syscalls.names.required", ERROR, LINUX + "#seccomp",
            "syscalls[].names MUST contain at least one entry");
    public static final Rule SECCOMP_OPERATOR_KNOWN = rule("linux.seccomp.syscalls.args.op.known", ERROR, LINUX + "#seccomp",
            "syscalls[].args[].op (REQUIRED) is one of the SCMP_CMP_* values of libseccomp");
    public static final Rule SECCOMP_ARCH_KNOWN = rule("linux.seccomp.architectures.known", ERROR, LINUX + "#seccomp",
            "seccomp architectures are SCMP_ARCH_* values of libseccomp");
    public static final Rule SECCOMP_FLAG_KNOWN = rule("linux.seccomp.flags.known", ERROR, LINUX + "#seccomp",
            "seccomp flags are SECCOMP_FILTER_FLAG_* values");
    public static final Rule SECCOMP_ERRNO_ACTION = rule("linux.seccomp.errnoRet.action", ERROR, LINUX + "#seccomp",
            "errnoRet with an action that does not support an errno: the runtime MUST print an error and fail");
    public static final Rule SECCOMP_LISTENER_METADATA = rule("linux.seccomp.listenerMetadata", ERROR, LINUX + "#seccomp",
            "listenerMetadata MUST NOT be set if listenerPath is not set");
    public static final Rule ROOTFS_PROPAGATION_KNOWN = rule("linux.rootfsPropagation.known", ERROR, LINUX + "#rootfs-mount-propagation",
            "rootfsPropagation is shared, slave, private or unbindable");
    public static final Rule MASKED_PATHS_ABSOLUTE = rule("linux.maskedPaths.absolute", ERROR, LINUX + "#masked-paths",
            "maskedPaths values MUST be absolute paths in the container namespace");
    public static final Rule READONLY_PATHS_ABSOLUTE = rule("linux.readonlyPaths.absolute", ERROR, LINUX + "#readonly-paths",
            "readonlyPaths values MUST be absolute paths in the container namespace");
    public static final Rule PERSONALITY_DOMAIN_KNOWN = rule("linux.personality.domain.known", ERROR, LINUX + "#personality",
            "personality.domain (REQUIRED) is LINUX or LINUX32");
    public static final Rule INTEL_RDT_MEM_BW = rule("linux.intelRdt.memBwSchema.format", ERROR, LINUX + "#intelrdt",
            "memBwSchema MUST start with MB: and MUST NOT contain newlines");
    public static final Rule INTEL_RDT_L3 = rule("linux.intelRdt.l3CacheSchema.format", WARNING, LINUX + "#intelrdt",
            "l3CacheSchema SHOULD start with L3: and SHOULD NOT contain newlines");

    // --- runtime.md#state ---
    public static final Rule STATE_OCI_VERSION_REQUIRED = rule("state.ociVersion.required", ERROR, STATE,
            "ociVersion (string, REQUIRED)");
    public static final Rule STATE_OCI_VERSION_SEMVER = rule("state.ociVersion.semver", WARNING, STATE,
            "ociVersion names a spec release, which is a SemVer v2.0.0 version");
    public static final Rule STATE_ID_REQUIRED = rule("state.id.required", ERROR, STATE,
            "id (string, REQUIRED) is the container's ID");
    public static final Rule STATE_STATUS_REQUIRED = rule("state.status.required", ERROR, STATE,
            "status (string, REQUIRED) is the runtime state of the container");
    public static final Rule STATE_STATUS_KNOWN = rule("state.status.known", WARNING, STATE,
            "status MAY be creating, created, running or stopped; additional values MUST represent new runtime states");
    public static final Rule STATE_PID_REQUIRED = rule("state.pid.required", ERROR, STATE,
            "pid is REQUIRED when status is created or running on Linux");
    public static final Rule STATE_BUNDLE_ABSOLUTE = rule("state.bundle.absolute", ERROR, STATE,
            "bundle (string, REQUIRED) is the absolute path to the container's bundle directory");

    private Rules() {
    }

    private static Rule rule(String id, Severity severity, String section, String requirement) {
        return register(new Rule(id, severity, section, requirement));
    }

    private static Rule register(Rule r) {
        if (BY_ID.put(r.id(), r) != null) {
            throw new IllegalStateException("duplicate rule id " + r.id());
        }
        return r;
    }

    /**
     * The rule broken by a document that could not be read for {@code reason}. The runtime codec
     * throws only the JSON reasons; any other (none today) counts as malformed.
     */
    public static Rule forReason(FormatReason reason) {
        return JSON.forReason(reason).orElse(JSON_MALFORMED);
    }

    /** The rule with this id, the message key of a Bean Validation constraint. */
    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** Every rule, in catalog order. */
    public static List<Rule> all() {
        return Collections.unmodifiableList(new ArrayList<>(BY_ID.values()));
    }
}
