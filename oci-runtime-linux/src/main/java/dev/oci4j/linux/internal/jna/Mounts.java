package dev.oci4j.linux.internal.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mounting overlays and writing overlayfs' own whiteout markers, through {@link LibC}. Errors are
 * {@link IOException}s naming the call, the path and the errno's meaning.
 */
public final class Mounts {

    /** The kernel takes at most one page of mount data. */
    private static final int MAX_MOUNT_DATA = 4095;

    private Mounts() {
    }

    /**
     * Mounts an overlay on {@code target}: {@code lowers} top layer first (overlayfs' order),
     * {@code upper} and {@code work} on one filesystem.
     *
     * @throws IOException when the kernel refuses (no overlay support, no privilege, a path it
     *     cannot take); nothing is mounted then
     */
    public static void mountOverlay(List<Path> lowers, Path upper, Path work, Path target) throws IOException {
        if (lowers.isEmpty()) {
            throw new IllegalArgumentException("an overlay needs at least one lower directory");
        }
        for (Path p : lowers) {
            checkOption(p);
        }
        checkOption(upper);
        checkOption(work);
        String data = "lowerdir=" + lowers.stream().map(Path::toString).collect(Collectors.joining(":"))
                + ",upperdir=" + upper + ",workdir=" + work;
        if (data.length() > MAX_MOUNT_DATA) {
            throw new IOException("mount overlay on " + target + ": " + lowers.size()
                    + " lower directories make " + data.length() + " bytes of options, over the kernel's "
                    + MAX_MOUNT_DATA);
        }
        try {
            LibC.mount("overlay", target.toString(), "overlay", new NativeLong(0), data);
        } catch (LastErrorException e) {
            throw failure("mount overlay on " + target, e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IOException("mount overlay on " + target + ": libc is not reachable through JNA: " + e, e);
        }
    }

    /**
     * Unmounts {@code target}; when it is busy (a process still has it open), detaches it so it
     * goes away with its last user.
     */
    public static void unmount(Path target) throws IOException {
        try {
            LibC.umount2(target.toString(), 0);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.EBUSY) {
                throw failure("umount " + target, e);
            }
            try {
                LibC.umount2(target.toString(), LibC.MNT_DETACH);
            } catch (LastErrorException again) {
                throw failure("umount --lazy " + target, again);
            }
        }
    }

    /** Whether {@code dir} is the root of a mount: its device differs from its parent's. */
    public static boolean isMountPoint(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null) {
            return true;
        }
        Object a = Files.getAttribute(dir, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        Object b = Files.getAttribute(parent, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        return !a.equals(b);
    }

    /** Creates overlayfs' whiteout, a character device 0/0, at {@code path}. */
    public static void whiteout(Path path) throws IOException {
        try {
            LibC.mknod(path.toString(), LibC.S_IFCHR, 0L);
        } catch (LastErrorException e) {
            throw failure("mknod " + path + " c 0 0 (an overlay whiteout)", e);
        }
    }

    /** Marks {@code dir} opaque for overlayfs: {@code trusted.overlay.opaque=y}, which needs CAP_SYS_ADMIN. */
    public static void markOpaque(Path dir) throws IOException {
        byte[] y = "y".getBytes(StandardCharsets.US_ASCII);
        try {
            LibC.lsetxattr(dir.toString(), "trusted.overlay.opaque", y, new NativeLong(y.length), 0);
        } catch (LastErrorException e) {
            throw failure("setxattr trusted.overlay.opaque=y on " + dir, e);
        }
    }

    private static void checkOption(Path p) throws IOException {
        String s = p.toString();
        // overlayfs splits its options at ',' and its lower list at ':'; escaping is not worth the risk.
        if (s.indexOf(',') >= 0 || s.indexOf(':') >= 0) {
            throw new IOException("mount overlay: " + s + " holds ',' or ':', which overlayfs options cannot carry");
        }
    }

    private static IOException failure(String what, LastErrorException e) {
        int errno = e.getErrorCode();
        String text = switch (errno) {
            case 1 -> "operation not permitted (EPERM: needs CAP_SYS_ADMIN)";
            case LibC.ENOENT -> "no such file or directory (ENOENT)";
            case 19 -> "no such filesystem type (ENODEV: overlay not available)";
            case LibC.EINVAL -> "invalid argument (EINVAL)";
            case LibC.EBUSY -> "device or resource busy (EBUSY)";
            case LibC.EEXIST -> "file exists (EEXIST)";
            case 95 -> "operation not supported (EOPNOTSUPP)";
            default -> "errno " + errno;
        };
        if (errno == LibC.ENOENT) {
            return new NoSuchFileException(what + ": " + text);
        }
        return new IOException(what + ": " + text);
    }
}
