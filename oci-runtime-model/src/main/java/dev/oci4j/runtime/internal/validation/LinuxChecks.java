package dev.oci4j.runtime.internal.validation;

import dev.oci4j.internal.validation.Rule;
import dev.oci4j.internal.validation.Findings;
import static dev.oci4j.runtime.internal.validation.Messages.quote;
import static dev.oci4j.runtime.internal.validation.Pointers.child;

import dev.oci4j.runtime.Linux;
import dev.oci4j.runtime.LinuxDevice;
import dev.oci4j.runtime.LinuxIdMapping;
import dev.oci4j.runtime.LinuxNamespace;
import dev.oci4j.runtime.LinuxNamespaceType;
import dev.oci4j.runtime.LinuxResources;
import dev.oci4j.runtime.LinuxSeccomp;
import dev.oci4j.runtime.LinuxSeccompAction;
import dev.oci4j.runtime.LinuxSeccompArg;
import dev.oci4j.runtime.LinuxSeccompFlag;
import dev.oci4j.runtime.LinuxSyscall;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cross-field rules of config-linux.md, in plain Java. */
final class LinuxChecks {

    private final Linux linux;
    private final Findings out;

    private LinuxChecks(Linux linux, Findings out) {
        this.linux = linux;
        this.out = out;
    }

    static void check(Linux linux, Findings out) {
        LinuxChecks c = new LinuxChecks(linux, out);
        c.namespaces();
        c.idMappings();
        c.devices();
        linux.cgroupsPath().ifPresent(c::cgroupsPath);
        linux.resources().ifPresent(c::resources);
        linux.seccomp().ifPresent(c::seccomp);
        linux.personality().ifPresent(p -> {
            if (!p.domain().isKnown()) {
                out.add(Rules.PERSONALITY_DOMAIN_KNOWN, "/linux/personality/domain",
                        "expected LINUX or LINUX32, found " + quote(p.domain().value()));
            }
        });
    }

    private void namespaces() {
        List<LinuxNamespace> namespaces = linux.namespaces();
        Set<LinuxNamespaceType> seen = new HashSet<>();
        for (int i = 0; i < namespaces.size(); i++) {
            LinuxNamespaceType type = namespaces.get(i).type();
            String at = "/linux/namespaces/" + i + "/type";
            if (!type.isKnown()) {
                out.add(Rules.NAMESPACE_TYPE_KNOWN, at,
                        "expected one of " + Messages.sorted(LinuxNamespaceType.knownValues()) + ", found " + quote(type.value()));
            }
            if (!seen.add(type)) {
                out.add(Rules.NAMESPACE_TYPE_UNIQUE, at, "expected each type once, found " + quote(type.value()) + " again");
            }
        }
        boolean timeNamespace = namespaces.stream().anyMatch(n -> n.type().equals(LinuxNamespaceType.TIME));
        if (!linux.timeOffsets().isEmpty() && !timeNamespace) {
            out.add(Rules.TIME_OFFSETS_NAMESPACE, "/linux/timeOffsets",
                    "expected a time namespace among the namespaces, found offsets for " + linux.timeOffsets().keySet() + " without one");
        }
    }

    private void idMappings() {
        List<LinuxNamespace> namespaces = linux.namespaces();
        boolean userNamespace = namespaces.stream().anyMatch(n -> n.type().equals(LinuxNamespaceType.USER));
        boolean newUserNamespace = namespaces.stream()
                .anyMatch(n -> n.type().equals(LinuxNamespaceType.USER) && n.path().isEmpty());
        if (newUserNamespace) {
            for (String key : List.of("uidMappings", "gidMappings")) {
                if (mappings(key).isEmpty()) {
                    out.add(Rules.ID_MAPPINGS_REQUIRED, "/linux/" + key,
                            "expected " + key + " for the new user namespace, found nothing");
                }
            }
        }
        if (!userNamespace) {
            for (String key : List.of("uidMappings", "gidMappings")) {
                if (!mappings(key).isEmpty()) {
                    out.add(Rules.ID_MAPPINGS_WITHOUT_USERNS, "/linux/" + key,
                            "expected a user namespace among the namespaces, found " + key + " without one");
                }
            }
        }
        overlaps("uidMappings");
        overlaps("gidMappings");
    }

    private List<LinuxIdMapping> mappings(String key) {
        return key.equals("uidMappings") ? linux.uidMappings() : linux.gidMappings();
    }

    private void overlaps(String key) {
        List<LinuxIdMapping> list = mappings(key);
        for (int j = 1; j < list.size(); j++) {
            LinuxIdMapping b = list.get(j);
            for (int i = 0; i < j; i++) {
                LinuxIdMapping a = list.get(i);
                String side = overlap(a.containerID(), a.size(), b.containerID(), b.size()) ? "container"
                        : overlap(a.hostID(), a.size(), b.hostID(), b.size()) ? "host" : null;
                if (side != null) {
                    out.add(Rules.ID_MAPPINGS_OVERLAP, "/linux/" + key + "/" + j,
                            "expected ranges apart from entry " + i + ", found the " + side + " ids of both overlapping");
                    break;
                }
            }
        }
    }

    /** Ranges [start, start + size) of uint32 ids; long arithmetic cannot overflow. */
    private static boolean overlap(long startA, long sizeA, long startB, long sizeB) {
        return sizeA > 0 && sizeB > 0 && startA < startB + sizeB && startB < startA + sizeA;
    }

