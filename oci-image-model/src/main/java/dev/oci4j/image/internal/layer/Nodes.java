package dev.oci4j.image.internal.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * File system operations the JDK lacks or gets wrong for layer application: removal of whole
 * trees without following links, full modes (setuid, sticky), and device nodes, FIFOs and their
 * times through {@code mknod}, {@code mkfifo} and {@code touch} (the JDK opens a file to set its
 * times, which blocks on a FIFO).
 */
public final class Nodes {

    private Nodes() {
    }

    /** Whether this process runs with uid 0 (the owner of /proc/self is the effective uid). */
    public static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * What decides the owner and mode of a file this process creates: the file-system uid and gid and
     * the umask, from /proc/self/status (Linux). A field that cannot be read is -1, and callers then set
     * owner and mode explicitly as they would without it.
     */
    public record Creator(long fsUid, long fsGid, int umask) {
        static final Creator UNKNOWN = new Creator(-1, -1, -1);
    }

    /** {@return the file-system ids and umask of this process, or {@link Creator#UNKNOWN} fields} */
    public static Creator creator() {
        long uid = -1;
        long gid = -1;
        int umask = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    uid = fourthField(line);
                } else if (line.startsWith("Gid:")) {
                    gid = fourthField(line);
                } else if (line.startsWith("Umask:")) {
                    umask = Integer.parseInt(line.substring("Umask:".length()).trim(), 8);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Creator.UNKNOWN;
        }
        return new Creator(uid, gid, umask);
    }

    // "Uid:\treal\teffective\tsaved\tfs": the fs id is what a new file gets.
    private static long fourthField(String line) {
        String[] f = line.trim().split("\\s+");
        return f.length == 5 ? Long.parseLong(f[4]) : -1;
    }

    /** Removes {@code p} and, for a directory, everything below it; symlinks are removed, never followed. */
    public static void removeTree(Path p, FileInfo info) throws IOException {
        if (info.isDirectory()) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                ds.forEach(children::add);
            } catch (AccessDeniedException e) {
                chmod(p, info.permissions() | 0700);
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                    ds.forEach(children::add);
                }
            }
            if (!children.isEmpty() && (info.permissions() & 0300) != 0300) {
                chmod(p, info.permissions() | 0700);
            }
            for (Path c : children) {
                removeTree(c, FileInfo.lstat(c));
            }
        }
        Files.delete(p);
    }

    /** chmod(2) with setuid, setgid and sticky; never call it on a symlink (it would follow). */
    public static void chmod(Path p, int mode) throws IOException {
        Files.setAttribute(p, "unix:mode", mode);
    }

    /** lchown(2). */
    public static void chown(Path p, long uid, long gid) throws IOException {
        chown(p, uid, gid, true, true);
    }

    /** lchown(2) of the uid, the gid or both (the JDK sets them one call each). */
    public static void chown(Path p, long uid, long gid, boolean setUid, boolean setGid) throws IOException {
        if (setUid) {
            Files.setAttribute(p, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
        }
        if (setGid) {
            Files.setAttribute(p, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Sets mtime and atime of a symlink itself. */
    public static void setLinkTimes(Path p, FileTime mtime, FileTime atime) throws IOException {
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(mtime, atime, null);
    }

    /**
     * Sets mtime and atime of a regular file or directory. Only for paths without symlinks: asking
     * the JDK not to follow links costs an extra lstat per call.
     */
    public static void setTimes(Path p, FileTime mtime, FileTime atime) throws IOException {
        Files.getFileAttributeView(p, BasicFileAttributeView.class).setTimes(mtime, atime, null);
    }

    /** Sets the times of a FIFO or device without opening it. */
    public static void setSpecialTimes(Path p, FileTime mtime) throws IOException {
        long nanos = mtime.toInstant().getNano();
        String stamp = "@" + mtime.toInstant().getEpochSecond() + (nanos == 0 ? "" : String.format(".%09d", nanos));
        run("touch", "-h", "-d", stamp, "--", p.toString());
    }

    /** Creates a character ('c') or block ('b') device, or a FIFO ('p'). */
    public static void mknod(Path p, char kind, int mode, int major, int minor) throws IOException {
        String m = Integer.toOctalString(mode & 07777);
        if (kind == 'p') {
            run("mkfifo", "-m", m, "--", p.toString());
        } else {
            run("mknod", "-m", m, "--", p.toString(), String.valueOf(kind), String.valueOf(major),
                    String.valueOf(minor));
        }
    }

    private static void run(String... command) throws IOException {
        Process proc = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output;
        try (InputStream in = proc.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        int rc;
        try {
            rc = proc.waitFor();
        } catch (InterruptedException e) {
            proc.destroy();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(command[0] + " interrupted");
        }
        if (rc != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + rc + "): " + output);
        }
    }
}
