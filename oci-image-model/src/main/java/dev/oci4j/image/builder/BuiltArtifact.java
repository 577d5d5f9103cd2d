package dev.oci4j.image.builder;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageManifest;
import java.util.Objects;

/**
 * What {@link ArtifactBuilder} wrote.
 *
 * @param manifestDescriptor the manifest's descriptor, carrying {@code artifactType}
 * @param manifest the manifest as written
 */
public record BuiltArtifact(Descriptor manifestDescriptor, ImageManifest manifest) {

    /**
     * Checks the components.
     *
     * @param manifestDescriptor the manifest's descriptor
     * @param manifest the manifest as written
     * @throws NullPointerException if a component is null
     */
    public BuiltArtifact {
        Objects.requireNonNull(manifestDescriptor, "manifestDescriptor");
        Objects.requireNonNull(manifest, "manifest");
    }

    /** {@return the manifest digest} */
    public Digest digest() {
        return manifestDescriptor.digest();
    }
}
