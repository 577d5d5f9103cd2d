package dev.oci4j.image.layer;

import dev.oci4j.image.Digest;
import dev.oci4j.testing.Commands;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds and describes real directory trees for layer tests. */
final class Trees {

    private Trees() {
    }

    static Path file(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    static Path dir(Path root, String rel) throws IOException {
        return Files.createDirectories(root.resolve(rel));
    }

    static void mode(Path p, int mode) throws IOException {
        Files.setAttribute(p, "unix:mode", mode);
    }

    static void mtime(Path p, long epochSecond) throws IOException {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(p)) {
            // The JDK opens the file to set its times, which blocks on a FIFO.
            Commands.runOk("touch", "-h", "-d", "@" + epochSecond, p.toString());
            return;
        }
        Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(FileTime.from(java.time.Instant.ofEpochSecond(epochSecond)), null, null);
    }

    static void xattr(Path p, String userName, String value) throws IOException {
        Files.getFileAttributeView(p, UserDefinedFileAttributeView.class)
                .write(userName, ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * One line per object below {@code root}: type, mode, owner (when {@code owners}), size and
     * content digest, link target, device numbers, mtime (when {@code times}), user xattrs, and
     * which hardlink group it belongs to.
     */
    static Map<String, String> describe(Path root, boolean owners, boolean times) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Map<Object, String> inodes = new HashMap<>();
        walk(root, "", out, inodes, owners, times);
        return out;
    }

    private static void walk(Path dir, String rel, Map<String, String> out, Map<Object, String> inodes,
            boolean owners, boolean times) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(children::add);
        }
        Collections.sort(children);
        for (Path c : children) {
            String r = rel.isEmpty() ? c.getFileName().toString() : rel + "/" + c.getFileName();
            Map<String, Object> a = Files.readAttributes(c, "unix:*", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            StringBuilder sb = new StringBuilder();
            sb.append(Integer.toOctalString(mode));
            if (owners) {
                sb.append(" ").append(a.get("uid")).append(":").append(a.get("gid"));
            }
            int fmt = mode & 0170000;
            if (fmt == 0100000) {
                sb.append(" size=").append(a.get("size")).append(" ").append(Digest.sha256(c));
                if ((Integer) a.get("nlink") > 1) {
                    String first = inodes.putIfAbsent(a.get("ino"), r);
                    sb.append(" links=").append(first == null ? r : first);
                }
            } else if (fmt == 0120000) {
                sb.append(" -> ").append(Files.readSymbolicLink(c));
            } else if (fmt == 0020000 || fmt == 0060000) {
                sb.append(" rdev=").append(a.get("rdev"));
            }
            if (times) {
                sb.append(" mtime=").append(((FileTime) a.get("lastModifiedTime")).toInstant().getEpochSecond());
            }
            if (fmt == 0100000 || fmt == 0040000) {
                UserDefinedFileAttributeView v = Files.getFileAttributeView(c, UserDefinedFileAttributeView.class);
                List<String> names = new ArrayList<>(v.list());
                Collections.sort(names);
                for (String n : names) {
                    ByteBuffer b = ByteBuffer.allocate(v.size(n));
                    v.read(n, b);
                    sb.append(" user.").append(n).append("=").append(new String(b.array(), 0, b.position(),
                            StandardCharsets.UTF_8));
                }
            }
            out.put(r, sb.toString());
            if (fmt == 0040000) {
                walk(c, r, out, inodes, owners, times);
            }
        }
    }
}
