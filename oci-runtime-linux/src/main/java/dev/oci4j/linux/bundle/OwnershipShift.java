package dev.oci4j.linux.bundle;

import dev.oci4j.runtime.LinuxIdMapping;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Gives a rootfs copy the ownership a user namespace expects: each file's uid and gid, read as ids
 * inside the container, become the host ids the mappings give them, so that root in the container
 * owns what the image's root owned. Ids no mapping covers are left as they are (the container sees
 * them as {@code nobody}) and counted in a warning.
 */
final class OwnershipShift {

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    /** S_ISUID | S_ISGID: chown(2) clears them, even for root, so they are put back. */
    private static final int SET_ID_BITS = 06000;

    private OwnershipShift() {
    }

    static void shift(Path rootfs, List<LinuxIdMapping> uids, List<LinuxIdMapping> gids, List<String> warnings)
            throws IOException {
        long[] unmapped = {0};
        Files.walkFileTree(rootfs, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                shiftOne(dir, false);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                shiftOne(file, attrs.isSymbolicLink());
                return FileVisitResult.CONTINUE;
            }

            private void shiftOne(Path p, boolean symlink) throws IOException {
                int uid = (Integer) Files.getAttribute(p, "unix:uid", NOFOLLOW);
                int gid = (Integer) Files.getAttribute(p, "unix:gid", NOFOLLOW);
                int mode = (Integer) Files.getAttribute(p, "unix:mode", NOFOLLOW);
                long hostUid = toHost(uid, uids);
                long hostGid = toHost(gid, gids);
                if (hostUid < 0 || hostGid < 0) {
                    unmapped[0]++;
                }
                if (hostUid >= 0 && hostUid != uid) {
                    Files.setAttribute(p, "unix:uid", (int) hostUid, NOFOLLOW);
                }
                if (hostGid >= 0 && hostGid != gid) {
                    Files.setAttribute(p, "unix:gid", (int) hostGid, NOFOLLOW);
                }
                if (!symlink && (mode & SET_ID_BITS) != 0) {
                    Files.setAttribute(p, "unix:mode", mode & 07777, NOFOLLOW);
                }
            }
        });
        if (unmapped[0] > 0) {
            warnings.add(unmapped[0] + " files in " + rootfs + " belong to ids the user namespace does not map;"
                    + " the container sees them as owned by nobody");
        }
    }

    /**
     * Warns about a directory above the bundle that the container's root cannot search: runc mounts
     * the rootfs from inside the user namespace, as the mapped uid, and fails with "permission
     * denied" there (a JUnit or mktemp directory is 0700).
     */
    static void checkSearchable(Path bundle, List<LinuxIdMapping> uids, List<LinuxIdMapping> gids,
            List<String> warnings) throws IOException {
        long uid = toHost(0, uids);
        long gid = toHost(0, gids);
        for (Path p = bundle.toAbsolutePath(); p != null; p = p.getParent()) {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            int owner = (Integer) Files.getAttribute(p, "unix:uid");
            int group = (Integer) Files.getAttribute(p, "unix:gid");
            boolean searchable = (mode & 0001) != 0 || (owner == uid && (mode & 0100) != 0)
                    || (group == gid && (mode & 0010) != 0);
            if (!searchable) {
                warnings.add(p + " (mode " + Integer.toOctalString(mode & 07777) + ") cannot be searched by the"
                        + " container's root (host uid " + uid + "): runc cannot mount the rootfs below it;"
                        + " allow o+x on it or put the bundle elsewhere");
                return;
            }
        }
    }

    /** The host id of container id {@code id}, or -1 when no mapping covers it. */
    static long toHost(long id, List<LinuxIdMapping> mappings) {
        for (LinuxIdMapping m : mappings) {
            if (id >= m.containerID() && id - m.containerID() < m.size()) {
                return m.hostID() + (id - m.containerID());
            }
        }
        return -1;
    }
}
