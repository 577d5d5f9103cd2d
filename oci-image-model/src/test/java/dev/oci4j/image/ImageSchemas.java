package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks documents against the official image-spec JSON schemas (draft-04) installed under
 * {@code /usr/share/gocode/src/github.com/opencontainers/image-spec/schema} (override with the system
 * property {@code oci4j.imageSpecSchemas}); when they are missing the test skips, or fails under
 * {@code -Doci4j.requireTools=true}, naming the Debian package. The schemas name each other by
 * {@code https://opencontainers.org/schema/...} ids; every such id is mapped to the local file of the
 * same name, so nothing is fetched.
 *
 * <pre>{@code ImageSchemas.assertValid(DocumentKind.MANIFEST, bytes);}</pre>
 *
 * <p>Known disagreements between schema and spec text, where tests follow the spec:
 * {@link #SPEC_OVER_SCHEMA}.
 */
public final class ImageSchemas {

    /** Where the official schemas live on this machine. */
    public static final Path SCHEMA_DIR = Path.of(System.getProperty("oci4j.imageSpecSchemas",
            "/usr/share/gocode/src/github.com/opencontainers/image-spec/schema"));

    /**
     * Schema messages that contradict the spec text, and why the spec wins:
     * the manifest schema's {@code layers} has {@code minItems: 1}, but manifest.md v1.1 only says
     * "For portability, layers SHOULD have at least one entry" (an artifact manifest may have none).
     */
    public static final List<String> SPEC_OVER_SCHEMA = List.of("/layers: must have at least 1 items but found 0",
            "$.layers: expected at least 1 items but found 0");

    private static final String DRAFT4_HTTPS = "https://json-schema.org/draft-04/schema";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ImageSchemas() {
    }

    /** The schema file checking {@code kind}. */
    public static String schemaFile(DocumentKind<?> kind) {
        return switch (kind.name()) {
            case "manifest" -> "image-manifest-schema.json";
            case "index" -> "image-index-schema.json";
            case "configuration" -> "config-schema.json";
            case "descriptor" -> "content-descriptor.json";
            case "layout-header" -> "image-layout-schema.json";
            default -> throw new IllegalArgumentException("no schema for " + kind);
        };
    }

    /** Every schema message for {@code bytes}, except those in {@link #SPEC_OVER_SCHEMA}. */
    public static List<String> problems(DocumentKind<?> kind, byte[] bytes) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schema(kind).validate(tree).stream()
                .map(ValidationMessage::getMessage)
                .filter(m -> SPEC_OVER_SCHEMA.stream().noneMatch(m::contains))
                .sorted()
                .toList();
    }

    /** Fails the test, listing every message, when {@code bytes} do not pass the official schema. */
    public static void assertValid(DocumentKind<?> kind, byte[] bytes) {
        assertThat(problems(kind, bytes))
                .as("%s schema messages for %s", schemaFile(kind), new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .isEmpty();
    }

    private static JsonSchema schema(DocumentKind<?> kind) {
        return SCHEMAS.computeIfAbsent(schemaFile(kind), file -> {
            Path path = TestEnvironment.requireFile(SCHEMA_DIR.resolve(file), TestEnvironment.IMAGE_SPEC_SCHEMAS);
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b
                    // The schemas say https://json-schema.org/draft-04/schema#; the library knows draft-04 by its http id.
                    .metaSchema(JsonMetaSchema.builder(DRAFT4_HTTPS, JsonMetaSchema.getV4()).build())
                    .metaSchema(JsonMetaSchema.builder(DRAFT4_HTTPS + "#", JsonMetaSchema.getV4()).build())
                    .schemaMappers(m -> m.add(ImageSchemas::toLocalFile)));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return factory.getSchema(SchemaLocation.of(path.toUri().toString()), config);
        });
    }

    private static AbsoluteIri toLocalFile(AbsoluteIri iri) {
        String s = iri.toString();
        if (s.startsWith("https://opencontainers.org/schema/")) {
            String name = s.substring(s.lastIndexOf('/') + 1);
            if (name.endsWith(".json")) {
                return AbsoluteIri.of(SCHEMA_DIR.resolve(name).toUri().toString());
            }
        }
        return null;
    }
}
