package dev.oci4j.image.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.ImageValidator;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import dev.oci4j.validation.ValidationReport;
import dev.oci4j.validation.Violation;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents other writers produced (umoci, and this library's own golden files) break no MUST. */
class ToolWrittenDocumentsValidateTest {

    @Test
    void anUmociImageLayoutBreaksNoMust(@TempDir Path dir) throws Exception {
        TestEnvironment.requireTool("umoci");
        Path layout = dir.resolve("layout");
        Files.writeString(dir.resolve("hello.txt"), "hello\n");
        Commands.runOk("umoci", "init", "--layout", layout.toString());
        Commands.runOk("umoci", "new", "--image", layout + ":v1.0");
        Commands.runOk("umoci", "config", "--image", layout + ":v1.0", "--config.env", "A=1", "--config.cmd", "sh",
                "--config.exposedports", "80/tcp", "--config.label", "com.example.b=2", "--author", "me");
        Commands.runOk("umoci", "insert", "--image", layout + ":v1.0", dir.resolve("hello.txt").toString(), "/hello.txt");

        assertNoErrors(DocumentKind.LAYOUT_HEADER, Files.readAllBytes(layout.resolve("oci-layout")));
        byte[] index = Files.readAllBytes(layout.resolve("index.json"));
        assertNoErrors(DocumentKind.INDEX, index);
        Descriptor entry = ImageJson.standard().readIndex(index).manifests().get(0);
        byte[] manifestBytes = blob(layout, entry.digest());
        assertNoErrors(DocumentKind.MANIFEST, manifestBytes);
        ImageManifest manifest = ImageJson.standard().readManifest(manifestBytes);
        assertNoErrors(DocumentKind.CONFIGURATION, blob(layout, manifest.config().digest()));
    }

    @Test
    void thisLibrarysGoldenFilesBreakNoMust() throws IOException, URISyntaxException {
        Path golden = Path.of(getClass().getResource("/golden").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(golden)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertNoErrors(ImageJson.standard().sniff(bytes).orElseThrow(), bytes);
        }
    }

    private static void assertNoErrors(DocumentKind<?> kind, byte[] bytes) {
        ValidationReport report = ImageValidator.validate(bytes, kind);
        assertThat(report.errors()).as("%s: %s", kind.name(), new String(bytes, StandardCharsets.UTF_8)).isEmpty();
        // Tools skip some SHOULDs (umoci 0.4 writes index.json and manifests without mediaType, index
        // entries without a platform; a golden file has no layers); nothing else may appear.
        assertThat(report.warnings()).extracting(Violation::ruleId).isSubsetOf("index.mediaType.missing",
                "manifest.mediaType.missing", "index.manifests.platform.missing", "manifest.layers.empty");
    }

    private static byte[] blob(Path layout, Digest digest) throws IOException {
        return Files.readAllBytes(layout.resolve("blobs").resolve(digest.algorithm()).resolve(digest.encoded()));
    }
}
