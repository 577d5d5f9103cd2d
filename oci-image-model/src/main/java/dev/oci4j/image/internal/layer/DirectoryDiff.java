package dev.oci4j.image.internal.layer;

import dev.oci4j.image.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The changeset between two directory trees (image-spec layer.md "Populate Changesets"): objects
 * added or changed in the upper tree, a whiteout for each lower object that is gone, and an opaque
 * marker instead of whiteouts when a directory kept none of its former children.
 */
public final class DirectoryDiff {

    private final boolean xattrs;
    private final boolean compareContents;
    private final DirectoryScanner scanner;

    public DirectoryDiff(boolean xattrs, boolean compareContents) {
        this.xattrs = xattrs;
        this.compareContents = compareContents;
        this.scanner = new DirectoryScanner(true, xattrs);
    }

    public void diff(Path lower, Path upper, DirectoryScanner.Sink sink) throws IOException {
        FileInfo l = FileInfo.lstat(lower);
        FileInfo u = FileInfo.lstat(upper);
        if (!l.isDirectory() || !u.isDirectory()) {
            throw new java.nio.file.NotDirectoryException(!l.isDirectory() ? lower.toString() : upper.toString());
        }
        if (metadataDiffers(lower, l, upper, u)) {
            LayerEntry root = scanner.entry(upper, "", u);
            sink.accept(root);
        }
        diffDirectory(lower, upper, "", sink);
    }

    private void diffDirectory(Path lower, Path upper, String rel, DirectoryScanner.Sink sink) throws IOException {
        List<String> lowerNames = DirectoryScanner.children(lower, true);
        List<String> upperNames = DirectoryScanner.children(upper, true);
        Set<String> upperSet = new HashSet<>(upperNames);
        Set<String> lowerSet = new HashSet<>(lowerNames);
        boolean opaque = !lowerNames.isEmpty() && lowerNames.stream().noneMatch(upperSet::contains);
        if (opaque) {
            sink.accept(LayerEntry.opaque(rel));
        }
        TreeSet<String> all = new TreeSet<>(upperNames);
        if (!opaque) {
            all.addAll(lowerNames);
        }
        for (String name : all) {
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            Path up = upper.resolve(name);
            if (!upperSet.contains(name)) {
                sink.accept(LayerEntry.whiteout(childRel));
                continue;
            }
            FileInfo ui = FileInfo.lstat(up);
            FileInfo li = !opaque && lowerSet.contains(name) ? FileInfo.lstat(lower.resolve(name)) : null;
            if (li == null || (ui.isDirectory() && !li.isDirectory())) {
                emitTree(up, childRel, ui, sink);
            } else if (ui.isDirectory()) {
                if (metadataDiffers(lower.resolve(name), li, up, ui)) {
                    sink.accept(scanner.entry(up, childRel, ui));
                }
                diffDirectory(lower.resolve(name), up, childRel, sink);
            } else if (metadataDiffers(lower.resolve(name), li, up, ui) || contentDiffers(lower.resolve(name), li, up)) {
                LayerEntry e = scanner.entry(up, childRel, ui);
                if (e != null) {
                    sink.accept(e);
                }
            } else {
                scanner.remember(childRel, ui);
            }
        }
    }

    private void emitTree(Path p, String rel, FileInfo info, DirectoryScanner.Sink sink) throws IOException {
        LayerEntry e = scanner.entry(p, rel, info);
        if (e == null) {
            return;
        }
        sink.accept(e);
        if (info.isDirectory()) {
            for (String name : DirectoryScanner.children(p, true)) {
                Path c = p.resolve(name);
                emitTree(c, rel + "/" + name, FileInfo.lstat(c), sink);
            }
        }
    }

    private boolean metadataDiffers(Path lp, FileInfo l, Path up, FileInfo u) throws IOException {
        if (l.format() != u.format() || l.permissions() != u.permissions() || l.uid() != u.uid()
                || l.gid() != u.gid() || !l.mtime().equals(u.mtime())) {
            return true;
        }
        if (u.isRegular() && l.size() != u.size()) {
            return true;
        }
        if (u.isSymlink() && !Files.readSymbolicLink(lp).equals(Files.readSymbolicLink(up))) {
            return true;
        }
        if ((u.format() == FileInfo.S_IFCHR || u.format() == FileInfo.S_IFBLK) && l.rdev() != u.rdev()) {
            return true;
        }
        if (xattrs && (u.isRegular() || u.isDirectory())) {
            Map<String, byte[]> lx = Xattrs.read(lp);
            Map<String, byte[]> ux = Xattrs.read(up);
            if (!lx.keySet().equals(ux.keySet())) {
                return true;
            }
            for (Map.Entry<String, byte[]> x : ux.entrySet()) {
                if (!Arrays.equals(x.getValue(), lx.get(x.getKey()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean contentDiffers(Path lp, FileInfo l, Path up) throws IOException {
        return compareContents && l.isRegular() && Files.mismatch(lp, up) != -1L;
    }
}
