package dev.oci4j.linux.bundle;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.Platform;
import dev.oci4j.image.build.ImageUnpacker;
import dev.oci4j.image.layer.ApplyResult;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Spec;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Makes an OCI bundle (runtime-spec bundle.md) from an image in a layout: the rootfs, and a
 * {@code config.json} converted from the image configuration ({@link SpecConverter}) with the
 * caller's {@link ContainerOptions}.
 *
 * <p>Today every bundle gets a full copy of the layers ({@link RootfsMethod#COPY}); the rootfs is
 * made in one place, {@link #makeRootfs}, where a per-diffID layer cache with an overlay mount will
 * take over.
 *
 * <pre>{@code
 * PreparedBundle b = BundlePreparer.prepare(layout, layout.resolve("demo").orElseThrow(),
 *         Platform.host(), Path.of("bundle"), ContainerOptions.DEFAULTS);
 * }</pre>
 */
public final class BundlePreparer {

    private BundlePreparer() {
    }

    /**
     * Writes a bundle into {@code bundleDir}, which must be missing or empty. On failure nothing
     * is left in it.
     *
     * @throws FileAlreadyExistsException when {@code bundleDir} exists and is not an empty directory
     * @throws ConversionException when the image config cannot be converted (unknown user, no command)
     * @throws IllegalArgumentException when the entry does not lead to a runnable image for {@code platform}
     */
    public static PreparedBundle prepare(ImageLayout layout, Descriptor entry, Platform platform, Path bundleDir,
            ContainerOptions options) throws IOException {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(options, "options");
        Path dir = bundleDir.toAbsolutePath().normalize();
        Descriptor manifestDescriptor = ImageUnpacker.manifestFor(layout, entry, platform);
        ImageManifest manifest = layout.readManifest(manifestDescriptor).value();
        ImageConfiguration config = layout.readConfig(manifest.config()).value();
        boolean created = requireEmpty(dir);
        try {
            Path rootfs = dir.resolve("rootfs");
            ApplyResult applied = makeRootfs(layout, manifestDescriptor, platform, rootfs);
            Spec spec = SpecConverter.convert(config, rootfs, options);
            Files.write(dir.resolve("config.json"), RuntimeJson.writeIndented(spec));
            return new PreparedBundle(dir, spec, manifestDescriptor.digest(), RootfsMethod.COPY, applied.warnings());
        } catch (IOException | RuntimeException | Error e) {
            try {
                if (created) {
                    PreparedBundle.deleteTree(dir);
                } else {
                    try (Stream<Path> children = Files.list(dir)) {
                        for (Path c : (Iterable<Path>) children::iterator) {
                            PreparedBundle.deleteTree(c);
                        }
                    }
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The seam for the layer cache: today a full, verified unpack into the bundle. */
    private static ApplyResult makeRootfs(ImageLayout layout, Descriptor manifest, Platform platform, Path rootfs)
            throws IOException {
        Files.createDirectory(rootfs);
        return ImageUnpacker.unpack(layout, manifest, platform, rootfs);
    }

    private static boolean requireEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return true;
        }
        if (!Files.isDirectory(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "exists and is not a directory");
        }
        try (Stream<Path> children = Files.list(dir)) {
            if (children.findAny().isPresent()) {
                throw new FileAlreadyExistsException(dir.toString(), null,
                        "the bundle directory is not empty; use a new or empty one");
            }
        }
        return false;
    }
}
