package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Test support: validates documents against the official runtime-spec JSON schemas (draft-04,
 * several files joined by relative {@code $ref}s), read from the local copy the Debian package
 * golang-github-opencontainers-specs-dev installs. The schema files carry no {@code id},
 * so they are loaded under their upstream address, mapped to the local directory.
 *
 * <p>That copy predates runtime-spec v1.2. Where it and the v1.2 spec disagree, the spec wins and
 * the difference is listed in {@link #SPEC_WINS_OVER_OLD_SCHEMA} with its reason; no other
 * schema error is tolerated.
 */
final class RuntimeSchema {

    static final Path LOCAL_DIR = Path.of("/usr/share/gocode/src/github.com/opencontainers/runtime-spec/schema");

    private static final String UPSTREAM = "https://raw.githubusercontent.com/opencontainers/runtime-spec/main/schema/";

    /** A schema error the v1.2 spec overrules: the text that identifies it, and why. */
    record Disagreement(Predicate<String> matches, String reason) {
    }

    static final List<Disagreement> SPEC_WINS_OVER_OLD_SCHEMA = List.of(
            new Disagreement(e -> e.matches("\\$\\.linux\\.namespaces\\[\\d+]\\.type: .*enumeration.*") && e.endsWith("(value: \"time\")"),
                    "v1.2 config-linux.md lists the time namespace; the old schema's NamespaceType enum ends at cgroup"));

    private static final ObjectMapper TREES = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.schemaMappers(m -> m.mapPrefix(UPSTREAM, LOCAL_DIR.toUri().toString())));

    private static final java.util.Map<String, JsonSchema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    private RuntimeSchema() {
    }

    /** Skips the test, or fails it under -Doci4j.requireTools=true, when the schemas are not installed. */
    static void require() {
        TestEnvironment.requireFile(LOCAL_DIR.resolve("config-schema.json"), TestEnvironment.RUNTIME_SPEC_SCHEMAS);
    }

    /** Every schema error of a config.json, as "$.json.path: message (value: v)". */
    static List<String> configErrors(byte[] json) {
        return errors("config-schema.json", json);
    }

    static List<String> stateErrors(byte[] json) {
        return errors("state-schema.json", json);
    }

    /** Schema errors that no documented v1.2 disagreement explains. */
    static List<String> unexplained(List<String> errors) {
        return errors.stream()
                .filter(e -> SPEC_WINS_OVER_OLD_SCHEMA.stream().noneMatch(d -> d.matches().test(e)))
                .toList();
    }

    static void assertValidConfig(byte[] json) {
        assertThat(unexplained(configErrors(json))).as("schema errors of %s", new String(json)).isEmpty();
    }

    static void assertValidState(byte[] json) {
        assertThat(unexplained(stateErrors(json))).as("schema errors of %s", new String(json)).isEmpty();
    }

    private static List<String> errors(String schemaFile, byte[] json) {
        require();
        JsonSchema schema = SCHEMAS.computeIfAbsent(schemaFile, f -> FACTORY.getSchema(SchemaLocation.of(UPSTREAM + f)));
        JsonNode tree;
        try {
            tree = TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schema.validate(tree).stream()
                .map(m -> m.getMessage() + (m.getInstanceNode() == null || m.getInstanceNode().isContainerNode()
                        ? "" : " (value: " + m.getInstanceNode() + ")"))
                .sorted()
                .toList();
    }
}
