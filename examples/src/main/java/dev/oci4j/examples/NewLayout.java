package dev.oci4j.examples;

import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The destination layout of a pull: when the directory did not exist before the command, a failed
 * command removes it again (with the parents it created), so that an unreachable registry or an
 * unknown tag leaves no empty layout behind. A layout that existed is never touched: it keeps every
 * blob and name it had.
 */
final class NewLayout implements AutoCloseable {

    private final Path dir;
    /** The outermost directory the command creates; null when the layout exists. */
    private final Path created;
    private boolean kept;

    private NewLayout(Path dir, Path created) {
        this.dir = dir;
        this.created = created;
    }

    static NewLayout at(Path dir) {
        return new NewLayout(dir, FileTrees.firstMissing(dir));
    }

    /** Opens the layout, creating it when missing. */
    ImageLayout open() throws IOException {
        return ImageLayout.openOrCreate(dir);
    }

    /** The command succeeded: the layout stays. */
    void keep() {
        kept = true;
    }

    @Override
    public void close() {
        if (kept || created == null || !Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            FileTrees.deleteTree(created);
        } catch (IOException e) {
            // What is left is a valid layout or part of one; the command's own error is what matters.
        }
    }
}
