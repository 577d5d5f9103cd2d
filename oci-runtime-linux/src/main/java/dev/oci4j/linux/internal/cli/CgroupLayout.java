package dev.oci4j.linux.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The host's cgroup layout, read from {@code /proc/self/mountinfo}. "Hybrid" is the systemd layout
 * with v1 controllers under {@code /sys/fs/cgroup} and a cgroup2 hierarchy without controllers
 * mounted beside them (usually {@code /sys/fs/cgroup/unified}): crun refuses it ("cgroups in hybrid
 * mode not supported"), and runs fine when that one mount is hidden from it.
 */
record CgroupLayout(boolean v1, Optional<String> unifiedMount) {

    /** Whether crun must be run with the cgroup2 mount detached. */
    boolean hybrid() {
        return v1 && unifiedMount.isPresent();
    }

    static CgroupLayout read() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            return new CgroupLayout(false, Optional.empty());
        }
    }

    static CgroupLayout parse(List<String> mountinfo) {
        boolean v1 = false;
        String unified = null;
        boolean rootIsV2 = false;
        for (String line : mountinfo) {
            // id parent major:minor root mountpoint options [optional fields] - fstype source superoptions
            String[] f = line.split(" ");
            int dash = java.util.Arrays.asList(f).indexOf("-");
            if (f.length < 5 || dash < 0 || dash + 1 >= f.length) {
                continue;
            }
            String mountPoint = f[4].replace("\\040", " ");
            String type = f[dash + 1];
            if (type.equals("cgroup")) {
                v1 = true;
            } else if (type.equals("cgroup2")) {
                if (mountPoint.equals("/sys/fs/cgroup")) {
                    rootIsV2 = true;
                } else if (unified == null) {
                    unified = mountPoint;
                }
            }
        }
        return new CgroupLayout(v1 && !rootIsV2, Optional.ofNullable(unified));
    }
}
