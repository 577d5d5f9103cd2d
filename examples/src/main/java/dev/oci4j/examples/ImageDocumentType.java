package dev.oci4j.examples;

import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageValidator;
import dev.oci4j.validation.ValidationReport;
import java.util.stream.Stream;

/** The image-spec documents: descriptor, manifest, index, config and the oci-layout header. */
final class ImageDocumentType implements DocumentType {

    static final ImageDocumentType LAYOUT_HEADER = new ImageDocumentType("layout-header", DocumentKind.LAYOUT_HEADER);
    static final ImageDocumentType DESCRIPTOR = new ImageDocumentType("descriptor", DocumentKind.DESCRIPTOR);
    static final ImageDocumentType INDEX = new ImageDocumentType("index", DocumentKind.INDEX);
    static final ImageDocumentType MANIFEST = new ImageDocumentType("manifest", DocumentKind.MANIFEST);
    static final ImageDocumentType CONFIG = new ImageDocumentType("config", DocumentKind.CONFIGURATION);

    private final String name;
    private final DocumentKind<?> kind;

    private ImageDocumentType(String name, DocumentKind<?> kind) {
        this.name = name;
        this.kind = kind;
    }

    /** The type of the documents the image library sniffs as {@code kind}. */
    static ImageDocumentType of(DocumentKind<?> kind) {
        return Stream.of(LAYOUT_HEADER, DESCRIPTOR, INDEX, MANIFEST, CONFIG).filter(t -> t.kind == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no oci validate type for the document kind " + kind));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ValidationReport validate(byte[] json) {
        return ImageValidator.validate(json, kind);
    }
}
