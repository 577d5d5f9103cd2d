package dev.oci4j.runtime.internal.validation;

import dev.oci4j.internal.validation.Rule;
import dev.oci4j.internal.validation.Findings;
import static dev.oci4j.runtime.internal.validation.KnownValues.oneOf;

import dev.oci4j.runtime.Hook;
import dev.oci4j.runtime.Hooks;
import dev.oci4j.runtime.Linux;
import dev.oci4j.runtime.LinuxCapabilities;
import dev.oci4j.runtime.LinuxDevice;
import dev.oci4j.runtime.LinuxDeviceCgroup;
import dev.oci4j.runtime.LinuxIntelRdt;
import dev.oci4j.runtime.LinuxIoPriority;
import dev.oci4j.runtime.LinuxNamespace;
import dev.oci4j.runtime.LinuxResources;
import dev.oci4j.runtime.PosixRlimit;
import dev.oci4j.runtime.ProcessConfig;
import dev.oci4j.runtime.Root;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.State;
import dev.oci4j.internal.validation.BeanValidation;
import java.util.Map;
import org.hibernate.validator.cfg.ConstraintDef;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.defs.MaxDef;
import org.hibernate.validator.cfg.defs.MinDef;
import org.hibernate.validator.cfg.defs.NotBlankDef;
import org.hibernate.validator.cfg.defs.NotNullDef;
import org.hibernate.validator.cfg.defs.PatternDef;

/**
 * The single-field rules, as Bean Validation constraints declared with Hibernate Validator's
 * programmatic mapping on the model's private fields, so the model carries no annotations.
 * Each constraint's message is its rule id, which maps a violation back to its {@link Rule}.
 * The validator is bootstrapped by {@link BeanValidation} on the first validation, once per class
 * loader: reading a document never loads Hibernate Validator.
 */
final class BeanConstraints {

    /** Group of the constraints that hold only when validating for Linux. */
    interface OnLinux {
    }

    /** Group of the constraints that hold only when validating for Solaris. */
    interface OnSolaris {
    }

    private static final String ABSOLUTE = "/.*";

    /** What each constraint expects, for the message "expected X, found Y". */
    private static final Map<Rule, String> EXPECTED = Map.ofEntries(
            Map.entry(Rules.OCI_VERSION_SEMVER, "a SemVer 2.0.0 version such as 1.2.0"),
            Map.entry(Rules.ROOT_PATH_REQUIRED, "the path of the root filesystem"),
            Map.entry(Rules.PROCESS_ENV_FORMAT, "NAME=value with a non-empty NAME"),
            Map.entry(Rules.PROCESS_ENV_PORTABLE, "a name of letters, digits and underscores, not starting with a digit"),
            Map.entry(Rules.CAPABILITY_KNOWN, "a capability of capabilities(7) such as CAP_CHOWN"),
            Map.entry(Rules.RLIMIT_TYPE_KNOWN, "a resource of getrlimit(2) such as RLIMIT_NOFILE"),
            Map.entry(Rules.IO_PRIORITY_RANGE, "a priority from 0 (highest) to 7 (lowest)"),
            Map.entry(Rules.HOOK_PATH_ABSOLUTE, "an absolute path"),
            Map.entry(Rules.HOOK_TIMEOUT_POSITIVE, "a timeout greater than zero"),
            Map.entry(Rules.ROOTFS_PROPAGATION_KNOWN, "shared, slave, private or unbindable"),
            Map.entry(Rules.MASKED_PATHS_ABSOLUTE, "an absolute path"),
            Map.entry(Rules.READONLY_PATHS_ABSOLUTE, "an absolute path"),
            Map.entry(Rules.NAMESPACE_PATH_ABSOLUTE, "an absolute path"),
            Map.entry(Rules.DEVICE_TYPE_KNOWN, "c, b, u or p"),
            Map.entry(Rules.DEVICE_PATH_ABSOLUTE, "the full (absolute) path of the device in the container"),
            Map.entry(Rules.DEVICE_CGROUP_TYPE, "a (all), c (char) or b (block)"),
            Map.entry(Rules.DEVICE_CGROUP_ACCESS, "a composition of r, w and m"),
            Map.entry(Rules.INTEL_RDT_MEM_BW, "a schema starting with MB: without newlines"),
            Map.entry(Rules.INTEL_RDT_L3, "a schema starting with L3: without newlines"),
            Map.entry(Rules.STATE_OCI_VERSION_REQUIRED, "the spec version the state complies with"),
            Map.entry(Rules.STATE_OCI_VERSION_SEMVER, "a SemVer 2.0.0 version such as 1.2.0"),
            Map.entry(Rules.STATE_ID_REQUIRED, "the container's id"),
            Map.entry(Rules.STATE_BUNDLE_ABSOLUTE, "the absolute path of the bundle directory"));

