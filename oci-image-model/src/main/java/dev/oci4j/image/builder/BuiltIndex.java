package dev.oci4j.image.builder;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageIndex;
import java.util.List;
import java.util.Objects;

/**
 * What {@link MultiPlatformBuilder} wrote: the index and the per-platform images it lists.
 *
 * @param indexDescriptor the index's descriptor
 * @param index the index as written
 * @param images the images, in index order
 */
public record BuiltIndex(Descriptor indexDescriptor, ImageIndex index, List<BuiltImage> images) {

    /**
     * Checks the components and copies the list of images.
     *
     * @param indexDescriptor the index's descriptor
     * @param index the index as written
     * @param images the images, in index order
     * @throws NullPointerException if a component is or holds null
     */
    public BuiltIndex {
        Objects.requireNonNull(indexDescriptor, "indexDescriptor");
        Objects.requireNonNull(index, "index");
        images = List.copyOf(images);
    }

    /** {@return the index digest} */
    public Digest digest() {
        return indexDescriptor.digest();
    }
}
