package dev.oci4j.image.builder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import dev.oci4j.image.Digest;

/**
 * What a file tree looks like to a container: per path the type, permission bits, owner, size,
 * content digest and symlink target, plus which paths are hard links of each other. Two unpackers
 * agree when their snapshots are equal. Times are left out: tools differ on directory mtimes
 * after whiteouts, and the spec does not pin them.
 */
record TreeSnapshot(Map<String, String> entries, List<List<String>> hardlinkGroups) {

    static TreeSnapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        Map<Object, TreeSet<String>> byInode = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString();
                Map<String, Object> a = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) a.get("mode");
                String type;
                String detail = "";
                if (Files.isSymbolicLink(p)) {
                    type = "symlink";
                    detail = " -> " + Files.readSymbolicLink(p);
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    type = "dir";
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    type = "file";
                    detail = " size=" + a.get("size") + " " + Digest.sha256(p);
                    if ((Integer) a.get("nlink") > 1) {
                        byInode.computeIfAbsent(a.get("ino"), k -> new TreeSet<>()).add(rel);
                    }
                } else {
                    type = "other";
                }
                String perm = Integer.toOctalString(mode & 07777);
                entries.put(rel, type + " " + (type.equals("symlink") ? "" : perm) + " " + a.get("uid") + ":"
                        + a.get("gid") + detail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> groups = new ArrayList<>();
        byInode.values().forEach(s -> groups.add(List.copyOf(s)));
        groups.sort((x, y) -> x.get(0).compareTo(y.get(0)));
        return new TreeSnapshot(entries, List.copyOf(groups));
    }
}
