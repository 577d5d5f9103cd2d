package dev.oci4j.image.builder;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.Platform;
import java.util.Objects;

/**
 * What {@link ImageBuilder} wrote: the manifest (its descriptor carries the platform, as an index
 * entry does) and the configuration, both already stored in the layout.
 *
 * @param manifestDescriptor the manifest's descriptor, with {@code platform}, as written into indexes
 * @param manifest the manifest as written
 * @param configDescriptor the configuration's descriptor
 * @param config the configuration as written
 */
public record BuiltImage(Descriptor manifestDescriptor, ImageManifest manifest, Descriptor configDescriptor,
        ImageConfiguration config) {

    /**
     * Checks the components.
     *
     * @param manifestDescriptor the manifest's descriptor, with {@code platform}
     * @param manifest the manifest as written
     * @param configDescriptor the configuration's descriptor
     * @param config the configuration as written
     * @throws NullPointerException if a component is null
     */
    public BuiltImage {
        Objects.requireNonNull(manifestDescriptor, "manifestDescriptor");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(configDescriptor, "configDescriptor");
        Objects.requireNonNull(config, "config");
    }

    /** {@return the manifest digest: the image's identity in registries and layouts} */
    public Digest digest() {
        return manifestDescriptor.digest();
    }

    /** {@return the platform from the configuration} */
    public Platform platform() {
        return config.platform();
    }
}
