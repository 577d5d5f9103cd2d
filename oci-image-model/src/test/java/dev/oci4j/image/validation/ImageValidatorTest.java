package dev.oci4j.image.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageDocument;
import dev.oci4j.image.ExecutionConfig;
import dev.oci4j.image.History;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageLayoutHeader;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.ImageSchemas;
import dev.oci4j.image.ImageValidator;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.RootFs;
import dev.oci4j.validation.Severity;
import dev.oci4j.validation.ValidationReport;
import dev.oci4j.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ImageValidator's entry points: every violation at once, model overloads, report shape. */
class ImageValidatorTest {

    private static final String H1 = "sha256:" + "1".repeat(64);
    private static final String H2 = "sha256:" + "2".repeat(64);

    private static final String BROKEN_MANIFEST = """
            {
              "schemaVersion": 3,
              "mediaType": "application/vnd.oci.image.index.v1+json",
              "config": {"mediaType": "application/vnd.oci.empty.v1+json",
                         "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", "size": 2},
              "layers": [
                {"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "%s", "size": 1},
                {"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "sha256:BAD", "size": 2,
                 "data": "e30="},
                {"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "%s", "size": -3,
                 "urls": ["no uri"]}
              ],
              "annotations": {"Example/a~b": "x", "org.opencontainers.image.created": "now"}
            }
            """.formatted(H1, H2);

