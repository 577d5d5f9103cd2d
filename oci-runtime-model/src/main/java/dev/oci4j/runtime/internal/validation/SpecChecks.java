package dev.oci4j.runtime.internal.validation;

import static dev.oci4j.runtime.internal.validation.Messages.quote;
import static dev.oci4j.runtime.internal.validation.Pointers.child;

import dev.oci4j.internal.validation.Findings;
import dev.oci4j.runtime.IoPriorityClass;
import dev.oci4j.runtime.LinuxSchedulerFlag;
import dev.oci4j.runtime.LinuxSchedulerPolicy;
import dev.oci4j.runtime.Mount;
import dev.oci4j.runtime.PosixRlimit;
import dev.oci4j.runtime.ProcessConfig;
import dev.oci4j.runtime.Root;
import dev.oci4j.runtime.Spec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The cross-field and platform-dependent rules of config.md, in plain Java. */
record SpecChecks(Spec spec, TargetPlatform platform, Findings out) {

    /** A drive-letter path (C:\dir) or a UNC or volume GUID path (\\?\Volume{...}\). */
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("([A-Za-z]:\\\\|\\\\\\\\).*", Pattern.DOTALL);


    static void check(Spec spec, TargetPlatform platform, Findings out) {
        SpecChecks c = new SpecChecks(spec, platform, out);
        c.root();
        c.mounts();
        spec.process().ifPresent(c::process);
        c.platformSections();
        spec.linux().ifPresent(linux -> LinuxChecks.check(linux, out));
    }

    private void root() {
        if (platform.isWindows()) {
            boolean hyperV = spec.windows().flatMap(w -> w.hyperv()).isPresent();
            if (hyperV && spec.root().isPresent()) {
                out.add(Rules.ROOT_HYPERV_FORBIDDEN, "/root", "expected no root for a Hyper-V container, found one");
            } else if (!hyperV && spec.root().isEmpty()) {
                out.add(Rules.ROOT_REQUIRED, "/root", "expected root for a Windows Server Container, found nothing");
            }
            spec.root().filter(Root::readonly).ifPresent(r ->
                    out.add(Rules.ROOT_READONLY_WINDOWS, "/root/readonly", "expected false or nothing on Windows, found true"));
            return;
        }
        if (spec.root().isEmpty()) {
            out.add(Rules.ROOT_REQUIRED, "/root", "expected root on " + platform + ", found nothing");
            return;
        }
        String path = spec.root().get().path();
        if (!path.isBlank() && !path.equals("rootfs")) {
            out.add(Rules.ROOT_PATH_CONVENTIONAL, "/root/path", "expected \"rootfs\", found " + quote(path));
        }
    }

    private void mounts() {
        List<Mount> mounts = spec.mounts();
        for (int i = 0; i < mounts.size(); i++) {
            Mount m = mounts.get(i);
            String at = child("/mounts", i);
            destination(mounts, i, m.destination(), child(at, "destination"));
            boolean uid = !m.uidMappings().isEmpty();
            boolean gid = !m.gidMappings().isEmpty();
            if (uid != gid) {
                String missing = uid ? "gidMappings" : "uidMappings";
                out.add(Rules.MOUNT_IDMAPPINGS_PAIRED, child(at, missing),
                        "expected " + missing + " along with " + (uid ? "uidMappings" : "gidMappings") + ", found nothing");
            }
            if ((uid || gid) && !m.options().contains("idmap") && !m.options().contains("ridmap")) {
                out.add(Rules.MOUNT_IDMAPPINGS_OPTION, child(at, "options"),
                        "expected idmap or ridmap among the options of an id-mapped mount, found " + m.options());
            }
        }
    }

