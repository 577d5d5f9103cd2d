package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oci4j.image.ImageDocument;
import dev.oci4j.image.ImageJson;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code oci validate} names a document's type exactly as the libraries' sniffing does
 * ({@link ImageJson#sniff}, then {@link RuntimeJson#sniff}): one sniffing, used by both, so a
 * document never validates as one type on the command line and reads as another in code.
 */
class DocumentSniffingTest {

    private static final String SHA = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String INDEX = "application/vnd.oci.image.index.v1+json";

    private static final Map<ImageDocument<?>, String> IMAGE_TYPES = Map.of(ImageDocument.MANIFEST, "manifest",
            ImageDocument.INDEX, "index", ImageDocument.CONFIGURATION, "config", ImageDocument.DESCRIPTOR, "descriptor",
            ImageDocument.LAYOUT_HEADER, "layout-header");

    @TempDir
    Path dir;

    static Stream<Arguments> documents() throws IOException {
        return Stream.of(
                // Each spec example type.
                Arguments.of("the spec's manifest", ValidateCommandTest.resource("manifest.json"), "manifest"),
                Arguments.of("the spec's index", ValidateCommandTest.resource("index.json"), "index"),
                Arguments.of("the spec's config", ValidateCommandTest.resource("config.json"), "config"),
                Arguments.of("the spec's descriptor", ValidateCommandTest.resource("descriptor.json"), "descriptor"),
                Arguments.of("the spec's oci-layout", ValidateCommandTest.resource("layout.json"), "layout-header"),
                Arguments.of("runc spec's config.json",
                        new String(RuntimeJson.writeIndented(Specs.defaultLinux()), StandardCharsets.UTF_8), "runtime-config"),
                Arguments.of("runc state", "{\"ociVersion\":\"1.2.0\",\"id\":\"web\",\"status\":\"running\",\"pid\":42,"
                        + "\"bundle\":\"/run/web\"}", "runtime-state"),
                Arguments.of("runc features", "{\"ociVersionMin\":\"1.0.0\",\"ociVersionMax\":\"1.2.0\","
                        + "\"hooks\":[\"prestart\"]}", "runtime-features"),
                // Ambiguous shapes: the first rule of the library's order that fits wins.
                Arguments.of("a manifests array beats digest and size",
                        "{\"digest\":\"" + SHA + "\",\"size\":0,\"manifests\":[]}", "index"),
                Arguments.of("a descriptor whose mediaType names a manifest",
                        "{\"mediaType\":\"" + MANIFEST + "\",\"digest\":\"" + SHA + "\",\"size\":0}", "descriptor"),
                Arguments.of("a descriptor whose mediaType names an index",
                        "{\"mediaType\":\"" + INDEX + "\",\"digest\":\"" + SHA + "\",\"size\":0}", "descriptor"),
                Arguments.of("an index known only by its mediaType",
                        "{\"schemaVersion\":2,\"mediaType\":\"" + INDEX + "\"}", "index"),
                Arguments.of("a manifest known only by its layers", "{\"layers\":[]}", "manifest"),
                Arguments.of("a config with a schemaVersion it should not have",
                        "{\"schemaVersion\":2,\"architecture\":\"amd64\",\"os\":\"linux\","
                        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}", "config"),
                Arguments.of("a config known only by its mediaType",
                        "{\"mediaType\":\"application/vnd.oci.image.config.v1+json\"}", "config"),
                Arguments.of("a runtime config with linux but neither process nor root",
                        "{\"ociVersion\":\"1.2.0\",\"linux\":{}}", "runtime-config"),
                Arguments.of("a Docker schema 1 manifest", "{\"schemaVersion\":1,\"fsLayers\":[]}", null),
                Arguments.of("an object of nothing known", "{\"hello\":\"world\"}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void theCommandAndTheLibrariesNameTheSameType(String what, String json, String expected) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(librarySniff(bytes)).as("the libraries' sniffing of " + what).isEqualTo(Optional.ofNullable(expected));
        assertThat(commandSniff(bytes)).as("oci validate's type of " + what).isEqualTo(Optional.ofNullable(expected));
    }

    /** The type names the libraries give, spelled as {@code --type} spells them. */
    private static Optional<String> librarySniff(byte[] bytes) {
        Optional<ImageDocument<?>> image = ImageJson.sniff(bytes);
        if (image.isPresent()) {
            return Optional.of(IMAGE_TYPES.get(image.get()));
        }
        return switch (RuntimeJson.sniff(bytes)) {
            case CONFIG -> Optional.of("runtime-config");
            case STATE -> Optional.of("runtime-state");
            case FEATURES -> Optional.of("runtime-features");
            case UNKNOWN -> Optional.empty();
        };
    }

    private Optional<String> commandSniff(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("document.json"), bytes);
        CommandRun run = CommandRun.of("validate", "--json", file.toString());
        JsonNode type = new ObjectMapper().readTree(run.out()).get("files").get(0).get("type");
        return type == null ? Optional.empty() : Optional.of(type.textValue());
    }
}
