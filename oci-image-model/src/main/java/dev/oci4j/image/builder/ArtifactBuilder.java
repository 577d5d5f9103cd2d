package dev.oci4j.image.builder;

import dev.oci4j.image.Annotations;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.layout.Blob;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.image.layout.RefName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds an artifact manifest (image-spec manifest.md "Guidelines for Artifact Usage"): an
 * {@code artifactType}, the empty config descriptor (or a config of the artifact's own type), the
 * files as layers, and optionally a {@code subject} it refers to, such as a signature for an image.
 *
 * <pre>{@code
 * BuiltArtifact sbom = ArtifactBuilder.create(MediaType.of("application/spdx+json"))
 *         .addFile(Path.of("sbom.spdx.json"), MediaType.of("application/spdx+json"))
 *         .subject(image.manifestDescriptor())
 *         .writeTo(layout, "v1-sbom");
 * }</pre>
 */
public final class ArtifactBuilder {

    private interface Content {
        InputStream open() throws IOException;
    }

    private record Layer(MediaType mediaType, Content content, Map<String, String> annotations) {
    }

    private final MediaType artifactType;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, String> annotations = new TreeMap<>();
    private Layer config;
    private Descriptor subject;

    private ArtifactBuilder(MediaType artifactType) {
        this.artifactType = artifactType;
    }

    /**
     * An artifact of type {@code artifactType}, written as the manifest's {@code artifactType}.
     *
     * @param artifactType the artifact's type, such as {@code application/spdx+json}
     * @return an empty builder
     * @throws NullPointerException if {@code artifactType} is null
     */
    public static ArtifactBuilder create(MediaType artifactType) {
        return new ArtifactBuilder(Objects.requireNonNull(artifactType, "artifactType"));
    }

    /**
     * A blob as the next layer; annotated with {@code org.opencontainers.image.title} = the file name.
     *
     * @param file the file, read when the artifact is written
     * @param mediaType the layer descriptor's media type
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public ArtifactBuilder addFile(Path file, MediaType mediaType) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        Map<String, String> a = name == null ? Map.of() : Map.of(Annotations.TITLE, name.toString());
        layers.add(new Layer(Objects.requireNonNull(mediaType, "mediaType"), () -> Files.newInputStream(file), a));
        return this;
    }

    /**
     * Bytes as the next layer, with layer annotations (such as a title).
     *
     * @param content the blob's bytes, copied
     * @param mediaType the layer descriptor's media type
     * @param layerAnnotations the layer descriptor's annotations, copied
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public ArtifactBuilder addBlob(byte[] content, MediaType mediaType, Map<String, String> layerAnnotations) {
        byte[] copy = content.clone();
        layers.add(new Layer(Objects.requireNonNull(mediaType, "mediaType"), () -> new ByteArrayInputStream(copy),
                new TreeMap<>(layerAnnotations)));
        return this;
    }

    /**
     * A config blob of the artifact's own type instead of the empty descriptor.
     *
     * @param content the config blob's bytes, copied
     * @param mediaType the config descriptor's media type
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public ArtifactBuilder config(byte[] content, MediaType mediaType) {
        byte[] copy = content.clone();
        this.config = new Layer(Objects.requireNonNull(mediaType, "mediaType"), () -> new ByteArrayInputStream(copy),
                Map.of());
        return this;
    }

    /**
     * The manifest this artifact refers to (found through the referrers API).
     *
     * @param subject the manifest's descriptor; its platform and annotations are left out of {@code subject}
     * @return this builder
     * @throws NullPointerException if {@code subject} is null
     */
    public ArtifactBuilder subject(Descriptor subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /**
     * A manifest annotation; give {@code org.opencontainers.image.created} here when wanted, for reproducibility it is not added.
     *
     * @param key the annotation key
     * @param value the annotation value
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public ArtifactBuilder putAnnotation(String key, String value) {
        annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Writes the blobs and the manifest without naming it (referrers are found by their subject).
     *
     * @param layout the layout to store the blobs and the manifest in
     * @return the manifest and its descriptor
     * @throws IOException if reading a file or storing a blob fails
     */
    public BuiltArtifact write(ImageLayout layout) throws IOException {
        Objects.requireNonNull(layout, "layout");
        List<Descriptor> layerDescriptors = new ArrayList<>();
        for (Layer l : layers) {
            layerDescriptors.add(store(layout, l));
        }
        // manifest.md: without blobs, layers SHOULD hold the empty descriptor, for portability.
        if (layerDescriptors.isEmpty()) {
            layerDescriptors.add(storeEmpty(layout));
        }
        Descriptor configDescriptor = config == null ? storeEmpty(layout) : store(layout, config);
        ImageManifest.Builder m = ImageManifest.builder().artifactType(artifactType).config(configDescriptor)
                .layers(layerDescriptors).annotations(annotations);
        if (subject != null) {
            m.subject(subject.toBuilder().clearPlatform().annotations(Map.of()).build());
        }
        ImageManifest manifest = m.build();
        return new BuiltArtifact(layout.writeManifest(manifest), manifest);
    }

    /**
     * Writes the artifact and names it {@code refName} in index.json.
     *
     * @param layout the layout to store the blobs and the manifest in
     * @param refName the ref name, checked before anything is stored
     * @return the manifest and its descriptor
     * @throws IOException if reading a file, storing a blob or updating index.json fails
     * @throws IllegalArgumentException if {@code refName} does not match the ref grammar
     */
    public BuiltArtifact writeTo(ImageLayout layout, String refName) throws IOException {
        RefName.check(refName);   // before any blob is stored
        BuiltArtifact a = write(layout);
        layout.tag(refName, a.manifestDescriptor());
        return a;
    }

    private static Descriptor store(ImageLayout layout, Layer l) throws IOException {
        Blob blob;
        try (InputStream in = l.content().open()) {
            blob = layout.writeBlob(in);
        }
        return Descriptor.builder().mediaType(l.mediaType()).digest(blob.digest()).size(blob.size())
                .annotations(l.annotations()).build();
    }

    private static Descriptor storeEmpty(ImageLayout layout) throws IOException {
        layout.writeBlob(new ByteArrayInputStream(new byte[] {'{', '}'}), Descriptor.EMPTY.digest(), 2);
        return Descriptor.EMPTY;
    }
}
