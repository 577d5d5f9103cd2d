package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents written by real tools (umoci, skopeo; both Go, both using the image-spec Go types) read
 * correctly, pass the official schemas, and, for OCI documents, our writer reproduces their bytes exactly.
 */
class ToolWrittenDocumentsTest {

    private final ImageJson json = ImageJson.standard();

    @Test
    void umociLayoutDocumentsReadAndRewriteByteForByte(@TempDir Path dir) throws Exception {
        TestEnvironment.requireTool("umoci");
        Path layout = dir.resolve("layout");
        Files.writeString(dir.resolve("hello.txt"), "hello\n");
        Commands.runOk("umoci", "init", "--layout", layout.toString());
        Commands.runOk("umoci", "new", "--image", layout + ":t1");
        Commands.runOk("umoci", "config", "--image", layout + ":t1", "--config.env", "A=1", "--config.cmd", "sh",
                "--config.exposedports", "80/tcp", "--config.volume", "/data", "--author", "me",
                "--config.label", "b=2", "--config.label", "a=1");
        Commands.runOk("umoci", "insert", "--image", layout + ":t1", dir.resolve("hello.txt").toString(), "/hello.txt");

        byte[] header = Files.readAllBytes(layout.resolve("oci-layout"));
        assertThat(json.readLayoutHeader(header).imageLayoutVersion()).isEqualTo("1.0.0");
        assertSameBytes(DocumentKind.LAYOUT_HEADER, header);

        byte[] indexBytes = Files.readAllBytes(layout.resolve("index.json"));
        ImageIndex index = json.readIndex(indexBytes);
        assertSameBytes(DocumentKind.INDEX, indexBytes);
        Descriptor entry = index.manifests().get(0);
        assertThat(entry.annotations()).containsEntry(Annotations.REF_NAME, "t1");

        Parsed<ImageManifest> manifest = json.parse(DocumentKind.MANIFEST, blob(layout, entry.digest()));
        assertThat(manifest.descriptor().digest()).isEqualTo(entry.digest());
        assertThat(manifest.size()).isEqualTo(entry.size());
        assertSameBytes(DocumentKind.MANIFEST, manifest.bytes());

        Descriptor configDescriptor = manifest.value().config();
        Parsed<ImageConfiguration> config = json.parse(DocumentKind.CONFIGURATION, blob(layout, configDescriptor.digest()));
        assertThat(config.digest()).isEqualTo(configDescriptor.digest());
        assertSameBytes(DocumentKind.CONFIGURATION, config.bytes());
        ImageConfiguration c = config.value();
        assertThat(c.author()).contains("me");
        assertThat(c.config().env()).contains("A=1");
        assertThat(c.config().cmd()).containsExactly("sh");
        assertThat(c.config().exposedPorts()).containsExactly("80/tcp");
        assertThat(c.config().volumes()).containsExactly("/data");
        assertThat(c.config().labels()).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
        assertThat(c.createdTime()).isPresent();

        // The layer's DiffID, computed from its uncompressed bytes, is what umoci recorded in rootfs.
        Descriptor layer = manifest.value().layers().get(0);
        assertThat(layer.mediaType()).contains(MediaType.OCI_LAYER_TAR_GZIP);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(blobPath(layout, layer.digest())))) {
            assertThat(ImageIdentity.diffId(in)).isEqualTo(c.rootfs().diffIds().get(0));
        }
    }

    @Test
    void skopeoDockerV2Schema2ConversionReadsAsAManifest(@TempDir Path dir) throws Exception {
        TestEnvironment.requireTool("umoci");
        TestEnvironment.requireTool("skopeo");
        Path layout = dir.resolve("layout");
        Files.writeString(dir.resolve("hello.txt"), "hello\n");
        Commands.runOk("umoci", "init", "--layout", layout.toString());
        Commands.runOk("umoci", "new", "--image", layout + ":t1");
        Commands.runOk("umoci", "insert", "--image", layout + ":t1", dir.resolve("hello.txt").toString(), "/hello.txt");
        Path out = dir.resolve("v2s2");
        Commands.runOk("skopeo", "--insecure-policy", "copy", "--format", "v2s2", "oci:" + layout + ":t1", "dir:" + out);

        byte[] bytes = Files.readAllBytes(out.resolve("manifest.json"));
        assertThat(json.sniff(bytes)).contains(DocumentKind.MANIFEST);
        Parsed<ImageManifest> p = json.parse(DocumentKind.MANIFEST, bytes);
        ImageManifest m = p.value();
        assertThat(m.mediaType()).contains(MediaType.DOCKER_MANIFEST);
        assertThat(m.config().mediaType()).contains(MediaType.DOCKER_CONFIG);
        assertThat(m.layers()).singleElement()
                .satisfies(l -> assertThat(l.mediaType()).contains(MediaType.DOCKER_LAYER_TAR_GZIP));
        assertThat(p.descriptor().mediaType()).contains(MediaType.DOCKER_MANIFEST);
        assertThat(SpecExamplesTest.tree(json.write(m))).isEqualTo(SpecExamplesTest.tree(bytes));
        ImageSchemas.assertValid(DocumentKind.MANIFEST, json.write(m));

        byte[] config = Files.readAllBytes(out.resolve(m.config().digest().encoded()));
        assertThat(Digest.sha256(config)).isEqualTo(m.config().digest());
        assertThat(json.readConfiguration(config).rootfs().diffIds()).hasSize(1);
    }

    private <T> void assertSameBytes(DocumentKind<T> kind, byte[] bytes) {
        byte[] ours = json.encode(kind, json.read(kind, bytes)).bytes();
        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(new String(bytes, StandardCharsets.UTF_8).strip());
        ImageSchemas.assertValid(kind, bytes);
    }

    private static Path blobPath(Path layout, Digest digest) {
        return layout.resolve("blobs").resolve(digest.algorithm()).resolve(digest.encoded());
    }

    private static byte[] blob(Path layout, Digest digest) throws IOException {
        return Files.readAllBytes(blobPath(layout, digest));
    }
}
