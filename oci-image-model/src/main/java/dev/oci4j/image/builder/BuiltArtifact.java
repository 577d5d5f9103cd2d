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

    public BuiltArtifact {
        Objects.requireNonNull(manifestDescriptor, "manifestDescriptor");
        Objects.requireNonNull(manifest, "manifest");
    }

    /** The manifest digest. */
    public Digest digest() {
        return manifestDescriptor.digest();
    }
}
