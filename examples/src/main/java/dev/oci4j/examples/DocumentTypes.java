package dev.oci4j.examples;

import dev.oci4j.image.ImageDocument;
import dev.oci4j.image.ImageJson;
import dev.oci4j.runtime.RuntimeJson;
import java.util.List;
import java.util.Optional;

/**
 * The document types {@code oci validate} knows, and which one a document is. The command does no
 * sniffing of its own: the image library's {@link ImageJson#sniff} decides first, the runtime
 * library's {@link RuntimeJson#sniff} second (no image rule matches a runtime document's members),
 * so a document is the same type on the command line as in code.
 */
final class DocumentTypes {

    /** Add a type here: one line. The order is the order of {@code --help}. */
    static final List<DocumentType> ALL = List.of(
            ImageDocumentType.LAYOUT_HEADER,
            ImageDocumentType.DESCRIPTOR,
            ImageDocumentType.INDEX,
            ImageDocumentType.MANIFEST,
            ImageDocumentType.CONFIG,
            RuntimeDocumentType.CONFIG,
            RuntimeDocumentType.STATE,
            RuntimeDocumentType.FEATURES);

    private DocumentTypes() {
    }

    static Optional<DocumentType> named(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * The type the libraries sniff {@code json} as, empty when it is a JSON object of no known type.
     *
     * @throws dev.oci4j.image.ImageFormatException when it is not JSON, not an object, or too large
     */
    static Optional<DocumentType> sniff(byte[] json) {
        Optional<ImageDocument<?>> image = ImageJson.sniff(json);
        if (image.isPresent()) {
            return Optional.of(ImageDocumentType.of(image.get()));
        }
        return RuntimeDocumentType.of(RuntimeJson.sniff(json));
    }

    static List<String> names() {
        return ALL.stream().map(DocumentType::name).toList();
    }
}