    private void destination(List<Mount> mounts, int i, String destination, String at) {
        if (destination.isEmpty()) {
            out.add(Rules.MOUNT_DESTINATION_ABSOLUTE, at, "expected the mount point (REQUIRED), found nothing");
        } else if (platform.isWindows()) {
            if (!WINDOWS_ABSOLUTE.matcher(destination).matches()) {
                out.add(Rules.MOUNT_DESTINATION_ABSOLUTE, at, "expected an absolute Windows path, found " + quote(destination));
            }
            String self = windowsKey(destination);
            for (int j = 0; j < i; j++) {
                String other = windowsKey(mounts.get(j).destination());
                if (!other.isEmpty() && (self.startsWith(other + "\\") || other.startsWith(self + "\\"))) {
                    out.add(Rules.MOUNT_DESTINATION_NESTED, at, "expected a destination outside mount " + j
                            + " (" + quote(mounts.get(j).destination()) + "), found " + quote(destination));
                }
            }
        } else if (!destination.startsWith("/")) {
            if (platform.isLinux()) {
                out.add(Rules.MOUNT_DESTINATION_RELATIVE, at,
                        "expected an absolute path, found the deprecated relative path " + quote(destination));
            } else {
                out.add(Rules.MOUNT_DESTINATION_ABSOLUTE, at, "expected an absolute path, found " + quote(destination));
            }
        }
    }

    private static String windowsKey(String path) {
        String p = path.toLowerCase(Locale.ROOT).replace('/', '\\');
        while (p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private void process(ProcessConfig process) {
        String cwd = process.cwd();
        boolean absolute = platform.isWindows() ? WINDOWS_ABSOLUTE.matcher(cwd).matches() : cwd.startsWith("/");
        if (!absolute) {
            out.add(Rules.PROCESS_CWD_ABSOLUTE, "/process/cwd",
                    "expected an absolute " + (platform.isWindows() ? "Windows " : "") + "path, found "
                            + (cwd.isEmpty() ? "nothing" : quote(cwd)));
        }
        if (process.args().isEmpty()) {
            if (!platform.isWindows()) {
                out.add(Rules.PROCESS_ARGS_REQUIRED, "/process/args", "expected at least one entry, found none");
            } else if (process.commandLine().isEmpty()) {
                out.add(Rules.PROCESS_ARGS_REQUIRED, "/process/args", "expected args or commandLine on Windows, found neither");
            }
        }
        Set<String> seen = new HashSet<>();
        List<PosixRlimit> rlimits = process.rlimits();
        for (int i = 0; i < rlimits.size(); i++) {
            String type = rlimits.get(i).type();
            if (!seen.add(type)) {
                out.add(Rules.RLIMIT_TYPE_UNIQUE, "/process/rlimits/" + i + "/type",
                        "expected each type once, found " + quote(type) + " again");
            }
        }
        process.scheduler().ifPresent(s -> {
            if (!s.policy().isKnown()) {
                out.add(Rules.SCHEDULER_POLICY_KNOWN, "/process/scheduler/policy",
                        "expected one of " + Messages.sorted(LinuxSchedulerPolicy.knownValues()) + ", found " + quote(s.policy().value()));
            }
            List<LinuxSchedulerFlag> flags = s.flags();
            for (int i = 0; i < flags.size(); i++) {
                if (!flags.get(i).isKnown()) {
                    out.add(Rules.SCHEDULER_FLAGS_KNOWN, "/process/scheduler/flags/" + i,
                            "expected one of " + Messages.sorted(LinuxSchedulerFlag.knownValues()) + ", found " + quote(flags.get(i).value()));
                }
            }
        });
        process.ioPriority().ifPresent(p -> {
            if (!p.ioClass().isKnown()) {
                out.add(Rules.IO_PRIORITY_CLASS_KNOWN, "/process/ioPriority/class",
                        "expected one of " + Messages.sorted(IoPriorityClass.knownValues()) + ", found " + quote(p.ioClass().value()));
            }
        });
    }

    private void platformSections() {
        foreign("linux", spec.linux().isPresent(), platform.isLinux());
        foreign("solaris", spec.solaris().isPresent(), platform.isSolaris());
        foreign("windows", spec.windows().isPresent(), platform.isWindows());
        foreign("zos", spec.zos().isPresent(), platform.isZos());
        if (platform.isWindows() && spec.windows().isEmpty()) {
            out.add(Rules.PLATFORM_WINDOWS_REQUIRED, "/windows", "expected the windows section for target windows, found nothing");
        }
    }

    private void foreign(String section, boolean present, boolean own) {
        if (present && !own) {
            out.add(Rules.PLATFORM_SECTION_FOREIGN, "/" + section,
                    "expected no " + section + " section when validating for " + platform + ", found one");
        }
    }
}
