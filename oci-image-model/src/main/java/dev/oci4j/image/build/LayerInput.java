package dev.oci4j.image.build;

import dev.oci4j.image.BlobSink;
import dev.oci4j.image.layer.LayerEntry;
import dev.oci4j.image.layer.LayerWriter;
import dev.oci4j.image.layer.WrittenLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Where one new layer's changeset comes from, and the history line that describes it. */
interface LayerInput {

    /**
     * Writes the layer's tar into {@code out}; {@code fromDisk} normalizes ownership, {@code asGiven}
     * not. A {@link BlobSink}, not any stream: the layer writer then takes the blob digest from it and
     * the blob is hashed once.
     */
    WrittenLayer write(LayerWriter fromDisk, LayerWriter asGiven, BlobSink out) throws IOException;

    /**
     * Checks what can be checked before anything is written (that the source exists and has the right
     * type), so a build with a bad input stores no blob at all.
     */
    void check() throws IOException;

    /** The default {@code created_by}: what was added, without host paths, so it is the same on every machine. */
    String createdBy();

    /** Every object below {@code dir}, at the image root. */
    static LayerInput directory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return new LayerInput() {
            @Override
            public void check() throws IOException {
                requireDirectory(dir, "a directory to add as a layer");
            }

            @Override
            public WrittenLayer write(LayerWriter fromDisk, LayerWriter asGiven, BlobSink out) throws IOException {
                check();
                return fromDisk.writeDirectory(dir, out);
            }

            @Override
            public String createdBy() {
                return "oci4j: add directory contents to /";
            }
        };
    }

    /** The changes that turn {@code lower} into {@code upper}, whiteouts included. */
    static LayerInput diff(Path lower, Path upper) {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        return new LayerInput() {
            @Override
            public void check() throws IOException {
                requireDirectory(lower, "the lower directory of a diff layer");
                requireDirectory(upper, "the upper directory of a diff layer");
            }

            @Override
            public WrittenLayer write(LayerWriter fromDisk, LayerWriter asGiven, BlobSink out) throws IOException {
                return fromDisk.writeDiff(lower, upper, out);
            }

            @Override
            public String createdBy() {
                return "oci4j: add directory changes";
            }
        };
    }

    /** One file at {@code pathInImage}, with its parent directories (0755). */
    static LayerInput file(Path file, String pathInImage) {
        Objects.requireNonNull(file, "file");
        String target = normalize(pathInImage);
        return new LayerInput() {
            @Override
            public void check() throws IOException {
                attributes();
            }

            private PosixFileAttributes attributes() throws IOException {
                PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    throw new IllegalArgumentException(file + " is not a regular file; add directories with addLayer");
                }
                return a;
            }

            @Override
            public WrittenLayer write(LayerWriter fromDisk, LayerWriter asGiven, BlobSink out) throws IOException {
                PosixFileAttributes a = attributes();
                List<LayerEntry> entries = new ArrayList<>();
                for (int slash = target.indexOf('/'); slash > 0; slash = target.indexOf('/', slash + 1)) {
                    entries.add(LayerEntry.builder(target.substring(0, slash), LayerEntry.Type.DIRECTORY)
                            .mode(0755).mtime(a.lastModifiedTime().toInstant()).build());
                }
                entries.add(LayerEntry.builder(target, LayerEntry.Type.FILE)
                        .size(a.size()).content(() -> Files.newInputStream(file))
                        .mode(mode(a.permissions())).mtime(a.lastModifiedTime().toInstant())
                        .uid(((Number) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue())
                        .gid(((Number) Files.getAttribute(file, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue())
                        .build());
                return fromDisk.writeEntries(entries, out);
            }

            @Override
            public String createdBy() {
                return "oci4j: add file /" + target;
            }
        };
    }

    /** Entries exactly as given (owners included). */
    static LayerInput entries(List<LayerEntry> entries) {
        List<LayerEntry> copy = List.copyOf(entries);
        return new LayerInput() {
            @Override
            public void check() {
                // Entries were checked when they were built; their content opens only while writing.
            }

            @Override
            public WrittenLayer write(LayerWriter fromDisk, LayerWriter asGiven, BlobSink out) throws IOException {
                return asGiven.writeEntries(copy, out);
            }

            @Override
            public String createdBy() {
                return "oci4j: add " + copy.size() + " entries";
            }
        };
    }

    /** {@code /usr/bin/app/} -> {@code usr/bin/app}; rejects empty paths and {@code ..}. */
    static String normalize(String pathInImage) {
        Objects.requireNonNull(pathInImage, "pathInImage");
        List<String> parts = new ArrayList<>();
        for (String part : pathInImage.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IllegalArgumentException("path in image \"" + pathInImage + "\" must not contain ..");
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("path in image \"" + pathInImage + "\" names the root, expected a file path");
        }
        return String.join("/", parts);
    }

    private static void requireDirectory(Path dir, String what) throws IOException {
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "does not exist; expected " + what);
        }
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir + " (expected " + what + ")");
        }
    }

    private static int mode(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }
}
