package dev.oci4j.examples;

import dev.oci4j.validation.ValidationReport;

/**
 * One document type {@code oci validate} understands. To add a type, write one class implementing
 * this, add one line to {@link DocumentTypes#ALL}, and map the library kind that sniffs as it in
 * {@link DocumentTypes#sniff}.
 */
public interface DocumentType {

    /** {@return the {@code --type} name, such as {@code manifest} or {@code runtime-config}} */
    String name();

    /**
     * Validates one JSON object (the command has already parsed it once, so syntax errors never
     * reach here).
     *
     * @param json the document's bytes
     * @return every problem found, errors and warnings: the libraries' own report, the same type for
     *         image and runtime documents
     */
    ValidationReport validate(byte[] json);
}
