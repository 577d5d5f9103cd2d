package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our own output, byte for byte: key order of the Go reference types, omitempty as their tags say,
 * sorted map keys, compact UTF-8. Every golden document also passes the official schema.
 * Run with {@code -Doci4j.updateGolden=src/test/resources/golden} to rewrite the files after a deliberate change.
 */
class GoldenFilesTest {

    private static final Digest CONFIG = Digest.parse("sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7");
    private static final Digest LAYER1 = Digest.parse("sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0");
    private static final Digest LAYER2 = Digest.parse("sha256:3c3a4604a545cdc127456d94e421cd355bca5b528f4a9c1905b15da2eb4a4c6b");
    private static final Digest MANIFEST = Digest.parse("sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270");
    private static final Digest DIFF1 = Digest.parse("sha256:c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1");
    private static final Digest DIFF2 = Digest.parse("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");

    static ImageManifest imageManifest() {
        return ImageManifest.builder()
                .config(Descriptor.of(MediaType.OCI_CONFIG, CONFIG, 7023))
                .addLayer(Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, LAYER1, 32654))
                .addLayer(Descriptor.builder().mediaType(MediaType.OCI_LAYER_TAR_ZSTD).digest(LAYER2).size(16724)
                        .urls(List.of("https://mirror.example.com/layer2"))
                        .annotations(Map.of(Annotations.TITLE, "layer two", "com.example.b", "2", "com.example.a", "1"))
                        .build())
                .putAnnotation(Annotations.CREATED, "2026-01-02T03:04:05Z")
                .putAnnotation(Annotations.SOURCE, "https://example.com/src.git")
                .build();
    }

    static ImageManifest artifactManifest() {
        return ImageManifest.builder()
                .artifactType(MediaType.of("application/vnd.example.sbom.v1+json"))
                .config(Descriptor.EMPTY)
                .layers(List.of(Descriptor.of(MediaType.of("application/spdx+json"), "{}".getBytes(StandardCharsets.UTF_8))
                        .toBuilder().data("{}".getBytes(StandardCharsets.UTF_8)).build()))
                .subject(Descriptor.of(MediaType.OCI_MANIFEST, MANIFEST, 7682))
                .build();
    }

    static ImageIndex index() {
        return ImageIndex.builder()
                .addManifest(Descriptor.builder().mediaType(MediaType.OCI_MANIFEST).digest(MANIFEST).size(7682)
                        .platform(Platform.parse("linux/amd64")).build())
                .addManifest(Descriptor.builder().mediaType(MediaType.OCI_MANIFEST).digest(LAYER1).size(7143)
                        .platform(Platform.builder().os("windows").architecture("arm64").variant("v8")
                                .osVersion("10.0.17763.1879").osFeatures(List.of("win32k")).build())
                        .putAnnotation(Annotations.REF_NAME, "v1.0")
                        .build())
                .putAnnotation("com.example.index.revision", "r124356")
                .build();
    }

    static ImageConfiguration configuration() {
        return ImageConfiguration.builder()
                .created(Instant.parse("2015-10-31T22:22:56.015925234Z"))
                .author("Alyssa P. Hacker <alyspdev@example.com>")
                .platform(Platform.parse("linux/arm64/v8"))
                .config(ExecutionConfig.builder()
                        .user("alice")
                        .exposedPorts(Set.of("8080/tcp", "53/udp"))
                        .env(List.of("PATH=/usr/bin:/bin", "FOO=oci_is_a"))
                        .entrypoint(List.of("/bin/my-app-binary"))
                        .cmd(List.of("--foreground", "--config", "/etc/my-app.d/default.cfg"))
                        .volumes(Set.of("/var/log/my-app-logs", "/var/job-result-data"))
                        .workingDir("/home/alice")
                        .labels(Map.of("com.example.project.git.url", "https://example.com/project.git",
                                "com.example.project.git.commit", "45a939b2999782a3f005621a8d0f29aa387e1d6b"))
                        .stopSignal("SIGTERM")
                        .build())
                .rootfs(RootFs.of(List.of(DIFF1, DIFF2)))
                .addHistory(History.builder().created("2015-10-31T22:22:54.690851953Z")
                        .createdBy("/bin/sh -c #(nop) ADD file:a3bc1e842b in /").build())
                .addHistory(History.builder().created(Instant.parse("2015-10-31T22:22:55Z"))
                        .createdBy("/bin/sh -c #(nop) CMD [\"sh\"]").emptyLayer(true).build())
                .addHistory(History.builder().createdBy("/bin/sh -c apk add curl").author("alice").comment("curl").build())
                .build();
    }

    @Test
    void imageManifest_() throws IOException {
        check("manifest-image.json", ImageDocument.MANIFEST, imageManifest());
    }

    @Test
    void artifactManifestWithEmptyConfigDataAndSubject() throws IOException {
        check("manifest-artifact.json", ImageDocument.MANIFEST, artifactManifest());
    }

    @Test
    void manifestWithoutLayersWritesAnEmptyLayersArray() throws IOException {
        ImageManifest m = ImageManifest.builder().artifactType(MediaType.of("application/vnd.example+type"))
                .config(Descriptor.EMPTY).build();
        check("manifest-no-layers.json", ImageDocument.MANIFEST, m);
        assertThat(new String(ImageJson.write(m), StandardCharsets.UTF_8)).contains("\"layers\":[]");
    }

    @Test
    void indexWithPlatforms() throws IOException {
        check("index.json", ImageDocument.INDEX, index());
    }

    @Test
    void emptyIndexWritesAnEmptyManifestsArray() throws IOException {
        check("index-empty.json", ImageDocument.INDEX, ImageIndex.builder().build());
    }

    @Test
    void configurationWithEverySpecMember() throws IOException {
        check("configuration.json", ImageDocument.CONFIGURATION, configuration());
    }

    @Test
    void minimalConfigurationWritesConfigRootfsAndDiffIdsAsGoDoes() throws IOException {
        check("configuration-minimal.json", ImageDocument.CONFIGURATION,
                ImageConfiguration.builder().os("linux").architecture("amd64").build());
    }

    @Test
    void emptyDescriptor() throws IOException {
        check("descriptor-empty.json", ImageDocument.DESCRIPTOR, Descriptor.EMPTY);
    }

    @Test
    void layoutHeader() throws IOException {
        check("layout-header.json", ImageDocument.LAYOUT_HEADER, ImageLayoutHeader.CURRENT);
    }

    private static <T> void check(String name, ImageDocument<T> kind, T value) throws IOException {
        byte[] actual = ImageJson.encode(kind, value).bytes();
        String update = System.getProperty("oci4j.updateGolden");
        if (update != null) {
            Files.createDirectories(Path.of(update));
            Files.write(Path.of(update, name), actual);
        }
        byte[] expected;
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            expected = in.readAllBytes();
        }
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        ImageSchemas.assertValid(kind, actual);
        assertThat(ImageJson.parse(kind, actual).value()).isEqualTo(value);
    }
}
