package dev.oci4j.image.internal.layer;

import dev.oci4j.image.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a directory tree into layer entries, depth first, parents before children. The second and
 * later paths of an inode with several links become hardlink entries to the first.
 */
public final class DirectoryScanner {

    /** Receives entries; may throw I/O errors from writing. */
    @FunctionalInterface
    public interface Sink {
        void accept(LayerEntry e) throws IOException;
    }

    private record InodeKey(long dev, long ino) {
    }

    private final boolean sort;
    private final boolean xattrs;
    private final Map<InodeKey, String> firstLinks = new HashMap<>();

    public DirectoryScanner(boolean sort, boolean xattrs) {
        this.sort = sort;
        this.xattrs = xattrs;
    }

    /** Emits every object below {@code root} (not the root itself). */
    public void scan(Path root, Sink sink) throws IOException {
        FileInfo info = FileInfo.lstat(root);
        if (!info.isDirectory()) {
            throw new java.nio.file.NotDirectoryException(root.toString());
        }
        walk(root, "", sink);
    }

    private void walk(Path dir, String rel, Sink sink) throws IOException {
        for (String name : children(dir, sort)) {
            Path p = dir.resolve(name);
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            FileInfo info = FileInfo.lstat(p);
            LayerEntry e = entry(p, childRel, info);
            if (e == null) {
                continue;
            }
            sink.accept(e);
            if (info.isDirectory()) {
                walk(p, childRel, sink);
            }
        }
    }

    /** The names in {@code dir}, sorted by their UTF-16 order when asked (deterministic across runs). */
    public static List<String> children(Path dir, boolean sort) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                names.add(c.getFileName().toString());
            }
        }
        if (sort) {
            Collections.sort(names);
        }
        return names;
    }

    /**
     * The entry for one path, or null for sockets (tar cannot hold them). Records the inode so that
     * a later path to it becomes a hardlink.
     */
    public LayerEntry entry(Path p, String rel, FileInfo info) throws IOException {
        LayerEntry.Type type;
        switch (info.format()) {
            case FileInfo.S_IFREG -> type = LayerEntry.Type.FILE;
            case FileInfo.S_IFDIR -> type = LayerEntry.Type.DIRECTORY;
            case FileInfo.S_IFLNK -> type = LayerEntry.Type.SYMLINK;
            case FileInfo.S_IFCHR -> type = LayerEntry.Type.CHAR_DEVICE;
            case FileInfo.S_IFBLK -> type = LayerEntry.Type.BLOCK_DEVICE;
            case FileInfo.S_IFIFO -> type = LayerEntry.Type.FIFO;
            default -> {
                return null;
            }
        }
        if (type != LayerEntry.Type.DIRECTORY && info.nlink() > 1) {
            InodeKey key = new InodeKey(info.dev(), info.ino());
            String first = firstLinks.putIfAbsent(key, rel);
            if (first != null) {
                type = LayerEntry.Type.HARDLINK;
                return LayerEntry.builder(rel, type).linkname(first).mode(info.permissions())
                        .uid(info.uid()).gid(info.gid()).mtime(info.mtime().toInstant()).build();
            }
        }
        LayerEntry.Builder b = LayerEntry.builder(rel, type).mode(info.permissions()).uid(info.uid())
                .gid(info.gid()).mtime(info.mtime().toInstant());
        switch (type) {
            case FILE -> b.size(info.size()).content(() -> Files.newInputStream(p));
            case SYMLINK -> b.linkname(Files.readSymbolicLink(p).toString());
            case CHAR_DEVICE, BLOCK_DEVICE -> b.devMajor(info.devMajor()).devMinor(info.devMinor());
            default -> {
            }
        }
        if (xattrs && (type == LayerEntry.Type.FILE || type == LayerEntry.Type.DIRECTORY)) {
            b.xattrs(Xattrs.read(p));
        }
        return b.build();
    }

    /** Records that {@code rel} holds this inode without emitting it (used by the diff for unchanged files). */
    public void remember(String rel, FileInfo info) {
        if (!info.isDirectory() && info.nlink() > 1) {
            firstLinks.putIfAbsent(new InodeKey(info.dev(), info.ino()), rel);
        }
    }
}
