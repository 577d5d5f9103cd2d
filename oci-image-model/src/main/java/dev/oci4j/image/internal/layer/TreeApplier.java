package dev.oci4j.image.internal.layer;

import dev.oci4j.image.DigestMismatchException;
import dev.oci4j.image.layer.LayerFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

    private static final String XATTR_PREFIX = "SCHILY.xattr.";

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
    // Directory modes and times, set once the layer is done so that adding children cannot spoil them.
    private final Map<Path, DirAttrs> dirs = new LinkedHashMap<>();
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
        parentTimes.clear();
        dirs.clear();
        long count = 0;
        entryName = "";
        while (true) {
            TarArchiveEntry e;
            try {
                e = tar.getNextEntry();
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
        }
        FileInfo existing = FileInfo.lstatIfExists(target);
        FileTime mtime = e.getLastModifiedTime();
        FileTime atime = e.getLastAccessTime() == null ? mtime : e.getLastAccessTime();
        int mode = e.getMode() & 07777;
        if (e.isDirectory()) {
            if (existing == null || !existing.isDirectory()) {
                if (existing != null) {
                    Nodes.removeTree(target, existing);
                }
                Files.createDirectory(target);
            }
            if (!asRoot) {
                // Keep the directory usable for the rest of the layer; the real mode comes at the end.
                Nodes.chmod(target, 0700 | (existing != null && existing.isDirectory() ? existing.permissions() : 0755));
            }
            touched.add(target);
            owner(target, e);
            setXattrs(target, e);
            dirs.put(target, new DirAttrs(mode, mtime, atime));
            return;
        }
        if (e.isLink()) {
            hardlink(target, existing, e);
            return;
        }
        if (existing != null) {
            Nodes.removeTree(target, existing);
        }
        touched.add(target);
        if (e.isSymbolicLink()) {
            if (e.getLinkName().isEmpty()) {
                throw fail("symlink without a target");
            }
            Files.createSymbolicLink(target, Path.of(e.getLinkName()));
            owner(target, e);
            Nodes.setTimes(target, mtime, atime);
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
            owner(target, e);
            setXattrs(target, e);
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
            Nodes.removeTree(target, existing);
        }
        touched.add(target);
        Files.createLink(target, source);
    }

    private void whiteout(List<String> parentComps, String hidden) throws IOException {
        Path parent = root.directory(parentComps, parentComps.size(), null);
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
            Nodes.removeTree(target, info);
        }
    }

    private void opaque(List<String> dirComps) throws IOException {
        Path dir = root.directory(dirComps, dirComps.size(), null);
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
                Nodes.removeTree(c, info);
            }
        }
    }

    private void createdParent(Path dir) throws IOException {
        recordParent(dir.getParent());
        touched.add(dir);
    }

    private void recordParent(Path dir) throws IOException {
        if (!parentTimes.containsKey(dir)) {
            parentTimes.put(dir, FileInfo.lstat(dir).mtime());
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

    private void setXattrs(Path p, TarArchiveEntry e) {
        if (!xattrs) {
            return;
        }
        for (Map.Entry<String, String> h : e.getExtraPaxHeaders().entrySet()) {
            if (!h.getKey().startsWith(XATTR_PREFIX)) {
                continue;
            }
            String name = h.getKey().substring(XATTR_PREFIX.length());
            if (!Xattrs.writable(name)) {
                warn("xattr " + name + " not set: the JDK can only set user.* attributes");
                continue;
            }
            try {
                Xattrs.write(p, name, h.getValue().getBytes(StandardCharsets.UTF_8));
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