    private BeanConstraints() {
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isEmpty();
    }

    /** Model field names that are not spelled like their JSON key. */
    private static final Map<String, String> JSON_KEYS = Map.of(
            "ioClass", "class", "finalCpus", "final", "utilityVmPath", "utilityVMPath");

    /** Bootstrapped when first used: class initialization is lazy and thread-safe. */
    private static final class Holder {
        static final BeanValidation VALIDATION = BeanValidation.bootstrap(BeanConstraints::mapping,
                (property, leafBean, leaf) -> JSON_KEYS.getOrDefault(property, property));
    }

    /** Reports every constraint {@code bean} breaks in the given groups (Default always applies). */
    static void check(Object bean, Findings out, Class<?>... extraGroups) {
        for (BeanValidation.Broken b : Holder.VALIDATION.validate(bean, "", extraGroups)) {
            Rule rule = Rules.byId(b.ruleId())
                    .orElseThrow(() -> new IllegalStateException("constraint without rule: " + b.ruleId()));
            out.add(rule, b.pointer(), "expected " + EXPECTED.getOrDefault(rule, rule.requirement())
                    + ", found " + (isEmpty(b.invalidValue()) ? "nothing" : Messages.quote(b.invalidValue())));
        }
    }

    private static void mapping(ConstraintMapping m) {
        m.type(Spec.class)
                .field("ociVersion")
                    .constraint(rule(new NotNullDef(), Rules.OCI_VERSION_SEMVER))
                    .constraint(rule(new PatternDef().regexp(KnownValues.SEMVER), Rules.OCI_VERSION_SEMVER))
                .field("process").valid()
                .field("root").valid()
                .field("hooks").valid()
                .field("linux").valid();
        m.type(Root.class)
                .field("path").constraint(rule(new NotBlankDef(), Rules.ROOT_PATH_REQUIRED));
        m.type(ProcessConfig.class)
                .field("env").containerElementType()
                    .constraint(rule(new PatternDef().regexp("(?s)[^=]+=.*"), Rules.PROCESS_ENV_FORMAT))
                    // Entries without '=' are the format rule's: do not report them twice.
                    .constraint(rule(new PatternDef().regexp("(?s)([A-Za-z_][A-Za-z0-9_]*=.*|[^=]*|=.*)"),
                            Rules.PROCESS_ENV_PORTABLE))
                .field("capabilities").valid()
                .field("rlimits").containerElementType().valid()
                .field("ioPriority").valid();
        m.type(LinuxCapabilities.class)
                .field("bounding").containerElementType().constraint(capability())
                .field("effective").containerElementType().constraint(capability())
                .field("inheritable").containerElementType().constraint(capability())
                .field("permitted").containerElementType().constraint(capability())
                .field("ambient").containerElementType().constraint(capability());
        m.type(PosixRlimit.class)
                .field("type")
                    .constraint(rule(new PatternDef().regexp(oneOf(KnownValues.LINUX_RLIMITS)), Rules.RLIMIT_TYPE_KNOWN)
                            .groups(OnLinux.class))
                    .constraint(rule(new PatternDef().regexp(oneOf(KnownValues.SOLARIS_RLIMITS)), Rules.RLIMIT_TYPE_KNOWN)
                            .groups(OnSolaris.class));
        m.type(LinuxIoPriority.class)
                .field("priority")
                    .constraint(rule(new MinDef().value(0), Rules.IO_PRIORITY_RANGE))
                    .constraint(rule(new MaxDef().value(7), Rules.IO_PRIORITY_RANGE));
        m.type(Hooks.class)
                .field("prestart").containerElementType().valid()
                .field("createRuntime").containerElementType().valid()
                .field("createContainer").containerElementType().valid()
                .field("startContainer").containerElementType().valid()
                .field("poststart").containerElementType().valid()
                .field("poststop").containerElementType().valid();
        m.type(Hook.class)
                .field("path")
                    .constraint(rule(new NotNullDef(), Rules.HOOK_PATH_ABSOLUTE))
                    .constraint(rule(new PatternDef().regexp(ABSOLUTE), Rules.HOOK_PATH_ABSOLUTE))
                .field("timeout").constraint(rule(new MinDef().value(1), Rules.HOOK_TIMEOUT_POSITIVE));
        m.type(Linux.class)
                .field("namespaces").containerElementType().valid()
                .field("devices").containerElementType().valid()
                .field("resources").valid()
                .field("intelRdt").valid()
                .field("rootfsPropagation").constraint(rule(
                        new PatternDef().regexp(oneOf(KnownValues.ROOTFS_PROPAGATIONS)), Rules.ROOTFS_PROPAGATION_KNOWN))
                .field("maskedPaths").containerElementType()
                    .constraint(rule(new PatternDef().regexp(ABSOLUTE), Rules.MASKED_PATHS_ABSOLUTE))
                .field("readonlyPaths").containerElementType()
                    .constraint(rule(new PatternDef().regexp(ABSOLUTE), Rules.READONLY_PATHS_ABSOLUTE));
        m.type(LinuxNamespace.class)
                .field("path").constraint(rule(new PatternDef().regexp(ABSOLUTE), Rules.NAMESPACE_PATH_ABSOLUTE));
        m.type(LinuxDevice.class)
                .field("type")
                    .constraint(rule(new NotNullDef(), Rules.DEVICE_TYPE_KNOWN))
                    .constraint(rule(new PatternDef().regexp(oneOf(KnownValues.DEVICE_TYPES)), Rules.DEVICE_TYPE_KNOWN))
                .field("path")
                    .constraint(rule(new NotNullDef(), Rules.DEVICE_PATH_ABSOLUTE))
                    .constraint(rule(new PatternDef().regexp(ABSOLUTE), Rules.DEVICE_PATH_ABSOLUTE));
        m.type(LinuxResources.class)
                .field("devices").containerElementType().valid();
        m.type(LinuxDeviceCgroup.class)
                .field("type").constraint(rule(new PatternDef().regexp("[acb]"), Rules.DEVICE_CGROUP_TYPE))
                .field("access").constraint(rule(new PatternDef().regexp("[rwm]*"), Rules.DEVICE_CGROUP_ACCESS));
        m.type(LinuxIntelRdt.class)
                .field("memBwSchema").constraint(rule(new PatternDef().regexp("MB:[^\\r\\n]*"), Rules.INTEL_RDT_MEM_BW))
                .field("l3CacheSchema").constraint(rule(new PatternDef().regexp("L3:[^\\r\\n]*"), Rules.INTEL_RDT_L3));
        m.type(State.class)
                .field("ociVersion")
                    .constraint(rule(new NotBlankDef(), Rules.STATE_OCI_VERSION_REQUIRED))
                    .constraint(rule(new PatternDef().regexp("(|\\s*|" + KnownValues.SEMVER + ")"),
                            Rules.STATE_OCI_VERSION_SEMVER))
                .field("id").constraint(rule(new NotBlankDef(), Rules.STATE_ID_REQUIRED))
                .field("bundle")
                    .constraint(rule(new NotNullDef(), Rules.STATE_BUNDLE_ABSOLUTE))
                    .constraint(rule(new PatternDef().regexp(ABSOLUTE), Rules.STATE_BUNDLE_ABSOLUTE));
    }

    private static PatternDef capability() {
        return rule(new PatternDef().regexp(oneOf(KnownValues.CAPABILITIES)), Rules.CAPABILITY_KNOWN);
    }

    private static <C extends ConstraintDef<C, ?>> C rule(C def, Rule rule) {
        return def.message(rule.id());
    }
}
