package dev.oci4j.linux.internal.cni;

import dev.oci4j.linux.internal.jna.Mounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Named network namespaces: a new namespace kept alive by bind-mounting its nsfs file on an empty
 * file (what {@code ip netns add} does), so it outlives the process that made it and can be given to
 * a runtime as {@code linux.namespaces[].path}.
 */
public final class Netns {

    private Netns() {
    }

    /** Creates a network namespace pinned at {@code file} (which must not exist). */
    public static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file);
        // unshare(1) (util-linux) makes the namespace and the bind mount in one step; the JVM itself
        // cannot unshare a namespace for one thread only.
        ProcessBuilder pb = new ProcessBuilder("unshare", "--net=" + file, "true").redirectErrorStream(true);
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                Files.deleteIfExists(file);
                throw new IOException("unshare --net=" + file + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("unshare --net=" + file + " interrupted", e);
        }
    }

    /** Unmounts and removes a namespace file made by {@link #create}; nothing happens when it is gone. */
    public static void remove(Path file) throws IOException {
        if (isMounted(file)) {
            Mounts.unmount(file);
        }
        Files.deleteIfExists(file);
    }

    /** Whether something is mounted on {@code file} (it appears as a mount point in this process's mountinfo). */
    public static boolean isMounted(Path file) throws IOException {
        String target = file.toAbsolutePath().normalize().toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            if (f.length > 4 && unescape(f[4]).equals(target)) {
                return true;
            }
        }
        return false;
    }

    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
