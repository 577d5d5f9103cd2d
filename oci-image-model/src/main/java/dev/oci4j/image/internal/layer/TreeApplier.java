package dev.oci4j.image.internal.layer;

import dev.oci4j.image.DigestMismatchException;
import dev.oci4j.image.layer.LayerFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies one layer tar after another onto a root directory, following image-spec layer.md
 * "Applying Changesets": opaque markers first wherever they appear, whiteouts hide lower layers only,
 * a directory over a directory keeps its children, anything else replaces what was there.
 */
public final class TreeApplier {


    /** Receives notes about what could not be reproduced. */
    @FunctionalInterface
    public interface Warnings {
        void warn(String message);
    }

    private record DirAttrs(int mode, FileTime mtime, FileTime atime) {
    }

    private final SafeRoot root;
    private final boolean chown;
    private final boolean xattrs;
    private final boolean asRoot;
    private final boolean strictDevices;
    private final Warnings warnings;
    private final byte[] buffer = new byte[256 * 1024];

    private String label;
    private String entryName;
    // What this layer created: whiteouts and opaque markers never remove these.
    private final Set<Path> touched = new HashSet<>();
    // Directories of lower layers whose mtime this layer's changes would disturb.
    private final Map<Path, FileTime> parentTimes = new HashMap<>();
    // Directories (lstat'ed by recordParent) where a new file gets this process's file-system uid and gid:
    // owned by them and not setgid. There a chown to those ids would change nothing and is skipped.
    private final Set<Path> creatorOwned = new HashSet<>();
    private final Nodes.Creator creator = Nodes.creator();
    // Directory modes and times, set once the layer is done so that adding children cannot spoil them.
    private final Map<Path, DirAttrs> dirs = new LinkedHashMap<>();
    // Directories this layer created: their children exist only if this layer made them.
    private final Set<Path> fresh = new HashSet<>();
    // Without root, a read-only directory would stop later layers from changing its children.
    private final Map<Path, Integer> deferredModes = new LinkedHashMap<>();

    public TreeApplier(Path root, boolean chown, boolean xattrs, boolean asRoot, boolean strictDevices,
            Warnings warnings) {
        this.root = new SafeRoot(root);
        this.chown = chown;
        this.xattrs = xattrs;
        this.asRoot = asRoot;
        this.strictDevices = strictDevices;
        this.warnings = warnings;
    }

    /** Applies every entry of {@code tar}; returns the number of entries. */
    public long apply(TarArchiveInputStream tar, String label) throws IOException {
        this.label = label;
        touched.clear();
        fresh.clear();
        parentTimes.clear();
        creatorOwned.clear();
        dirs.clear();
        long count = 0;
        entryName = "";
        while (true) {
            TarArchiveEntry e;
            try {
                e = tar instanceof LayerTarInputStream own ? own.nextEntry() : tar.getNextEntry();
            } catch (DigestMismatchException ex) {
                throw ex;
            } catch (IOException | IllegalArgumentException ex) {
                throw new LayerFormatException(label, "", "malformed tar"
                        + (entryName.isEmpty() ? "" : " after entry \"" + entryName + "\"") + ": " + ex.getMessage(), ex);
            }
            if (e == null) {
                break;
            }
            count++;
            entryName = e.getName();
            try {
                applyEntry(tar, e);
            } catch (SafeRoot.PathProblem p) {
                throw new LayerFormatException(label, entryName, p.getMessage());
            } catch (DigestMismatchException | LayerFormatException ex) {
                throw ex;
            } catch (IOException ex) {
                throw new IOException("layer " + label + ", entry \"" + entryName + "\": " + ex, ex);
            }
        }
        finishLayer();
        return count;
    }

    private LayerFormatException fail(String message) {
        return new LayerFormatException(label, entryName, message);
    }