    @Test
    void everyViolationIsReportedTogetherInDocumentOrderEvenWithABadDigest() {
        ValidationReport report = ImageValidator.validate(ImageDocument.MANIFEST, bytes(BROKEN_MANIFEST));

        assertThat(report.violations()).extracting(Violation::pointer, Violation::ruleId).containsExactly(
                tuple("/annotations/Example~1a~0b", "annotation.key.format"),
                tuple("/annotations/org.opencontainers.image.created", "annotation.created.format"),
                tuple("/artifactType", "manifest.artifactType.required"),
                tuple("/layers/1/digest", "digest.encoding"),
                tuple("/layers/2/size", "descriptor.size.negative"),
                tuple("/layers/2/urls/0", "descriptor.urls.invalid"),
                tuple("/mediaType", "manifest.mediaType.mismatch"),
                tuple("/schemaVersion", "manifest.schemaVersion.unsupported"));
        // The broken digest was replaced to read on; its data is not compared against the stand-in.
        assertThat(report.violations("descriptor.data.digest")).isEmpty();
        assertThat(report.errors()).hasSize(6);
        assertThat(report.warnings()).hasSize(2);
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void theModelOverloadsReportWhatTheBytesOverloadReports() {
        String manifest = BROKEN_MANIFEST.replace("sha256:BAD", H1).replace("\"data\": \"e30=\"", "\"data\": \"AA==\"");
        ValidationReport fromBytes = ImageValidator.validate(ImageDocument.MANIFEST, bytes(manifest));
        ValidationReport fromModel = ImageValidator.validate(ImageJson.readManifest(bytes(manifest)));

        assertThat(fromModel).isEqualTo(fromBytes);
        assertThat(fromModel.violations("descriptor.data.size")).extracting(Violation::pointer)
                .containsExactly("/layers/1/data");
    }

    @Test
    void aDescriptorWhoseEmbeddedDataMatchesIsValid() {
        byte[] content = "{}".getBytes(StandardCharsets.UTF_8);
        Descriptor d = Descriptor.builder().mediaType(MediaType.OCI_EMPTY).digest(Digest.sha256(content))
                .size(content.length).data(content).build();

        assertThat(ImageValidator.validate(d).violations()).isEmpty();
        assertThat(ImageValidator.validate(Descriptor.EMPTY).violations()).isEmpty();
    }

    @Test
    void embeddedDataWithAnotherDigestIsAnError() {
        Descriptor d = Descriptor.builder().mediaType(MediaType.of("application/json")).digest(Digest.parse(H1))
                .size(2).data("{}".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(ImageValidator.validate(d).violations()).extracting(Violation::ruleId, Violation::pointer)
                .containsExactly(tuple("descriptor.data.digest", "/data"));
    }

    @Test
    void indexEntriesAreCheckedWithTheirPlatforms() {
        ImageIndex index = ImageIndex.builder()
                .addManifest(Descriptor.builder().mediaType(MediaType.OCI_MANIFEST).digest(Digest.parse(H1)).size(10)
                        .platform(Platform.builder().os("linux").architecture("x86_64").features(List.of("sse4"))
                                .build())
                        .build())
                .addManifest(Descriptor.builder().mediaType(MediaType.OCI_MANIFEST).digest(Digest.parse(H2)).size(10)
                        .build())
                .build();

        ValidationReport report = ImageValidator.validate(index);

        assertThat(report.violations()).extracting(Violation::pointer, Violation::ruleId, Violation::severity)
                .containsExactly(
                        tuple("/manifests/0/platform/architecture", "platform.architecture.unknown", Severity.WARNING),
                        tuple("/manifests/0/platform/features", "platform.features.reserved", Severity.WARNING),
                        tuple("/manifests/1", "index.manifests.platform.missing", Severity.WARNING));
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void aConfigurationBuiltInCodeIsCheckedFieldByFieldWithJsonKeys() {
        ImageConfiguration config = ImageConfiguration.builder()
                .architecture("amd64").os("linux").created("31 Oct 2015")
                .config(ExecutionConfig.builder().env(List.of("PATH=/bin", "=nokey", "novalue"))
                        .exposedPorts(Set.of("80/tcp", "http")).labels(Map.of("maintainer", "me")).build())
                .rootfs(RootFs.builder().type("layers").diffIds(List.of(Digest.parse(H1))).build())
                .history(List.of(History.builder().created("2015-13-01T00:00:00Z").build(),
                        History.builder().emptyLayer(false).build()))
                .build();

        ValidationReport report = ImageValidator.validate(config);

        assertThat(report.violations()).extracting(Violation::pointer, Violation::ruleId).containsExactly(
                tuple("/config/Env/1", "config.env.format"),
                tuple("/config/Env/2", "config.env.format"),
                tuple("/config/ExposedPorts/http", "config.exposedPorts.format"),
                tuple("/config/Labels/maintainer", "annotation.key.format"),
                tuple("/created", "config.created.format"),
                tuple("/history", "config.history.layerCount"),
                tuple("/history/0/created", "config.history.created.format"));
    }

    @Test
    void aLayoutHeaderMustBeVersion100() {
        assertThat(ImageValidator.validate(ImageLayoutHeader.CURRENT).isValid()).isTrue();

        ValidationReport report = ImageValidator.validate(ImageLayoutHeader.of("1.1.0"));

        assertThat(report.errors()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("layout.imageLayoutVersion.unsupported");
            assertThat(v.pointer()).isEqualTo("/imageLayoutVersion");
            assertThat(v.message()).isEqualTo("expected imageLayoutVersion \"1.0.0\", found \"1.1.0\"");
            assertThat(v.specSection()).isEqualTo("image-layout.md#oci-layout-file");
        });
    }

    @Test
    void aDockerManifestIsAValidDocumentOfItsOwnKindAndItsContentIsChecked() {
        // Registries serve Docker v2 schema 2 manifests and a pull keeps them byte for byte (issue 11),
        // so the Docker mediaType is no mismatch; what the manifest holds is checked as before.
        String docker = """
                {"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                 "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1, "digest": "%s"},
                 "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": %d, "digest": "%s"}]}
                """;

        assertThat(ImageValidator.validate(ImageDocument.MANIFEST, bytes(docker.formatted(H1, 1, H2))).violations()).isEmpty();
        assertThat(ImageValidator.validate(ImageDocument.MANIFEST, bytes(docker.formatted(H1, -1, H2))).violations())
                .extracting(Violation::pointer).containsExactly("/layers/0/size");
    }

    @Test
    void anImageManifestWithForeignLayerTypesIsValidButNotPortable() {
        ImageManifest m = ImageManifest.builder()
                .config(Descriptor.of(MediaType.OCI_CONFIG, Digest.parse(H1), 100))
                .addLayer(Descriptor.of(MediaType.DOCKER_LAYER_TAR_GZIP, Digest.parse(H2), 100))
                .build();

        ValidationReport report = ImageValidator.validate(m);

        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).extracting(Violation::ruleId, Violation::pointer)
                .containsExactly(tuple("manifest.layers.mediaType.nonportable", "/layers/0/mediaType"));
        ImageSchemas.assertValid(ImageDocument.MANIFEST, ImageJson.write(m));
    }

    @Test
    void theReportReadsAsOneLinePerViolationErrorsFirst() {
        ValidationReport report = ImageValidator.validate(ImageDocument.MANIFEST, bytes(BROKEN_MANIFEST));

        assertThat(report.toString().lines().toList()).first()
                .isEqualTo("invalid: 6 error(s), 2 warning(s)");
        assertThat(report.toString()).contains("  ERROR   /layers/2/size: expected a size in bytes >= 0, found -3"
                + " [descriptor.size.negative]", "  WARNING /annotations/Example~1a~0b: ");
        assertThat(ValidationReport.valid().toString()).isEqualTo("valid");
    }

    @Test
    void malformedJsonIsOneViolationAtTheRoot() {
        ValidationReport report = ImageValidator.validate(ImageDocument.INDEX, bytes("{\"schemaVersion\": 2,"));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("json.malformed");
            assertThat(v.pointer()).isEmpty();
            assertThat(v.message()).contains("line 1, column");
            assertThat(v.toString()).startsWith("(root): malformed JSON");
        });
    }

    @Test
    void aDocumentOverTheSizeLimitIsOneSizeError() {
        byte[] huge = bytes("{\"imageLayoutVersion\":\"1.0.0\",\"x\":\"" + "a".repeat(4 * 1024 * 1024) + "\"}");
        assertThat(ImageValidator.validate(ImageDocument.LAYOUT_HEADER, huge).violations())
                .extracting(Violation::ruleId, Violation::pointer).containsExactly(tuple("json.size", ""));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
