package dev.oci4j.linux.bundle;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageUnpacker;
import dev.oci4j.image.layer.LayerBlob;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.linux.internal.jna.Mounts;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Spec;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Makes an OCI bundle (runtime-spec bundle.md) from an image in a layout: the rootfs, and a
 * {@code config.json} converted from the image configuration ({@link SpecConverter}) with the
 * caller's {@link ContainerOptions}.
 *
 * <p>Two ways to make the rootfs ({@link PreparedBundle#rootfsMethod()} says which was taken):
 * without a {@link LayerCache}, a full verified copy of the layers ({@link RootfsMethod#COPY}), a
 * plain directory that can be kept; with one, an overlayfs over the cached layers with an upper and
 * work directory in the bundle ({@link RootfsMethod#OVERLAY}), falling back to the copy where the
 * kernel or the privileges refuse the mount (the reason is in {@link PreparedBundle#warnings()}).
 * An overlay is mounted until {@link PreparedBundle#delete()} (or {@code close()}): delete the
 * bundle with its container.
 *
 * <pre>{@code
 * try (PreparedBundle b = BundlePreparer.prepare(layout, layout.resolve("demo").orElseThrow(),
 *         Platform.host(), Path.of("bundle"), ContainerOptions.DEFAULTS, LayerCache.defaultCache())) {
 *     runtime.run("demo", b.dir(), Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class BundlePreparer {

    private BundlePreparer() {
    }

    /**
     * Writes a bundle into {@code bundleDir}, which must be missing or empty, with the layers copied
     * into its rootfs. On failure nothing is left in it.
     *
     * @param layout the image layout holding the image
     * @param entry a manifest or index descriptor, as in the layout's {@code index.json}
     * @param platform the platform to pick from an index
     * @param bundleDir the bundle directory
     * @param options the caller's changes to the image's configuration
     * @return the bundle; close it to remove it
     * @throws FileAlreadyExistsException when {@code bundleDir} exists and is not an empty directory
     * @throws ConversionException when the image config cannot be converted (unknown user, no command)
     * @throws IllegalArgumentException when the entry does not lead to a runnable image for {@code platform}
     * @throws IOException when the layout cannot be read or the bundle written
     */
    public static PreparedBundle prepare(ImageLayout layout, Descriptor entry, Platform platform, Path bundleDir,
            ContainerOptions options) throws IOException {
        return prepare(layout, entry, platform, bundleDir, options, null);
    }

    /**
     * Writes a bundle into {@code bundleDir}, which must be missing or empty, with an overlay over
     * the layers in {@code cache} as its rootfs (applying the layers the cache lacks), or a full
     * copy where overlayfs cannot be mounted. On failure nothing is left in it and nothing mounted.
     *
     * @param layout the image layout holding the image
     * @param entry a manifest or index descriptor, as in the layout's {@code index.json}
     * @param platform the platform to pick from an index
     * @param bundleDir the bundle directory
     * @param options the caller's changes to the image's configuration
     * @param cache the layer cache; null to copy the layers into the rootfs
     * @return the bundle; close it to unmount and remove it
     * @throws FileAlreadyExistsException when {@code bundleDir} exists and is not an empty directory
     * @throws ConversionException when the image config cannot be converted (unknown user, no command)
     * @throws IllegalArgumentException when the entry does not lead to a runnable image for {@code platform}
     * @throws IOException when the layout or the cache cannot be read or the bundle written
     */
    public static PreparedBundle prepare(ImageLayout layout, Descriptor entry, Platform platform, Path bundleDir,
            ContainerOptions options, LayerCache cache) throws IOException {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(options, "options");
        Path dir = bundleDir.toAbsolutePath().normalize();
        Descriptor manifestDescriptor = ImageUnpacker.manifestFor(layout, entry, platform);
        ImageManifest manifest = layout.parseManifest(manifestDescriptor).value();
        ImageConfiguration config = layout.parseConfig(manifest.config()).value();
        boolean created = requireEmpty(dir);
        try {
            Path rootfs = dir.resolve("rootfs");
            List<String> warnings = new ArrayList<>();
            RootfsMethod method = makeRootfs(layout, manifestDescriptor, manifest, config, platform, dir, cache,
                    warnings);
            Spec spec = SpecConverter.convert(config, rootfs, options);
            Files.write(dir.resolve("config.json"), RuntimeJson.writeIndented(spec));
            return new PreparedBundle(dir, spec, manifestDescriptor.digest(), method, warnings);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Path rootfs = dir.resolve("rootfs");
                if (Mounts.isMountPoint(rootfs)) {
                    Mounts.unmount(rootfs);
                }
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

    /** Makes {@code dir/rootfs}: an overlay over cached layers when a cache is given and the mount works, else a copy. */
    private static RootfsMethod makeRootfs(ImageLayout layout, Descriptor manifestDescriptor, ImageManifest manifest,
            ImageConfiguration config, Platform platform, Path dir, LayerCache cache, List<String> warnings)
            throws IOException {
        Path rootfs = Files.createDirectory(dir.resolve("rootfs"));
        if (cache != null && !manifest.layers().isEmpty()) {
            List<Path> lowers = cachedLayers(layout, manifestDescriptor, manifest, config, cache, warnings);
            Path upper = Files.createDirectory(dir.resolve(PreparedBundle.UPPER));
            Path work = Files.createDirectory(dir.resolve(PreparedBundle.WORK));
            try {
                Mounts.mountOverlay(lowers, upper, work, rootfs);
                return RootfsMethod.OVERLAY;
            } catch (IOException e) {
                warnings.add("overlay not used, layers copied instead: " + e.getMessage());
                PreparedBundle.deleteTree(upper);
                PreparedBundle.deleteTree(work);
            }
        }
        warnings.addAll(ImageUnpacker.unpack(layout, manifestDescriptor, platform, rootfs).warnings());
        return RootfsMethod.COPY;
    }

    /** The cache directories of the manifest's layers, top layer first (overlayfs' lowerdir order). */
    private static List<Path> cachedLayers(ImageLayout layout, Descriptor manifestDescriptor, ImageManifest manifest,
            ImageConfiguration config, LayerCache cache, List<String> warnings) throws IOException {
        MediaType configType = manifest.config().mediaType().orElse(MediaType.OCI_CONFIG);
        if (!configType.equals(MediaType.OCI_CONFIG) && !configType.equals(MediaType.DOCKER_CONFIG)) {
            throw new IllegalArgumentException(manifestDescriptor.digest() + " is not a runnable image: its config is "
                    + configType + ", expected " + MediaType.OCI_CONFIG);
        }
        List<Digest> diffIds = config.rootfs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new ImageFormatException("/rootfs/diff_ids", "config " + manifest.config().digest() + " lists "
                    + diffIds.size() + " diff_ids but manifest " + manifestDescriptor.digest() + " has "
                    + manifest.layers().size() + " layers");
        }
        List<Path> lowers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            Descriptor layer = manifest.layers().get(i);
            Path lower;
            if (cache.contains(diffIds.get(i))) {
                lower = cache.layer(LayerBlob.builder(() -> {
                    throw new IllegalStateException("a cached layer is not read again");
                }).build(), diffIds.get(i), warnings);
            } else {
                LayerBlob.Builder s = LayerBlob.builder(() -> Files.newInputStream(layout.blobPath(layer.digest())))
                        .digest(layer.digest()).size(layer.size()).diffId(diffIds.get(i))
                        .name("layer " + i + " (" + layer.digest() + ")");
                layer.mediaType().ifPresent(s::mediaType);
                lower = cache.layer(s.build(), diffIds.get(i), warnings);
            }
            lowers.add(0, lower);
        }
        return lowers;
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
