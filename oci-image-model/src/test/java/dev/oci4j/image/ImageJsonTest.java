package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageJsonTest {


    @Test
    void parsedKeepsTheOriginalBytesBecauseRewritingChangesTheDigest() throws IOException {
        byte[] original = SpecExamplesTest.resource("/spec-examples/manifest-1.json");
        Parsed<ImageManifest> p = ImageJson.parse(ImageDocument.MANIFEST, original);
        assertThat(p.bytes()).isEqualTo(original);
        assertThat(p.digest()).isEqualTo(Digest.sha256(original));
        assertThat(p.size()).isEqualTo(original.length);
        Parsed<ImageManifest> rewritten = ImageJson.encode(ImageDocument.MANIFEST, p.value());
        assertThat(rewritten.digest()).isNotEqualTo(p.digest());
        assertThat(rewritten.value()).isEqualTo(p.value());
    }

    @Test
    void parsedDescribesItselfWithTheDocumentsMediaTypeAndArtifactType() throws IOException {
        Parsed<ImageManifest> p = ImageJson.parse(ImageDocument.MANIFEST,
                SpecExamplesTest.resource("/spec-examples/manifest-artifact-with-config.json"));
        Descriptor d = p.descriptor();
        assertThat(d.mediaType()).contains(MediaType.OCI_MANIFEST);
        assertThat(d.artifactType()).contains(MediaType.of("application/vnd.example+type"));
        assertThat(d.digest()).isEqualTo(p.digest());
        assertThat(d.size()).isEqualTo(p.size());
        Parsed<ImageConfiguration> c = ImageJson.parse(ImageDocument.CONFIGURATION,
                SpecExamplesTest.resource("/spec-examples/config-1.json"));
        assertThat(c.descriptor().mediaType()).contains(MediaType.OCI_CONFIG);
        assertThat(c.descriptor(MediaType.DOCKER_CONFIG).mediaType()).contains(MediaType.DOCKER_CONFIG);
    }

    @Test
    void readsFromBytesStreamsAndFilesAlike(@TempDir Path dir) throws IOException {
        byte[] bytes = SpecExamplesTest.resource("/spec-examples/index-1.json");
        Path file = dir.resolve("index.json");
        Files.write(file, bytes);
        ImageIndex fromBytes = ImageJson.readIndex(bytes);
        assertThat(ImageJson.readIndex(new ByteArrayInputStream(bytes))).isEqualTo(fromBytes);
        assertThat(ImageJson.readIndex(file)).isEqualTo(fromBytes);
        assertThat(ImageJson.parse(ImageDocument.INDEX, file).bytes()).isEqualTo(bytes);
        assertThat(ImageJson.read(ImageDocument.INDEX, file)).isEqualTo(fromBytes);
        Files.write(dir.resolve("oci-layout"), ImageJson.write(ImageLayoutHeader.CURRENT));
        assertThat(ImageJson.readLayoutHeader(dir.resolve("oci-layout"))).isEqualTo(ImageLayoutHeader.CURRENT);
        assertThatThrownBy(() -> ImageJson.readIndex(dir.resolve("missing.json"))).isInstanceOf(IOException.class);
    }

    @Test
    void writesCompactUtf8() {
        ImageConfiguration c = ImageConfiguration.builder().os("linux").architecture("amd64")
                .author("Zoë <zoe@example.com> \u2603").build();
        String text = new String(ImageJson.write(c), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\n").doesNotContain(": ").contains("Zoë <zoe@example.com> \u2603");
        assertThat(ImageJson.readConfiguration(ImageJson.write(c))).isEqualTo(c);
    }

    @Test
    void sniffTellsEveryKindApart() throws IOException {
        assertThat(ImageJson.sniff(SpecExamplesTest.resource("/spec-examples/manifest-1.json"))).contains(ImageDocument.MANIFEST);
        assertThat(ImageJson.sniff(SpecExamplesTest.resource("/spec-examples/index-1.json"))).contains(ImageDocument.INDEX);
        assertThat(ImageJson.sniff(SpecExamplesTest.resource("/spec-examples/config-1.json"))).contains(ImageDocument.CONFIGURATION);
        assertThat(ImageJson.sniff(SpecExamplesTest.resource("/spec-examples/descriptor-1.json"))).contains(ImageDocument.DESCRIPTOR);
        assertThat(ImageJson.sniff(SpecExamplesTest.resource("/spec-examples/layout-1.json"))).contains(ImageDocument.LAYOUT_HEADER);
        assertThat(ImageJson.sniff(bytes("{\"mediaType\":\"application/vnd.oci.image.index.v1+json\"}")))
                .contains(ImageDocument.INDEX);
        assertThat(ImageJson.sniff(bytes("{\"schemaVersion\":1,\"fsLayers\":[]}"))).isEmpty();
        assertThatThrownBy(() -> ImageJson.sniff(bytes("[1]"))).isInstanceOf(ImageFormatException.class);
    }

    @Test
    void readBytesStopsAnEndlessStreamAtTheSizeLimit() {
        ImageJson.DocumentReader small = ImageJson.withMaxDocumentSize(1024);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        assertThatThrownBy(() -> small.readBytes(endless)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("larger than the limit of 1024 bytes");
    }

    @Test
    void readBytesStopsADeviceWhoseSizeReadsAsZero() {
        // Linux reports the size of /dev/zero as 0: a check of the size alone would read forever.
        assertThatThrownBy(() -> ImageJson.withMaxDocumentSize(4096).readBytes(Path.of("/dev/zero")))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("larger than the limit of 4096 bytes");
    }

    @Test
    void readBytesReturnsAFileUpToTheLimitAndRefusesALargerOneBeforeReadingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("index.json");
        Files.write(file, new byte[100]);
        assertThat(ImageJson.withMaxDocumentSize(100).readBytes(file)).hasSize(100);
        assertThatThrownBy(() -> ImageJson.withMaxDocumentSize(99).readBytes(file))
                .isInstanceOf(ImageFormatException.class).hasMessageContaining("found 100 bytes");
        assertThatThrownBy(() -> ImageJson.readBytes(dir)).isInstanceOf(IOException.class);
    }

    @Test
    void documentKindsHaveNamesForTheCommandLine() {
        assertThat(ImageDocument.named("manifest")).isSameAs(ImageDocument.MANIFEST);
        assertThat(ImageDocument.named("config")).isSameAs(ImageDocument.CONFIGURATION);
        assertThat(ImageDocument.named("layout-header")).isSameAs(ImageDocument.LAYOUT_HEADER);
        assertThat(ImageDocument.values()).hasSize(5);
        assertThatThrownBy(() -> ImageDocument.named("blob")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
