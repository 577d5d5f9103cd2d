package dev.oci4j.examples;

import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.RuntimeValidator;
import dev.oci4j.validation.ValidationReport;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** The runtime-spec documents: a bundle's config.json, a container's state and a runtime's features. */
final class RuntimeDocumentType implements DocumentType {

    static final RuntimeDocumentType CONFIG = new RuntimeDocumentType("runtime-config", RuntimeJson.DocumentKind.CONFIG,
            RuntimeValidator::validate);
    static final RuntimeDocumentType STATE = new RuntimeDocumentType("runtime-state", RuntimeJson.DocumentKind.STATE,
            RuntimeValidator::validateState);
    static final RuntimeDocumentType FEATURES = new RuntimeDocumentType("runtime-features",
            RuntimeJson.DocumentKind.FEATURES, RuntimeValidator::validateFeatures);

    private final String name;
    private final RuntimeJson.DocumentKind kind;
    private final Function<byte[], ValidationReport> validator;

    private RuntimeDocumentType(String name, RuntimeJson.DocumentKind kind, Function<byte[], ValidationReport> validator) {
        this.name = name;
        this.kind = kind;
        this.validator = validator;
    }

    /** The type of the documents the runtime library sniffs as {@code kind}; empty for {@code UNKNOWN}. */
    static Optional<DocumentType> of(RuntimeJson.DocumentKind kind) {
        return Stream.of(CONFIG, STATE, FEATURES).filter(t -> t.kind == kind).<DocumentType>map(t -> t).findFirst();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ValidationReport validate(byte[] json) {
        return validator.apply(json);
    }
}
