package dev.oci4j.linux.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads a file of a root filesystem as the container would see it: symbolic links are followed
 * inside the rootfs (an absolute target starts at the rootfs, {@code ..} stops at its root), so an
 * image whose {@code /etc/passwd} links to {@code /../../host/file} cannot make us read host files.
 */
final class RootfsFiles {

    private static final int MAX_LINKS = 40; // Linux's MAXSYMLINKS

    private RootfsFiles() {
    }

    /** The host path of {@code pathInRootfs} (absolute, as in the container), or empty when it does not exist. */
    static Optional<Path> resolve(Path rootfs, String pathInRootfs) throws IOException {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, pathInRootfs);
        Path current = rootfs;
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(rootfs) ? rootfs : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    throw new IOException(pathInRootfs + ": too many levels of symbolic links in " + rootfs);
                }
                String target = Files.readSymbolicLink(next).toString();
                push(todo, target);
                if (target.startsWith("/")) {
                    current = rootfs;
                }
                continue;
            }
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            current = next;
        }
        return Optional.of(current);
    }

    private static void push(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            todo.push(parts[i]);
        }
    }
}
