package dev.oci4j.image.layout;

import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.ImageValidator;
import dev.oci4j.image.Parsed;
import dev.oci4j.validation.Severity;
import dev.oci4j.validation.ValidationReport;
import dev.oci4j.validation.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The model codec as the layout uses it: errors name the file or blob they come from. */
final class Documents {

    /** index.json of a layout with many thousands of tags outgrows the codec's 4 MiB default. */
    private static final ImageJson CODEC = ImageJson.withMaxDocumentSize(LayoutVerifier.MAX_DOCUMENT_SIZE);

    private Documents() {
    }

    /** A document file's bytes, refused past the codec's limit while reading; errors name {@code where}. */
    static byte[] readBytes(Path file, String where) throws IOException {
        try {
            return CODEC.readBytes(file);
        } catch (ImageFormatException e) {
            throw new ImageFormatException(e.reason(), where, e.detail(), e);
        }
    }

    static <T> Parsed<T> parse(DocumentKind<T> kind, byte[] bytes, String where) {
        try {
            return CODEC.parse(kind, bytes);
        } catch (ImageFormatException e) {
            throw new ImageFormatException(e.reason(), e.location().isEmpty() ? where : where + " " + e.location(),
                    kind.name() + ": " + e.detail(), e);
        }
    }

    static Parsed<ImageIndex> index(byte[] bytes, String where) {
        return parse(DocumentKind.INDEX, bytes, where);
    }

    static <T> Parsed<T> encode(DocumentKind<T> kind, T value) {
        return CODEC.encode(kind, value);
    }

    static byte[] bytes(ImageIndex index) {
        return CODEC.write(index);
    }

    static Optional<ImageIndex> parseIndex(byte[] bytes, String where, List<LayoutProblem> problems) {
        return parseOrReport(DocumentKind.INDEX, bytes, where, problems);
    }

    static Optional<ImageManifest> parseManifest(byte[] bytes, String where, List<LayoutProblem> problems) {
        return parseOrReport(DocumentKind.MANIFEST, bytes, where, problems);
    }

    static Optional<ImageConfiguration> parseConfig(byte[] bytes, String where, List<LayoutProblem> problems) {
        return parseOrReport(DocumentKind.CONFIGURATION, bytes, where, problems);
    }

    private static <T> Optional<T> parseOrReport(DocumentKind<T> kind, byte[] bytes, String where,
            List<LayoutProblem> problems) {
        try {
            return Optional.of(parse(kind, bytes, where).value());
        } catch (ImageFormatException e) {
            problems.add(new LayoutProblem(Severity.ERROR, e.location(), e.detail()));
            return Optional.empty();
        }
    }

    /** Adds the validator's findings (MUST as errors, SHOULD as warnings), located under {@code where}. */
    static void validate(Object document, String where, List<LayoutProblem> problems) {
        validate(document, where, problems, java.util.Set.of());
    }

    /** Like {@link #validate(Object, String, List)}, leaving out the rules named in {@code ignoredRules}. */
    static void validate(Object document, String where, List<LayoutProblem> problems, java.util.Set<String> ignoredRules) {
        ValidationReport report;
        if (document instanceof ImageManifest m) {
            report = ImageValidator.validate(m);
        } else if (document instanceof ImageIndex i) {
            report = ImageValidator.validate(i);
        } else if (document instanceof ImageConfiguration c) {
            report = ImageValidator.validate(c);
        } else {
            throw new IllegalArgumentException("not an image document: " + document.getClass());
        }
        for (Violation v : report.violations()) {
            if (ignoredRules.contains(v.ruleId())) {
                continue;
            }
            String path = v.pointer().isEmpty() ? where : where + " " + v.pointer();
            problems.add(new LayoutProblem(v.severity(), path, v.message() + " [" + v.ruleId() + "]"));
        }
    }
}
