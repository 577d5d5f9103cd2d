package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every JSON example of the spec texts reads and writes back to the same JSON tree. */
class SpecExamplesTest {

    private static final ObjectMapper TREE = new ObjectMapper();

    static List<Path> examples() throws IOException, URISyntaxException {
        Path dir = Path.of(SpecExamplesTest.class.getResource("/spec-examples").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everySpecExampleRoundTripsToAnEqualJsonTree(Path example) throws IOException {
        byte[] bytes = Files.readAllBytes(example);
        ImageDocument<?> kind = ImageJson.sniff(bytes).orElseThrow();
        byte[] written = rewrite(kind, bytes);
        assertThat(tree(written)).isEqualTo(tree(bytes));
        ImageSchemas.assertValid(kind, bytes);
        ImageSchemas.assertValid(kind, written);
    }

    private static <T> byte[] rewrite(ImageDocument<T> kind, byte[] bytes) {
        Parsed<T> parsed = ImageJson.parse(kind, bytes);
        return ImageJson.encode(kind, parsed.value()).bytes();
    }

    static JsonNode tree(byte[] bytes) throws IOException {
        return TREE.readTree(bytes);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SpecExamplesTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
