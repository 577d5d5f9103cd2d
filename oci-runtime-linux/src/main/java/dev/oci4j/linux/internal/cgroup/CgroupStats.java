package dev.oci4j.linux.internal.cgroup;

import dev.oci4j.linux.ContainerStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads {@link ContainerStats} from the cgroup of a container's process, found through
 * {@code /proc/PID/cgroup}: v1 controller hierarchies under {@code /sys/fs/cgroup/CONTROLLERS}, or
 * the v2 hierarchy at {@code /sys/fs/cgroup} (a hybrid host's {@code unified} tree has no
 * controllers, so v1 answers there). Works for every backend: it asks the kernel, not the runtime.
 */
public final class CgroupStats {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    /** The largest value v1 reports for "no limit" is a page-rounded LONG_MAX; anything that large means none. */
    private static final long V1_UNLIMITED = Long.MAX_VALUE / 2;

    private CgroupStats() {
    }

    public static ContainerStats of(long pid) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("process " + pid + " is gone: the container is not running", e);
        }
        Map<String, Path> v1 = new HashMap<>();
        Path v2 = null;
        for (String line : lines) {
            // hierarchy-ID:controller-list:cgroup-path
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            String path = f[2].startsWith("/") ? f[2].substring(1) : f[2];
            if (f[0].equals("0") && f[1].isEmpty()) {
                v2 = ROOT.resolve(path);
            } else {
                for (String controller : f[1].split(",")) {
                    v1.put(controller, ROOT.resolve(f[1]).resolve(path));
                }
            }
        }
        if (v1.containsKey("memory")) {
            Path mem = v1.get("memory");
            long limit = number(mem.resolve("memory.limit_in_bytes"));
            return new ContainerStats(number(mem.resolve("memory.usage_in_bytes")),
                    limit >= V1_UNLIMITED ? OptionalLong.empty() : OptionalLong.of(limit),
                    v1.containsKey("cpuacct") ? number(v1.get("cpuacct").resolve("cpuacct.usage")) : 0,
                    v1.containsKey("pids") ? number(v1.get("pids").resolve("pids.current")) : 0);
        }
        if (v2 == null) {
            throw new IOException("/proc/" + pid + "/cgroup names neither a v1 memory cgroup nor a v2 one");
        }
        String max = Files.readString(v2.resolve("memory.max")).trim();
        long usec = 0;
        for (String l : Files.readAllLines(v2.resolve("cpu.stat"))) {
            if (l.startsWith("usage_usec ")) {
                usec = Long.parseLong(l.substring("usage_usec ".length()).trim());
            }
        }
        return new ContainerStats(number(v2.resolve("memory.current")),
                max.equals("max") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(max)),
                usec * 1000, number(v2.resolve("pids.current")));
    }

    private static long number(Path file) throws IOException {
        String text = Files.readString(file).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": expected a number, found \"" + text + "\"", e);
        }
    }
}
