package dev.oci4j.image.builder;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.image.layout.RefName;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds one image per platform and an image index (image-spec image-index.md) listing them, each
 * entry with its {@code platform}, under one ref name.
 *
 * <pre>{@code
 * BuiltIndex index = MultiPlatformBuilder.create()
 *         .add(ImageBuilder.fromScratch().platform(Platform.parse("linux/amd64")).addLayer(amd64Root))
 *         .add(ImageBuilder.fromScratch().platform(Platform.parse("linux/arm64/v8")).addLayer(arm64Root))
 *         .writeTo(layout, "v1");
 * }</pre>
 */
public final class MultiPlatformBuilder {

    private final List<ImageBuilder> images = new ArrayList<>();
    private final Map<String, String> annotations = new TreeMap<>();

    private MultiPlatformBuilder() {
    }

    /** {@return a builder with no image yet} */
    public static MultiPlatformBuilder create() {
        return new MultiPlatformBuilder();
    }

    /**
     * Adds an image; it should name its platform, or it gets the base's or the host's.
     *
     * @param image the image for one platform
     * @return this builder
     * @throws NullPointerException if {@code image} is null
     */
    public MultiPlatformBuilder add(ImageBuilder image) {
        images.add(Objects.requireNonNull(image, "image"));
        return this;
    }

    /**
     * An index annotation.
     *
     * @param key the annotation key
     * @param value the annotation value
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public MultiPlatformBuilder putAnnotation(String key, String value) {
        annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Writes every image and the index, and names the index {@code refName} in index.json.
     *
     * @param layout the layout to store the images and the index in
     * @param refName the ref name, checked before anything is stored
     * @return the index and the images
     * @throws IllegalStateException when no image was added
     * @throws IllegalArgumentException when two images have the same platform: the first would always win
     * @throws IOException if reading a layer's source, storing a blob or updating index.json fails
     */
    public BuiltIndex writeTo(ImageLayout layout, String refName) throws IOException {
        Objects.requireNonNull(layout, "layout");
        RefName.check(refName);
        if (images.isEmpty()) {
            throw new IllegalStateException("a multi-platform image needs at least one image");
        }
        // Every image's inputs and platform are checked before the first blob is stored.
        List<ImageBuilder.Prepared> prepared = new ArrayList<>();
        for (ImageBuilder image : images) {
            ImageBuilder.Prepared p = image.prepare();
            for (ImageBuilder.Prepared earlier : prepared) {
                if (earlier.platform().normalize().equals(p.platform().normalize())) {
                    throw new IllegalArgumentException("two images for platform " + p.platform().format()
                            + ": index entries must differ in platform, or the first always wins");
                }
            }
            prepared.add(p);
        }
        List<BuiltImage> built = new ArrayList<>();
        List<Descriptor> entries = new ArrayList<>();
        for (ImageBuilder.Prepared p : prepared) {
            BuiltImage b = p.write(layout);
            built.add(b);
            entries.add(b.manifestDescriptor());
        }
        ImageIndex index = ImageIndex.builder().manifests(entries).annotations(annotations).build();
        Descriptor descriptor = layout.writeIndex(index);
        layout.tag(refName, descriptor);
        return new BuiltIndex(descriptor, index, built);
    }
}
