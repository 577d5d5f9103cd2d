package dev.oci4j.image.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageSchemas;
import dev.oci4j.image.ImageValidator;
import dev.oci4j.validation.ValidationReport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example document of the spec texts is valid, and so are the v1.1 artifact examples. */
class SpecExamplesValidateTest {

    static List<Path> examples() throws IOException, URISyntaxException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("/spec-examples", "/valid")) {
            Path root = Path.of(SpecExamplesValidateTest.class.getResource(dir).toURI());
            try (Stream<Path> files = Files.list(root)) {
                files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everySpecExampleValidatesWithoutErrorsOrWarnings(Path example) throws IOException {
        byte[] bytes = Files.readAllBytes(example);
        DocumentKind<?> kind = ImageJson.standard().sniff(bytes).orElseThrow();

        ValidationReport report = ImageValidator.validate(bytes, kind);

        assertThat(report.violations()).as(example.getFileName() + " as " + kind.name()).isEmpty();
        assertThat(report.isValid()).isTrue();
        // What this validator accepts, the official schema accepts too.
        ImageSchemas.assertValid(kind, bytes);
    }
}
