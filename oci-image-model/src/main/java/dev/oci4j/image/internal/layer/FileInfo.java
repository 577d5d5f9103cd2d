package dev.oci4j.image.internal.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** One lstat(2) of a path, through the JDK's "unix" attribute view. */
public record FileInfo(int mode, long uid, long gid, long ino, long dev, long rdev, int nlink, long size,
        FileTime mtime) {

    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;

    private static final String ATTRIBUTES = "unix:mode,uid,gid,ino,dev,rdev,nlink,size,lastModifiedTime";

    /** Reads the attributes of {@code p} itself, not of what a symlink points to. */
    public static FileInfo lstat(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return new FileInfo((Integer) a.get("mode"), ((Integer) a.get("uid")) & 0xffffffffL,
                ((Integer) a.get("gid")) & 0xffffffffL, (Long) a.get("ino"), (Long) a.get("dev"),
                (Long) a.get("rdev"), (Integer) a.get("nlink"), (Long) a.get("size"),
                (FileTime) a.get("lastModifiedTime"));
    }

    /** Like {@link #lstat} but empty-handed (null) when nothing is there. */
    public static FileInfo lstatIfExists(Path p) throws IOException {
        try {
            return lstat(p);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    public int format() {
        return mode & S_IFMT;
    }

    public boolean isDirectory() {
        return format() == S_IFDIR;
    }

    public boolean isSymlink() {
        return format() == S_IFLNK;
    }

    public boolean isRegular() {
        return format() == S_IFREG;
    }

    public int permissions() {
        return mode & 07777;
    }

    /** Linux's encoding of dev_t (glibc gnu_dev_major). */
    public int devMajor() {
        return (int) (((rdev >>> 32) & 0xfffff000L) | ((rdev >>> 8) & 0xfffL));
    }

    public int devMinor() {
        return (int) (((rdev >>> 12) & 0xffffff00L) | (rdev & 0xffL));
    }
}
