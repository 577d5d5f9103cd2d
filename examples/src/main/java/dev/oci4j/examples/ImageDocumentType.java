package dev.oci4j.examples;

import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageValidator;
import dev.oci4j.image.MediaType;
import java.util.List;
import java.util.function.Predicate;

/** The image-spec documents: descriptor, manifest, index, config and the oci-layout header. */
final class ImageDocumentType implements DocumentType {

    static final ImageDocumentType LAYOUT_HEADER = new ImageDocumentType("layout-header", DocumentKind.LAYOUT_HEADER,
            s -> s.has("imageLayoutVersion"));
    // A descriptor's mediaType names its target, so a descriptor is recognized by shape before mediaType.
    static final ImageDocumentType DESCRIPTOR = new ImageDocumentType("descriptor", DocumentKind.DESCRIPTOR,
            s -> s.has("digest") && s.has("size") && !s.has("schemaVersion"));
    static final ImageDocumentType INDEX = new ImageDocumentType("index", DocumentKind.INDEX,
            s -> s.hasMediaType(MediaType.OCI_INDEX.value()) || s.hasMediaType(MediaType.DOCKER_MANIFEST_LIST.value())
                    || (s.mediaType().isEmpty() && s.has("manifests")));
    static final ImageDocumentType MANIFEST = new ImageDocumentType("manifest", DocumentKind.MANIFEST,
            s -> s.hasMediaType(MediaType.OCI_MANIFEST.value()) || s.hasMediaType(MediaType.DOCKER_MANIFEST.value())
                    || (s.mediaType().isEmpty() && (s.has("layers") || s.has("schemaVersion") && s.has("config"))));
    // An image config has no mediaType member of its own; rootfs and architecture/os give it away.
    static final ImageDocumentType CONFIG = new ImageDocumentType("config", DocumentKind.CONFIGURATION,
            s -> !s.has("schemaVersion") && (s.has("rootfs") || s.has("architecture") && s.has("os")));

    private final String name;
    private final DocumentKind<?> kind;
    private final Predicate<DocumentShape> recognizer;

    private ImageDocumentType(String name, DocumentKind<?> kind, Predicate<DocumentShape> recognizer) {
        this.name = name;
        this.kind = kind;
        this.recognizer = recognizer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean recognizes(DocumentShape shape) {
        return recognizer.test(shape);
    }

    @Override
    public List<Finding> validate(byte[] json) {
        return ImageValidator.validate(json, kind).violations().stream()
                .map(v -> new Finding(v.isError(), v.pointer(), v.message(), v.ruleId(), v.specSection()))
                .toList();
    }
}
