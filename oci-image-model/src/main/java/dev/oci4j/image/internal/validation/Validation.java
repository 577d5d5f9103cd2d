package dev.oci4j.image.internal.validation;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageLayoutHeader;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.internal.validation.Findings;
import dev.oci4j.validation.ValidationReport;
import java.util.Set;

/** Runs the Bean Validation rules and the cross-field checks for each document type. */
public final class Validation {

    private Validation() {
    }

    public static ValidationReport descriptor(Descriptor d) {
        Findings f = new Findings();
        descriptor(d, f);
        return f.report();
    }

    public static ValidationReport manifest(ImageManifest m) {
        Findings f = new Findings();
        manifest(m, f);
        return f.report();
    }

    public static ValidationReport index(ImageIndex i) {
        Findings f = new Findings();
        index(i, f);
        return f.report();
    }

    public static ValidationReport configuration(ImageConfiguration c) {
        Findings f = new Findings();
        configuration(c, f);
        return f.report();
    }

    public static ValidationReport layoutHeader(ImageLayoutHeader h) {
        Findings f = new Findings();
        f.addAll(BeanRules.validate(h, ""));
        return f.report();
    }

    /** Reads {@code json} as {@code kind} and validates it; read failures become violations. */
    public static ValidationReport json(byte[] json, DocumentKind<?> kind) {
        Findings f = new Findings();
        DocumentParser.Outcome<?> outcome = DocumentParser.parse(json, kind, f);
        outcome.model().ifPresent(model -> {
            Findings modelFindings = new Findings();
            dispatch(model, modelFindings);
            modelFindings.list().stream()
                    .filter(v -> !dependsOnRepair(v.ruleId(), v.pointer(), outcome.repaired()))
                    .forEach(f::add);
        });
        return f.report();
    }

    private static void dispatch(Object model, Findings f) {
        if (model instanceof ImageManifest m) {
            manifest(m, f);
        } else if (model instanceof ImageIndex i) {
            index(i, f);
        } else if (model instanceof ImageConfiguration c) {
            configuration(c, f);
        } else if (model instanceof Descriptor d) {
            descriptor(d, f);
        } else if (model instanceof ImageLayoutHeader h) {
            f.addAll(BeanRules.validate(h, ""));
        } else {
            throw new IllegalArgumentException("cannot validate " + model.getClass().getName());
        }
    }

    /** A check that compared content against a placeholder digest says nothing about the document. */
    private static boolean dependsOnRepair(String ruleId, String pointer, Set<String> repaired) {
        if (!ruleId.equals(Rules.DESCRIPTOR_DATA_DIGEST.id()) && !ruleId.equals(Rules.DESCRIPTOR_DATA_SIZE.id())
                && !ruleId.equals(Rules.DESCRIPTOR_EMPTY_CONTENT.id())) {
            return false;
        }
        String descriptor = pointer.endsWith("/data") ? pointer.substring(0, pointer.length() - 5) : pointer;
        return repaired.contains(descriptor);
    }

    private static void descriptor(Descriptor d, Findings f) {
        f.addAll(BeanRules.validate(d, ""));
        DescriptorChecks.check(d, "", f);
    }

    private static void manifest(ImageManifest m, Findings f) {
        f.addAll(BeanRules.validate(m, ""));
        DocumentChecks.manifest(m, f);
    }

    private static void index(ImageIndex i, Findings f) {
        f.addAll(BeanRules.validate(i, ""));
        DocumentChecks.index(i, f);
    }

    private static void configuration(ImageConfiguration c, Findings f) {
        f.addAll(BeanRules.validate(c, ""));
        DocumentChecks.configuration(c, f);
    }
}
