package dev.oci4j.examples;

import dev.oci4j.runtime.RuntimeValidator;
import dev.oci4j.runtime.ValidationReport;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** The runtime-spec documents {@code oci validate} knows: a bundle's config.json and a container's state. */
final class RuntimeDocumentType implements DocumentType {

    /** A config.json: ociVersion with the process or root of a bundle. */
    static final RuntimeDocumentType CONFIG = new RuntimeDocumentType("runtime-config",
            s -> s.has("ociVersion") && (s.has("process") || s.has("root")), RuntimeValidator::validate);
    /** The state a runtime prints ({@code runc state}): ociVersion, id and status. */
    static final RuntimeDocumentType STATE = new RuntimeDocumentType("runtime-state",
            s -> s.has("ociVersion") && s.has("id") && s.has("status"), RuntimeValidator::validateState);

    private final String name;
    private final Predicate<DocumentShape> recognizer;
    private final Function<byte[], ValidationReport> validator;

    private RuntimeDocumentType(String name, Predicate<DocumentShape> recognizer, Function<byte[], ValidationReport> validator) {
        this.name = name;
        this.recognizer = recognizer;
        this.validator = validator;
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
        return validator.apply(json).violations().stream()
                .map(v -> new Finding(v.isError(), v.pointer(), v.message(), v.ruleId(), v.specSection()))
                .toList();
    }
}