    private void devices() {
        List<LinuxDevice> devices = linux.devices();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            LinuxDevice d = devices.get(i);
            String at = child("/linux/devices", i);
            if (KnownValues.DEVICE_TYPES.contains(d.type()) && !d.type().equals("p")) {
                // The model holds major and minor as numbers: absent reads as 0, and 0:0 names no device.
                if (d.major() == 0 && d.minor() == 0) {
                    out.add(Rules.DEVICE_NUMBERS_REQUIRED, at + "/major",
                            "expected major and minor numbers for type " + quote(d.type()) + ", found neither (or 0:0)");
                }
                String key = (d.type().equals("u") ? "c" : d.type()) + " " + d.major() + ":" + d.minor();
                Integer first = seen.putIfAbsent(key, i);
                if (first != null) {
                    out.add(Rules.DEVICE_UNIQUE, at, "expected a device other than entry " + first + ", found " + key + " again");
                }
            }
        }
    }

    private void cgroupsPath(String path) {
        if (path.isEmpty()) {
            return;
        }
        String problem = null;
        if (path.indexOf('\0') >= 0 || path.indexOf('\n') >= 0) {
            problem = "a path without NUL or newline";
        } else if (!path.startsWith("/") && path.contains(":") && path.split(":", -1).length != 3) {
            problem = "a path, or the systemd form slice:prefix:name";
        }
        if (problem != null) {
            out.add(Rules.CGROUPS_PATH_FORM, "/linux/cgroupsPath", "expected " + problem + ", found " + quote(path));
        }
    }

    private void resources(LinuxResources r) {
        r.cpu().ifPresent(cpu -> {
            if (cpu.burst().isPresent() && cpu.quota().isPresent() && cpu.quota().getAsLong() > 0
                    && Long.compareUnsigned(cpu.burst().getAsLong(), cpu.quota().getAsLong()) > 0) {
                out.add(Rules.CPU_BURST_QUOTA, "/linux/resources/cpu/burst", "expected at most the quota "
                        + cpu.quota().getAsLong() + ", found " + Long.toUnsignedString(cpu.burst().getAsLong()));
            }
        });
        r.blockIO().ifPresent(io -> {
            for (int i = 0; i < io.weightDevice().size(); i++) {
                var w = io.weightDevice().get(i);
                if (w.weight().isEmpty() && w.leafWeight().isEmpty()) {
                    out.add(Rules.BLOCK_IO_WEIGHT_DEVICE, "/linux/resources/blockIO/weightDevice/" + i,
                            "expected weight or leafWeight for device " + w.major() + ":" + w.minor() + ", found neither");
                }
            }
        });
        r.rdma().forEach((name, limit) -> {
            if (limit.hcaHandles().isEmpty() && limit.hcaObjects().isEmpty()) {
                out.add(Rules.RDMA_ENTRY, child("/linux/resources/rdma", name),
                        "expected hcaHandles or hcaObjects, found neither");
            }
        });
    }

    private void seccomp(LinuxSeccomp s) {
        String at = "/linux/seccomp";
        action(s.defaultAction(), Rules.SECCOMP_DEFAULT_ACTION_KNOWN, at + "/defaultAction");
        errno(s.defaultAction(), s.defaultErrnoRet().isPresent(), at + "/defaultErrnoRet");
        for (int i = 0; i < s.architectures().size(); i++) {
            var arch = s.architectures().get(i);
            if (!arch.isKnown()) {
                out.add(Rules.SECCOMP_ARCH_KNOWN, at + "/architectures/" + i, "expected an SCMP_ARCH_* value, found " + quote(arch.value()));
            }
        }
        for (int i = 0; i < s.flags().size(); i++) {
            var flag = s.flags().get(i);
            if (!flag.isKnown()) {
                out.add(Rules.SECCOMP_FLAG_KNOWN, at + "/flags/" + i,
                        "expected one of " + Messages.sorted(LinuxSeccompFlag.knownValues()) + ", found " + quote(flag.value()));
            }
        }
        if (s.listenerMetadata().isPresent() && s.listenerPath().isEmpty()) {
            out.add(Rules.SECCOMP_LISTENER_METADATA, at + "/listenerMetadata", "expected listenerPath with listenerMetadata, found none");
        }
        List<LinuxSyscall> syscalls = s.syscalls();
        for (int i = 0; i < syscalls.size(); i++) {
            LinuxSyscall call = syscalls.get(i);
            String callAt = at + "/syscalls/" + i;
            if (call.names().isEmpty()) {
                out.add(Rules.SECCOMP_NAMES_REQUIRED, callAt + "/names", "expected at least one syscall name, found none");
            }
            action(call.action(), Rules.SECCOMP_ACTION_KNOWN, callAt + "/action");
            errno(call.action(), call.errnoRet().isPresent(), callAt + "/errnoRet");
            List<LinuxSeccompArg> args = call.args();
            for (int j = 0; j < args.size(); j++) {
                if (!args.get(j).op().isKnown()) {
                    out.add(Rules.SECCOMP_OPERATOR_KNOWN, callAt + "/args/" + j + "/op",
                            "expected an SCMP_CMP_* operator, found " + quote(args.get(j).op().value()));
                }
            }
        }
    }

    private void action(LinuxSeccompAction action, Rule rule, String at) {
        if (!action.isKnown()) {
            out.add(rule, at, "expected an SCMP_ACT_* action, found " + quote(action.value()));
        }
    }

    private void errno(LinuxSeccompAction action, boolean errnoSet, String at) {
        if (errnoSet && action.isKnown() && !KnownValues.SECCOMP_ERRNO_ACTIONS.contains(action.value())) {
            out.add(Rules.SECCOMP_ERRNO_ACTION, at, "expected no errno for action " + action.value()
                    + " (only SCMP_ACT_ERRNO and SCMP_ACT_TRACE carry one), found one");
        }
    }
}
