package dev.oci4j.image.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyTest {

    @TempDir
    Path dir;

    private ImageLayout layout;
    private Descriptor manifest;
    private ImageManifest parsed;

    @BeforeEach
    void writeAnImage() throws IOException {
        layout = ImageLayout.create(dir);
        manifest = layout.tag("app", TestImages.writeImage(layout, "hello"));
        parsed = layout.parseManifest(manifest).value();
    }

    @Test
    void aLayoutWrittenThroughTheApiVerifiesClean() throws IOException {
        LayoutVerification v = layout.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.isValid()).isTrue();
        assertThat(v.blobsChecked()).isEqualTo(3);
    }

    @Test
    void aMissingLayerIsReportedWithItsDescriptorPath() throws IOException {
        Digest layer = parsed.layers().get(0).digest();
        Files.delete(layout.blobPath(layer));
        LayoutVerification v = layout.verify();
        assertThat(v.isValid()).isFalse();
        assertThat(v.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("index.json /manifests/0 -> " + manifest.digest() + " /layers/0");
            assertThat(p.message()).contains(layer + " is missing");
        });
    }

    @Test
    void aBlobOfTheWrongSizeIsReported() throws IOException {
        Descriptor config = parsed.config();
        Files.write(layout.blobPath(config.digest()), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(layout.verify().errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("index.json /manifests/0 -> " + manifest.digest() + " /config");
            assertThat(p.message()).contains("size " + config.size() + ", file has 2 bytes");
        });
    }

    @Test
    void aBlobWithTheRightSizeButOtherContentIsReported() throws IOException {
        Path file = layout.blobPath(parsed.layers().get(0).digest());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;  // the gzip trailer's size field: still decompresses until the end
        Files.write(file, bytes);
        assertThat(layout.verify().errors()).anySatisfy(p -> {
            assertThat(p.path()).endsWith("/layers/0");
            assertThat(p.message()).contains("has digest sha256:", "expected " + parsed.layers().get(0).digest());
        });
    }

    @Test
    void aLayerThatDoesNotDecompressToItsDiffIdIsReported() throws IOException {
        byte[] tar = TestImages.tar("hello.txt", "hello");
        Blob layer = layout.writeBlob(TestImages.gzip(tar));
        Digest wrong = Digest.sha256(TestImages.tar("hello.txt", "other"));
        Descriptor config = layout.writeJson(MediaType.OCI_CONFIG, TestImages.config(wrong));
        Descriptor bad = layout.writeManifest(ImageManifest.builder().config(config)
                .addLayer(Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, layer.digest(), layer.size())).build());
        layout.tag("bad", bad);
        assertThat(layout.verify().errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("index.json /manifests/1 -> " + bad.digest() + " /layers/0");
            assertThat(p.message()).contains("has digest " + Digest.sha256(tar), "/rootfs/diff_ids/0 is " + wrong);
        });
    }

    @Test
    void aMissingManifestAndAnUnparsableConfigAreBothReported() throws IOException {
        Descriptor config = parsed.config();
        byte[] notJson = new byte[(int) config.size()];
        java.util.Arrays.fill(notJson, (byte) 'x');
        // Same size, other content: the digest check catches it before parsing is attempted.
        Files.write(layout.blobPath(config.digest()), notJson);
        layout.tag("ghost", Descriptor.of(MediaType.OCI_MANIFEST, Digest.sha256(new byte[] {1}), 1));
        LayoutVerification v = layout.verify();
        assertThat(v.errors()).hasSize(2);
        assertThat(v.errors().get(0).path()).endsWith("/config");
        assertThat(v.errors().get(1).path()).isEqualTo("index.json /manifests/1");
        assertThat(v.errors().get(1).message()).contains("is missing");
    }

    @Test
    void aMediaTypeThatLiesAboutCompressionIsReported() throws IOException {
        byte[] tar = TestImages.tar("a", "b");
        Blob layer = layout.writeBlob(tar);
        Descriptor config = layout.writeJson(MediaType.OCI_CONFIG, TestImages.config(Digest.sha256(tar)));
        layout.tag("liar", layout.writeManifest(ImageManifest.builder().config(config)
                .addLayer(Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, layer.digest(), layer.size())).build()));
        assertThat(layout.verify().errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("says gzip but the content is not compressed"));
    }

    @Test
    void aManifestThatBreaksAMustOfTheSpecIsReportedByTheValidator() throws IOException {
        Descriptor config = parsed.config();
        byte[] json = ("{\"schemaVersion\":3,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"" + config.mediaType().orElseThrow() + "\",\"digest\":\""
                + config.digest() + "\",\"size\":" + config.size() + "},\"layers\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        Descriptor bad = layout.tag("v3", layout.writeJson(MediaType.OCI_MANIFEST, json));
        assertThat(layout.verify().errors()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("index.json /manifests/1 -> " + bad.digest() + " /schemaVersion");
            assertThat(p.message()).contains("2");
        });
    }

    @Test
    void embeddedDataThatDoesNotMatchItsDigestIsReported() throws IOException {
        Descriptor withData = manifest.toBuilder().data("{}".getBytes(StandardCharsets.UTF_8)).build();
        layout.tag("app", withData);
        assertThat(layout.verify().errors()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("index.json /manifests/0 /data");
            assertThat(p.message()).contains("does not match");
        });
    }

    @Test
    void everyBlobMustMatchItsNameEvenWhenNothingReferencesIt() throws IOException {
        Blob stray = layout.writeBlob("stray".getBytes(StandardCharsets.UTF_8));
        Files.write(layout.blobPath(stray.digest()), "STRAY".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("blobs/sha256/not-a-digest"), new byte[1]);
        LayoutVerification v = layout.verify();
        assertThat(v.errors()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("blobs/sha256/" + stray.digest().encoded() + " (unreferenced)");
            assertThat(p.message()).contains("expected " + stray.digest());
        });
        assertThat(v.warnings()).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("blobs/sha256/not-a-digest"));
    }

    @Test
    void anArtifactWithTheEmptyConfigAndASubjectVerifiesCleanAndSurvivesGc() throws IOException {
        layout.writeJson(MediaType.OCI_EMPTY, "{}".getBytes(StandardCharsets.UTF_8));
        Blob sbom = layout.writeBlob("{\"sbom\":true}".getBytes(StandardCharsets.UTF_8));
        Descriptor artifact = layout.writeManifest(ImageManifest.builder()
                .artifactType(MediaType.of("application/vnd.example.sbom.v1"))
                .config(Descriptor.EMPTY)
                .addLayer(Descriptor.of(MediaType.of("application/vnd.example.sbom.v1+json"), sbom.digest(), sbom.size()))
                .subject(manifest.toBuilder().annotations(java.util.Map.of()).build())
                .build());
        layout.updateIndex(i -> i.toBuilder().addManifest(artifact).build());
        LayoutVerification v = layout.verify();
        assertThat(v.errors()).isEmpty();
        assertThat(layout.gc().removedBlobs()).isEmpty();
        assertThat(layout.hasBlob(sbom.digest())).isTrue();
    }
}
