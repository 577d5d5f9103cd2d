package dev.oci4j.examples;

import java.util.List;
import java.util.Optional;

/** The document types {@code oci validate} knows, in the order their shapes are tried. */
final class DocumentTypes {

    /** Add a kind here: one line. Order matters only for {@link DocumentType#recognizes}. */
    static final List<DocumentType> ALL = List.of(
            ImageDocumentType.LAYOUT_HEADER,
            ImageDocumentType.DESCRIPTOR,
            ImageDocumentType.INDEX,
            ImageDocumentType.MANIFEST,
            ImageDocumentType.CONFIG);

    private DocumentTypes() {
    }

    static Optional<DocumentType> named(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    static Optional<DocumentType> recognize(DocumentShape shape) {
        return ALL.stream().filter(k -> k.recognizes(shape)).findFirst();
    }

    static List<String> names() {
        return ALL.stream().map(DocumentType::name).toList();
    }
}
