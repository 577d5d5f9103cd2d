package dev.oci4j.image.builder;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layer.ApplyResult;
import dev.oci4j.image.layer.LayerApplier;
import dev.oci4j.image.layer.LayerBlob;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Unpacks an image from a layout into a root filesystem (image-layout.md: follow the ref to a
 * manifest, through an index for the wanted platform, then apply the layers in order), verifying
 * every layer's digest and size and the configuration's diff_ids on the way.
 *
 * <pre>{@code
 * Descriptor entry = layout.resolve("v1").orElseThrow();
 * ApplyResult r = ImageUnpacker.unpack(layout, entry, Platform.host(), Path.of("bundle/rootfs"));
 * }</pre>
 */
public final class ImageUnpacker {

    private ImageUnpacker() {
    }

    /**
     * Unpacks the image named {@code refName} for this machine's platform ({@link Platform#host()})
     * into {@code rootfs}, with the default applier.
     *
     * @param layout the layout holding the image
     * @param refName the image's ref name in index.json
     * @param rootfs the target directory, created when missing
     * @return the diffIDs, the entry count and what could not be reproduced
     * @throws IllegalArgumentException when no image has that name (the message lists the names the
     *     layout has), or the name points at an index without this platform (listing the ones it has)
     * @throws IOException if reading the layout or writing {@code rootfs} fails
     */
    public static ApplyResult unpack(ImageLayout layout, String refName, Path rootfs) throws IOException {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(refName, "refName");
        Objects.requireNonNull(rootfs, "rootfs");
        Descriptor entry = layout.resolve(refName).orElseThrow(() -> {
            try {
                return new IllegalArgumentException("no image named \"" + refName + "\" in " + layout.root()
                        + "; it has: " + (layout.tags().isEmpty() ? "(no named images)"
                        : String.join(", ", layout.tags().keySet())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return unpack(layout, entry, Platform.host(), rootfs);
    }

    /**
     * Unpacks with a default {@link LayerApplier} (owners set when running as root).
     *
     * @param layout the layout holding the image
     * @param entry the descriptor of a manifest, or of an index to resolve for {@code platform}
     * @param platform the platform to choose in an index
     * @param rootfs the target directory, created when missing
     * @return the diffIDs, the entry count and what could not be reproduced
     * @throws IOException if reading the layout or writing {@code rootfs} fails
     * @throws IllegalArgumentException when an index has no entry for {@code platform}, listing the ones it has
     */
    public static ApplyResult unpack(ImageLayout layout, Descriptor entry, Platform platform, Path rootfs)
            throws IOException {
        return unpack(layout, entry, platform, rootfs, LayerApplier.builder().build());
    }

    /**
     * Follows {@code entry} (a manifest, or an index resolved for {@code platform}) and applies the
     * manifest's layers onto {@code rootfs}.
     *
     * @param layout the layout holding the image
     * @param entry the descriptor of a manifest, or of an index to resolve for {@code platform}
     * @param platform the platform to choose in an index
     * @param rootfs the target directory, created when missing
     * @param applier how the layers are applied
     * @return the diffIDs, the entry count and what could not be reproduced
     * @throws IllegalArgumentException when an index has no entry for {@code platform}
     * @throws ImageFormatException when the config's diff_ids do not pair with the layers
     * @throws IOException if reading the layout or writing {@code rootfs} fails
     * @throws dev.oci4j.image.layer.LayerFormatException if a layer holds an entry that cannot be applied
     * @throws dev.oci4j.image.DigestMismatchException if a layer does not match its descriptor or diffID
     */
    public static ApplyResult unpack(ImageLayout layout, Descriptor entry, Platform platform, Path rootfs,
            LayerApplier applier) throws IOException {
        Objects.requireNonNull(rootfs, "rootfs");
        Descriptor manifestDescriptor = manifestFor(layout, entry, platform);
        ImageManifest manifest = layout.parseManifest(manifestDescriptor).value();
        MediaType configType = manifest.config().mediaType().orElse(MediaType.OCI_CONFIG);
        if (!configType.equals(MediaType.OCI_CONFIG) && !configType.equals(MediaType.DOCKER_CONFIG)) {
            throw new IllegalArgumentException(manifestDescriptor.digest() + " is not a runnable image: its config is "
                    + configType + manifest.artifactType().map(t -> " (an artifact of type " + t + ")").orElse("")
                    + ", expected " + MediaType.OCI_CONFIG);
        }
        ImageConfiguration config = layout.parseConfig(manifest.config()).value();
        List<Digest> diffIds = config.rootfs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new ImageFormatException("/rootfs/diff_ids", "config " + manifest.config().digest() + " lists "
                    + diffIds.size() + " diff_ids but manifest " + manifestDescriptor.digest() + " has "
                    + manifest.layers().size() + " layers");
        }
        List<LayerBlob> sources = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            Descriptor layer = manifest.layers().get(i);
            // The applier checks digest, size and diffID while it streams: no need to hash twice.
            LayerBlob.Builder s = LayerBlob.builder(() -> Files.newInputStream(layout.blobPath(layer.digest())))
                    .digest(layer.digest()).size(layer.size()).diffId(diffIds.get(i))
                    .name("layer " + i + " (" + layer.digest() + ")");
            layer.mediaType().ifPresent(s::mediaType);
            sources.add(s.build());
        }
        return applier.apply(rootfs, sources);
    }

    /**
     * The image manifest {@code entry} leads to for {@code platform}.
     *
     * @param layout the layout holding the image
     * @param entry the descriptor of a manifest, or of an index to resolve for {@code platform}
     * @param platform the platform to choose in an index
     * @return the image manifest's descriptor
     * @throws IOException if reading an index fails
     * @throws IllegalArgumentException when an index has no entry for {@code platform} (the message lists
     *     the platforms it has), or {@code entry} leads to something other than an image manifest
     */
    public static Descriptor manifestFor(ImageLayout layout, Descriptor entry, Platform platform) throws IOException {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(platform, "platform");
        Optional<Descriptor> resolved = layout.resolveManifest(entry, platform);
        if (resolved.isEmpty()) {
            List<String> platforms = new ArrayList<>();
            for (Descriptor d : layout.parseIndex(entry).value().manifests()) {
                platforms.add(d.platform().map(Platform::format).orElse("(no platform)"));
            }
            throw new IllegalArgumentException("index " + entry.digest() + " has no manifest for platform "
                    + platform.format() + "; it has: " + String.join(", ", platforms));
        }
        Descriptor manifest = resolved.get();
        if (!manifest.mediaType().map(MediaType::isManifest).orElse(true)) {
            throw new IllegalArgumentException(manifest.digest() + " is a " + manifest.mediaType().get()
                    + ", not an image manifest");
        }
        return manifest;
    }
}
