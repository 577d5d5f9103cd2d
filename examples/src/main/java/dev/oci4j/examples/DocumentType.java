package dev.oci4j.examples;

import java.util.List;

/**
 * One document type {@code oci validate} understands. To add a type, write one class implementing
 * this and add one line to {@link DocumentTypes#ALL}.
 */
public interface DocumentType {

    /** The {@code --type} name, such as {@code manifest} or {@code runtime-config}. */
    String name();

    /**
     * Whether a document of this shape is of this kind, for when {@code --type} is not given.
     * Types are asked in {@link DocumentTypes#ALL} order; the first that says yes wins.
     */
    boolean recognizes(DocumentShape shape);

    /**
     * Validates one well-formed JSON document (the command has already parsed it once, so syntax
     * errors never reach here) and returns every problem found, errors and warnings.
     */
    List<Finding> validate(byte[] json);
}
