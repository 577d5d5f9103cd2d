package dev.oci4j.linux.bundle;

import dev.oci4j.image.Digest;
import dev.oci4j.linux.internal.jna.Mounts;
import dev.oci4j.runtime.Spec;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * An OCI bundle on disk (runtime-spec bundle.md): {@code config.json} and the root filesystem it
 * names, made from one image manifest.
 */
public final class PreparedBundle implements AutoCloseable {

    /** The overlay's upper and work directories, next to {@code rootfs} in the bundle. */
    static final String UPPER = "upper";
    static final String WORK = "work";

    private final Path dir;
    private final Spec spec;
    private final Digest manifest;
    private final RootfsMethod rootfsMethod;
    private final List<String> warnings;

    PreparedBundle(Path dir, Spec spec, Digest manifest, RootfsMethod rootfsMethod, List<String> warnings) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.rootfsMethod = Objects.requireNonNull(rootfsMethod, "rootfsMethod");
        this.warnings = List.copyOf(warnings);
    }

    /** {@return the bundle directory, absolute} */
    public Path dir() {
        return dir;
    }

    /** {@return the bundle's {@code config.json}} */
    public Path configFile() {
        return dir.resolve("config.json");
    }

    /** {@return the root filesystem directory, {@code root.path} of {@link #spec()} resolved against the bundle} */
    public Path rootfs() {
        return dir.resolve(spec.root().orElseThrow().path());
    }

    /** {@return the configuration written to {@code config.json}} */
    public Spec spec() {
        return spec;
    }

    /** {@return the digest of the image manifest the rootfs was made from} */
    public Digest manifest() {
        return manifest;
    }

    /** {@return how the rootfs was made: an overlay over cached layers, or a copy} */
    public RootfsMethod rootfsMethod() {
        return rootfsMethod;
    }

    /**
     * {@return what applying the layers warned about (entries skipped, ownership not kept, ...); empty when nothing}
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Unmounts the overlay rootfs, if any, and removes the bundle directory and everything in it;
     * symbolic links are removed, never followed, and no other mounted filesystem is entered.
     *
     * @throws IOException when unmounting or removing fails, or another filesystem is mounted inside
     */
    public void delete() throws IOException {
        remove(dir);
    }

    /** Same as {@link #delete()}. */
    @Override
    public void close() throws IOException {
        delete();
    }

    /**
     * Removes a bundle directory written by {@link BundlePreparer}, unmounting its overlay rootfs
     * first; for bundles of containers that outlived the process that prepared them. A missing
     * directory is not an error.
     *
     * @param bundleDir the bundle directory
     * @throws IOException when unmounting or removing fails, or another filesystem is mounted inside
     */
    public static void remove(Path bundleDir) throws IOException {
        Path rootfs = bundleDir.resolve("rootfs");
        if (Mounts.isMountPoint(rootfs)) {
            Mounts.unmount(rootfs);
        }
        deleteTree(bundleDir);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Object device = Files.getAttribute(dir, "unix:dev", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                // Deleting through a mount (a live overlay, a bind) would empty what it shows: refuse.
                if (!device.equals(Files.getAttribute(d, "unix:dev", java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
                    throw new IOException("not removing " + d + ": another filesystem is mounted there");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return "PreparedBundle{" + dir + ", manifest=" + manifest + ", rootfs=" + rootfsMethod + "}";
    }
}
