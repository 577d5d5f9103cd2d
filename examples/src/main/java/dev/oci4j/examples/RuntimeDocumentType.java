package dev.oci4j.examples;

import dev.oci4j.runtime.RuntimeFormatException;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.RuntimeValidator;
import dev.oci4j.runtime.ValidationReport;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** The runtime-spec documents: a bundle's config.json, a container's state and a runtime's features. */
final class RuntimeDocumentType implements DocumentType {

    static final RuntimeDocumentType CONFIG = new RuntimeDocumentType("runtime-config", RuntimeJson.DocumentKind.CONFIG,
            json -> findings(RuntimeValidator.validate(json)));
    static final RuntimeDocumentType STATE = new RuntimeDocumentType("runtime-state", RuntimeJson.DocumentKind.STATE,
            json -> findings(RuntimeValidator.validateState(json)));
    // The runtime model has no validator for features (runtime-spec features.md has no MUST a
    // document could break); reading it checks every member's type.
    static final RuntimeDocumentType FEATURES = new RuntimeDocumentType("runtime-features",
            RuntimeJson.DocumentKind.FEATURES, RuntimeDocumentType::readFeatures);

    private final String name;
    private final RuntimeJson.DocumentKind kind;
    private final Function<byte[], List<Finding>> validator;

    private RuntimeDocumentType(String name, RuntimeJson.DocumentKind kind, Function<byte[], List<Finding>> validator) {
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
    public List<Finding> validate(byte[] json) {
        return validator.apply(json);
    }

    private static List<Finding> findings(ValidationReport report) {
        return report.violations().stream()
                .map(v -> new Finding(v.isError(), v.pointer(), v.message(), v.ruleId(), v.specSection()))
                .toList();
    }

    private static List<Finding> readFeatures(byte[] json) {
        try {
            RuntimeJson.readFeatures(json);
            return List.of();
        } catch (RuntimeFormatException e) {
            // The message already begins with the JSON pointer; the finding is the document's.
            return List.of(new Finding(true, "", e.getMessage(), "document.format", "features.md"));
        }
    }
}
