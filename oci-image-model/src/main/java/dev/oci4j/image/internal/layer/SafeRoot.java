package dev.oci4j.image.internal.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves layer paths inside a root directory the way a chroot would (like umoci's and
 * containerd's securejoin): {@code ..} stops at the root, and a symlink met on the way is followed
 * with its absolute targets re-rooted, so no path ever leaves the root. The last component is never
 * followed: callers act on the link itself.
 */
public final class SafeRoot {

    /** A name that cannot be placed inside the root. */
    public static final class PathProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PathProblem(String message) {
            super(message);
        }
    }

    /** Called for each directory created on the way to a path. */
    @FunctionalInterface
    public interface Created {
        void created(Path dir) throws IOException;
    }

    private static final int MAX_LINKS = 255;

    private final Path root;
    // Resolved directories by normalized name. Valid while no directory or symlink is removed:
    // creating things cannot change how an existing directory path resolves.
    private final Map<String, Path> cache = new HashMap<>();

    public SafeRoot(Path root) {
        this.root = root;
    }

    /** Forgets resolved directories; call before removing a directory or a symlink. */
    public void invalidate() {
        cache.clear();
    }

    public Path root() {
        return root;
    }

    /**
     * Splits a tar name into its components: leading slashes and {@code .} dropped (like tar),
     * {@code ..} resolved lexically, and refused when it would climb above the root or holds a NUL.
     */
    public static List<String> components(String name) {
        if (name.indexOf('\0') >= 0) {
            // Only a PAX record can carry one (the header fields end at the first NUL); no file name can hold it.
            throw new PathProblem("the name holds a NUL character");
        }
        List<String> out = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (out.isEmpty()) {
                    throw new PathProblem("the name climbs out of the root with '..'");
                }
                out.remove(out.size() - 1);
                continue;
            }
            out.add(part);
        }
        return out;
    }

    /**
     * The real directory that the first {@code count} components name, following symlinks only
     * inside the root. Missing directories are created (mode 0755, reported to {@code created}) when
     * {@code created} is not null; otherwise a missing one yields null.
     *
     * @throws PathProblem when a component is neither a directory nor a symlink, or links loop
     */
    public Path directory(List<String> comps, int count, Created created) throws IOException {
        return directory(comps, count, created, false);
    }

    /**
     * Like {@link #directory(List, int, Created)}; with {@code absentIfNotDirectory}, a component that
     * is not a directory yields null instead of an error (a whiteout below a file hides nothing).
     */
    public Path directory(List<String> comps, int count, Created created, boolean absentIfNotDirectory)
            throws IOException {
        if (count == 0) {
            return root;
        }
        String key = String.join("/", comps.subList(0, count));
        Path cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Path resolved = resolve(comps, count, created, absentIfNotDirectory);
        if (resolved != null) {
            cache.put(key, resolved);
        }
        return resolved;
    }

    private Path resolve(List<String> comps, int count, Created created, boolean absentIfNotDirectory)
            throws IOException {
        Deque<String> pending = new ArrayDeque<>(comps.subList(0, count));
        Path current = root;
        int links = 0;
        while (!pending.isEmpty()) {
            String c = pending.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!current.equals(root)) {
                    current = current.getParent();
                }
                continue;
            }
            Path next = current.resolve(c);
            FileInfo info = FileInfo.lstatIfExists(next);
            if (info == null) {
                if (created == null) {
                    return null;
                }
                Files.createDirectory(next);
                created.created(next);
                current = next;
            } else if (info.isDirectory()) {
                current = next;
            } else if (info.isSymlink()) {
                if (++links > MAX_LINKS) {
                    throw new PathProblem("more than " + MAX_LINKS + " symlinks on the way (a loop?)");
                }
                String target = Files.readSymbolicLink(next).toString();
                if (target.startsWith("/")) {
                    current = root;
                }
                String[] parts = target.split("/");
                for (int i = parts.length - 1; i >= 0; i--) {
                    pending.addFirst(parts[i]);
                }
            } else if (absentIfNotDirectory) {
                return null;
            } else {
                throw new PathProblem("\"" + root.relativize(next) + "\" is not a directory");
            }
        }
        return current;
    }

    /** The path of the last component, inside its resolved parent; the last component itself is not followed. */
    public Path leaf(List<String> comps, Created created) throws IOException {
        if (comps.isEmpty()) {
            return root;
        }
        Path parent = directory(comps, comps.size() - 1, created);
        return parent == null ? null : parent.resolve(comps.get(comps.size() - 1));
    }
}