    private void applyEntry(TarArchiveInputStream tar, TarArchiveEntry e) throws IOException {
        List<String> comps = SafeRoot.components(e.getName());
        if (e.isSymbolicLink() && e.getLinkName().indexOf('\0') >= 0) {
            // Checked before anything is removed: no file system can hold this link.
            throw fail("symlink target holds a NUL character");
        }
        String base = comps.isEmpty() ? "" : comps.get(comps.size() - 1);
        if (base.startsWith(TarEntryWriter.WHITEOUT_PREFIX)) {
            List<String> parent = comps.subList(0, comps.size() - 1);
            if (base.equals(TarEntryWriter.OPAQUE)) {
                opaque(parent);
            } else {
                String hidden = base.substring(TarEntryWriter.WHITEOUT_PREFIX.length());
                if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
                    throw fail("a whiteout must name an entry of its directory, not \"" + hidden + "\"");
                }
                whiteout(parent, hidden);
            }
            return;
        }
        Path target = root.leaf(comps, this::createdParent);
        boolean isRoot = comps.isEmpty();
        if (isRoot && !e.isDirectory()) {
            throw fail("the root can only be a directory");
        }
        if (!isRoot) {
            recordParent(target.getParent());
            // Ancestors hold this layer's entry, so an opaque marker above must not remove them.
            for (Path p = target.getParent(); !p.equals(root.root()) && touched.add(p); p = p.getParent()) {
                // walk up until an ancestor is already known
            }
        }
        FileInfo existing = !isRoot && fresh.contains(target.getParent()) && !touched.contains(target)
                ? null : FileInfo.lstatIfExists(target);
        FileTime mtime = e.getLastModifiedTime();
        FileTime atime = e.getLastAccessTime() == null ? mtime : e.getLastAccessTime();
        int mode = e.getMode() & 07777;
        if (e.isDirectory()) {
            if (existing == null || !existing.isDirectory()) {
                if (existing != null) {
                    remove(target, existing);
                }
                Files.createDirectory(target);
                fresh.add(target);
            }
            if (!asRoot) {
                // Keep the directory usable for the rest of the layer; the real mode comes at the end.
                Nodes.chmod(target, 0700 | (existing != null && existing.isDirectory() ? existing.permissions() : 0755));
            }
            touched.add(target);
            owner(target, e);
            creatorOwned.remove(target);
            // A directory over a directory takes the entry's attributes: xattrs too.
            setXattrs(target, e, existing != null && existing.isDirectory());
            dirs.put(target, new DirAttrs(mode, mtime, atime));
            return;
        }
        if (e.isLink()) {
            hardlink(target, existing, e);
            return;
        }
        if (existing != null) {
            remove(target, existing);
        }
        touched.add(target);
        if (e.isSymbolicLink()) {
            if (e.getLinkName().isEmpty()) {
                throw fail("symlink without a target");
            }
            Files.createSymbolicLink(target, Path.of(e.getLinkName()));
            owner(target, e);
            Nodes.setLinkTimes(target, mtime, atime);
        } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            char kind = e.isFIFO() ? 'p' : e.isCharacterDevice() ? 'c' : 'b';
            try {
                Nodes.mknod(target, kind, mode, e.getDevMajor(), e.getDevMinor());
            } catch (IOException ex) {
                if (strictDevices) {
                    throw ex;
                }
                warn("not created: " + ex.getMessage());
                return;
            }
            owner(target, e);
            Nodes.chmod(target, mode);
            Nodes.setSpecialTimes(target, mtime);
        } else {
            // Regular file; POSIX reads unknown type flags as regular files too.
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                int n;
                while ((n = tar.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            }
            ownerOfNew(target, e);
            setXattrs(target, e, false);
            Nodes.chmod(target, mode);
            Nodes.setTimes(target, mtime, atime);
        }
    }

    private void hardlink(Path target, FileInfo existing, TarArchiveEntry e) throws IOException {
        List<String> linkComps = SafeRoot.components(e.getLinkName());
        if (linkComps.isEmpty()) {
            throw fail("hard link to the root");
        }
        Path source = root.leaf(linkComps, null);
        FileInfo info = source == null ? null : FileInfo.lstatIfExists(source);
        if (info == null) {
            throw fail("hard link target \"" + e.getLinkName() + "\" does not exist");
        }
        if (info.isDirectory()) {
            throw fail("hard link target \"" + e.getLinkName() + "\" is a directory");
        }
        if (source.equals(target)) {
            return;
        }
        if (existing != null) {
            remove(target, existing);
        }
        touched.add(target);
        Files.createLink(target, source);
    }

    private void whiteout(List<String> parentComps, String hidden) throws IOException {
        // umoci writes "d" (now a file) and then "d/.wh.child": nothing is left to hide there.
        Path parent = root.directory(parentComps, parentComps.size(), null, true);
        if (parent == null) {
            return;
        }
        Path target = parent.resolve(hidden);
        if (touched.contains(target)) {
            return;
        }
        FileInfo info = FileInfo.lstatIfExists(target);
        if (info != null) {
            recordParent(parent);
            remove(target, info);
        }
    }

    private void opaque(List<String> dirComps) throws IOException {
        Path dir = root.directory(dirComps, dirComps.size(), null, true);
        if (dir != null) {
            clearLower(dir);
        }
    }

    /** Removes every child of {@code dir} that this layer did not create, at any depth. */
    private void clearLower(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(children::add);
        }
        for (Path c : children) {
            FileInfo info = FileInfo.lstat(c);
            if (touched.contains(c)) {
                if (info.isDirectory()) {
                    clearLower(c);
                }
            } else {
                recordParent(dir);
                remove(c, info);
            }
        }
    }

    private void createdParent(Path dir) throws IOException {
        recordParent(dir.getParent());
        touched.add(dir);
        fresh.add(dir);
    }

    private void remove(Path p, FileInfo info) throws IOException {
        if (info.isDirectory() || info.isSymlink()) {
            root.invalidate();
        }
        if (info.isDirectory()) {
            // Paths below p may soon lead through a symlink created in its place: forget them, or
            // the end-of-layer chmod and utimes would follow it out of the root.
            purgeBelow(p, touched);
            purgeBelow(p, fresh);
            purgeBelow(p, parentTimes.keySet());
            purgeBelow(p, creatorOwned);
            purgeBelow(p, dirs.keySet());
            purgeBelow(p, deferredModes.keySet());
        }
        Nodes.removeTree(p, info);
    }

    private static void purgeBelow(Path p, Set<Path> paths) {
        if (!paths.isEmpty()) {
            paths.removeIf(q -> q.startsWith(p));
        }
    }

    private void recordParent(Path dir) throws IOException {
        if (!parentTimes.containsKey(dir)) {
            FileInfo info = FileInfo.lstat(dir);
            parentTimes.put(dir, info.mtime());
            if (info.uid() == creator.fsUid() && info.gid() == creator.fsGid() && (info.mode() & 02000) == 0) {
                creatorOwned.add(dir);
            }
        }
    }

    private void owner(Path p, TarArchiveEntry e) {
        if (!chown) {
            return;
        }
        try {
            Nodes.chown(p, e.getLongUserId(), e.getLongGroupId());
        } catch (IOException ex) {
            warn("owner " + e.getLongUserId() + ":" + e.getLongGroupId() + " not set: " + ex);
        }
    }

    /**
     * Like {@link #owner} for a regular file this layer has just created: its owner is already this
     * process's fs uid, and its group the fs gid when the directory is {@link #creatorOwned} (not setgid, and
     * owned by those ids, which also rules out mounts that give new files the directory's group or fixed ids).
     */
    private void ownerOfNew(Path p, TarArchiveEntry e) {
        if (!chown) {
            return;
        }
        long uid = e.getLongUserId();
        long gid = e.getLongGroupId();
        boolean plain = creatorOwned.contains(p.getParent());
        boolean setUid = !plain || uid != creator.fsUid();
        boolean setGid = !plain || gid != creator.fsGid();
        if (!setUid && !setGid) {
            return;
        }
        try {
            Nodes.chown(p, uid, gid, setUid, setGid);
        } catch (IOException ex) {
            warn("owner " + uid + ":" + gid + " not set: " + ex);
        }
    }

    private void setXattrs(Path p, TarArchiveEntry e, boolean replace) {
        if (!xattrs) {
            return;
        }
        Map<String, byte[]> values = Xattrs.fromPax(e.getExtraPaxHeaders(), this::warn);
        if (replace) {
            try {
                Xattrs.removeOthers(p, values.keySet());
            } catch (IOException | UnsupportedOperationException ex) {
                warn("old xattrs not removed: " + ex);
            }
        }
        for (Map.Entry<String, byte[]> x : values.entrySet()) {
            String name = x.getKey();
            if (!Xattrs.writable(name)) {
                warn("xattr " + name + " not set: the JDK can only set user.* attributes");
                continue;
            }
            try {
                Xattrs.write(p, name, x.getValue());
            } catch (IOException | UnsupportedOperationException ex) {
                warn("xattr " + name + " not set: " + ex);
            }
        }
    }

    private void warn(String message) {
        warnings.warn("layer " + label + ", entry \"" + entryName + "\": " + message);
    }

    private void finishLayer() throws IOException {
        for (Map.Entry<Path, FileTime> p : parentTimes.entrySet()) {
            if (!dirs.containsKey(p.getKey())) {
                FileInfo info = FileInfo.lstatIfExists(p.getKey());
                if (info != null && info.isDirectory()) {
                    Nodes.setTimes(p.getKey(), p.getValue(), null);
                }
            }
        }
        for (Map.Entry<Path, DirAttrs> d : dirs.entrySet()) {
            FileInfo info = FileInfo.lstatIfExists(d.getKey());
            if (info != null && info.isDirectory()) {
                if (asRoot) {
                    Nodes.chmod(d.getKey(), d.getValue().mode());
                } else {
                    deferredModes.put(d.getKey(), d.getValue().mode());
                }
                Nodes.setTimes(d.getKey(), d.getValue().mtime(), d.getValue().atime());
            }
        }
    }

    /** Sets the directory modes held back while not running as root; call once after the last layer. */
    public void finish() throws IOException {
        for (Map.Entry<Path, Integer> d : deferredModes.entrySet()) {
            FileInfo info = FileInfo.lstatIfExists(d.getKey());
            if (info != null && info.isDirectory()) {
                Nodes.chmod(d.getKey(), d.getValue());
            }
        }
        deferredModes.clear();
    }
}
