package dev.oci4j.examples;

import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The destination layout of a pull: when the directory did not exist before the command, a failed
 * command removes it again, so that an unreachable registry or an unknown tag leaves no empty layout
 * behind. A layout that existed is never touched: it keeps every blob and name it had.
 */
final class NewLayout implements AutoCloseable {

    private final Path dir;
    private final boolean existed;
    private boolean kept;

    private NewLayout(Path dir, boolean existed) {
        this.dir = dir;
        this.existed = existed;
    }

    static NewLayout at(Path dir) {
        return new NewLayout(dir, Files.exists(dir, LinkOption.NOFOLLOW_LINKS));
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
        if (kept || existed || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // What is left is a valid layout or part of one; the command's own error is what matters.
        }
    }
}
