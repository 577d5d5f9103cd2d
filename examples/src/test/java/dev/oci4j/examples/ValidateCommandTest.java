package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oci validate}, run in-process: exit codes, output lines, type inference, stdin and --json. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void specExamplesOfEveryTypeAreValidAndExitZero() throws IOException {
        CommandRun run = CommandRun.of("validate", copy("manifest.json"), copy("index.json"), copy("config.json"),
                copy("layout.json"), copy("descriptor.json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("manifest.json: valid manifest", "index.json: valid index",
                "config.json: valid config", "layout.json: valid layout-header", "descriptor.json: valid descriptor");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyErrorIsPrintedAsFilePointerMessageRuleAndExitsOne() throws IOException {
        String broken = write("broken.json", resource("manifest.json")
                .replace("\"size\": 32654", "\"size\": -1")
                .replace("sha256:ec4b8955958665577945c89419d1af06b5f7636b4ac3da7f12184802ad867736", "sha256:abc")
                .replace("\"schemaVersion\": 2", "\"schemaVersion\": 1"));

        CommandRun run = CommandRun.of("validate", broken, copy("index.json"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).contains(
                broken + ": /schemaVersion: expected schemaVersion 2, found 1 [manifest.schemaVersion.unsupported]",
                broken + ": /layers/0/size: expected a size in bytes >= 0, found -1 [descriptor.size.negative]");
        assertThat(run.out()).contains(broken + ": /layers/2/digest: ", "[digest.encoding]", "index.json: valid index");
        assertThat(run.out()).doesNotContain("broken.json: valid");
    }

    @Test
    void warningsArePrintedButTheFileIsStillValid() throws IOException {
        String noMediaType = write("nomediatype.json",
                resource("manifest.json").replaceFirst(
                        Pattern.quote("\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\","), ""));

        CommandRun run = CommandRun.of("validate", "--type", "manifest", noMediaType);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(noMediaType + ": /mediaType: warning: ", "[manifest.mediaType.missing]",
                noMediaType + ": valid manifest (1 warning(s))");
    }

    @Test
    void malformedJsonExitsTwoAndSaysWhereItBreaks() throws IOException {
        String bad = write("bad.json", "{\n  \"schemaVersion\": 2,\n  \"layers\": [\n}\n");

        CommandRun run = CommandRun.of("validate", copy("manifest.json"), bad);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ": malformed JSON at line 4, column 1");
        assertThat(run.out()).contains("manifest.json: valid manifest");
    }

    @Test
    void aMissingFileExitsTwo() {
        CommandRun run = CommandRun.of("validate", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.json: cannot read");
    }

    @Test
    void unreadableBeatsInvalid() throws IOException {
        String invalid = write("invalid.json", resource("layout.json").replace("1.0.0", "9.9.9"));

        CommandRun run = CommandRun.of("validate", invalid, dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("[layout.imageLayoutVersion.unsupported]");
    }

    @Test
    void aDocumentOfUnknownShapeNeedsType() throws IOException {
        String odd = write("odd.json", "{\"hello\": \"world\"}");

        CommandRun run = CommandRun.of("validate", odd);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot tell the document type", "--type");
    }

    @Test
    void typeOverridesInference() throws IOException {
        CommandRun run = CommandRun.of("validate", "--type", "manifest", copy("index.json"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("/mediaType: an image manifest must have mediaType", "[manifest.mediaType.mismatch]");
    }

    @Test
    void anUnknownTypeIsAUsageError() throws IOException {
        CommandRun run = CommandRun.of("validate", "--type", "helm-chart", copy("index.json"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown --type helm-chart", "manifest", "layout-header");
    }

    @Test
    void aDashReadsStandardInput() throws IOException {
        CommandRun run = CommandRun.withStdin(resource("config.json").replace("\"layers\"", "\"squashfs\"")
                .getBytes(StandardCharsets.UTF_8), "validate", "-");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("<stdin>: /rootfs/type: ", "[config.rootfs.type.unsupported]");
    }

    @Test
    void descriptorsAreRecognizedByShapeThoughTheirMediaTypeNamesAManifest() throws IOException {
        CommandRun run = CommandRun.of("validate", copy("descriptor.json"));

        assertThat(run.out()).contains("valid descriptor");
    }

    @Test
    void jsonReportListsEveryFileWithItsViolations() throws IOException {
        String broken = write("broken.json", resource("config.json").replace("\"FOO=oci_is_a\"", "\"FOO\""));
        String bad = write("bad.json", "[");

        CommandRun run = CommandRun.of("validate", "--json", copy("manifest.json"), broken, bad);

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("valid").booleanValue()).isFalse();
        assertThat(report.get("exitCode").intValue()).isEqualTo(2);
        JsonNode files = report.get("files");
        assertThat(files).hasSize(3);
        assertThat(files.get(0).get("valid").booleanValue()).isTrue();
        assertThat(files.get(0).get("type").textValue()).isEqualTo("manifest");
        JsonNode violation = files.get(1).get("violations").get(0);
        assertThat(violation.get("severity").textValue()).isEqualTo("error");
        assertThat(violation.get("rule").textValue()).isEqualTo("config.env.format");
        assertThat(violation.get("pointer").textValue()).isEqualTo("/config/Env/1");
        assertThat(violation.get("section").textValue()).isEqualTo("config.md#properties");
        assertThat(files.get(2).get("problem").textValue()).contains("malformed JSON at line 1");
    }

    private String copy(String name) throws IOException {
        return write(name, resource(name));
    }

    private String write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ValidateCommandTest.class.getResourceAsStream("/validate/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
