package dev.oci4j.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Drives the umoci command the benchmark compares against; only the timed commands are measured. */
final class Umoci {

    private Umoci() {
    }

    /** {@code umoci init} and {@code umoci new}: an image {@code layout:t} with no layers. */
    static void newImage(Path layout) throws IOException {
        Procs.run("umoci", "init", "--layout", layout.toString());
        Procs.run("umoci", "new", "--image", layout + ":t");
    }

    /** {@code umoci insert}: adds {@code tree} as a new gzip layer at {@code /}; returns the seconds taken. */
    static double insert(Path layout, Path tree) throws IOException {
        return Procs.time("umoci", "insert", "--image", layout + ":t", tree.toString(), "/");
    }

    /** {@code umoci unpack}: rootfs and config.json into {@code bundle}; returns the seconds taken. */
    static double unpack(Path layout, Path bundle) throws IOException {
        return Procs.time("umoci", "unpack", "--image", layout + ":t", bundle.toString());
    }

    /** The largest blob in the layout: after one insert, the layer umoci wrote. */
    static long largestBlobSize(Path layout) throws IOException {
        try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
            return blobs.mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).max().orElse(0);
        }
    }

    static boolean available() {
        try {
            Procs.run("umoci", "--version");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
