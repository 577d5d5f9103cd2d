package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Docker image manifest v2 schema 2 documents, as pulled from Docker Hub, read like their OCI counterparts. */
class DockerDocumentsTest {


    private static byte[] docker(String name) throws IOException {
        try (InputStream in = DockerDocumentsTest.class.getResourceAsStream("/docker/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aDockerManifestListReadsAsAnIndexAndKeepsItsMediaTypeAndDigest() throws IOException {
        byte[] bytes = docker("manifest-list-1.json");
        assertThat(ImageJson.sniff(bytes)).contains(ImageDocument.INDEX);
        Parsed<ImageIndex> p = ImageJson.parse(ImageDocument.INDEX, bytes);
        ImageIndex index = p.value();
        assertThat(p.digest()).hasToString("sha256:4ffd0883f25635999f04ea543240a27c9a4341979ff7d46a9774f71512eebb1f");
        assertThat(index.mediaType()).contains(MediaType.DOCKER_MANIFEST_LIST);
        assertThat(index.mediaType().orElseThrow().isIndex()).isTrue();
        assertThat(index.manifests()).hasSize(5)
                .allSatisfy(d -> assertThat(d.mediaType()).contains(MediaType.DOCKER_MANIFEST));
        assertThat(index.firstMatching(Platform.parse("linux/arm")).orElseThrow().digest())
                .hasToString("sha256:07ebe243465ef4a667b78154ae6c3ea46fdb1582936aac3ac899ea311a701b40");
        assertThat(index.firstMatching(Platform.parse("linux/aarch64")).orElseThrow().size()).isEqualTo(2090);
        assertThat(p.descriptor().mediaType()).contains(MediaType.DOCKER_MANIFEST_LIST);
        assertThat(p.descriptor().size()).isEqualTo(bytes.length);
        assertThat(SpecExamplesTest.tree(ImageJson.write(index))).isEqualTo(SpecExamplesTest.tree(bytes));
    }

    @Test
    void aDockerManifestReadsAsAManifest() throws IOException {
        byte[] bytes = docker("manifest-1.json");
        assertThat(ImageJson.sniff(bytes)).contains(ImageDocument.MANIFEST);
        Parsed<ImageManifest> p = ImageJson.parse(ImageDocument.MANIFEST, bytes);
        assertThat(p.digest()).hasToString("sha256:888206c77cd2811ec47e752ba291e5b7734e3ef137dfd222daadaca39a9f17bc");
        ImageManifest m = p.value();
        assertThat(m.schemaVersion()).isEqualTo(2);
        assertThat(m.mediaType()).contains(MediaType.DOCKER_MANIFEST);
        assertThat(m.mediaType().orElseThrow().isManifest()).isTrue();
        assertThat(m.layers()).isNotEmpty()
                .allSatisfy(l -> assertThat(l.mediaType()).contains(MediaType.DOCKER_LAYER_TAR_GZIP));
        assertThat(p.descriptor()).isEqualTo(Descriptor.of(MediaType.DOCKER_MANIFEST, p.digest(), bytes.length));
        assertThat(SpecExamplesTest.tree(ImageJson.write(m))).isEqualTo(SpecExamplesTest.tree(bytes));
    }

    @Test
    void dockerImageConfigsReadAsConfigurationsKeepingDockerMembers() throws IOException {
        byte[] bytes = docker("config-1.json");
        assertThat(ImageJson.sniff(bytes)).contains(ImageDocument.CONFIGURATION);
        Parsed<ImageConfiguration> p = ImageJson.parse(ImageDocument.CONFIGURATION, bytes);
        assertThat(p.digest()).hasToString("sha256:a059ea7356d5b5a9e0f6352bfa463e7bd4721c2ade3ef168603826e0de6fe54b");
        ImageConfiguration c = p.value();
        assertThat(c.platform().format()).isEqualTo("linux/amd64");
        assertThat(c.config().entrypoint()).containsExactly("docker-entrypoint.sh");
        assertThat(c.config().cmd()).containsExactly("sh");
        assertThat(c.config().extensions()).containsKeys("Hostname", "Image", "OnBuild");
        assertThat(c.extensions()).containsKeys("container", "container_config", "docker_version");
        assertThat(c.rootfs().diffIds()).hasSize(4);
        assertThat(c.history()).hasSize(9);
        assertThat(c.history().stream().filter(History::emptyLayer).count()).isEqualTo(5);
        assertThat(c.created()).contains("2016-10-10T23:04:00.821781828Z");
        assertThat(c.createdTime()).contains(OffsetDateTime.of(2016, 10, 10, 23, 4, 0, 821781828, ZoneOffset.UTC));
    }

    @Test
    void dockerNullsMeanAbsentAndEmptyDockerFieldsAreLeftOut() throws IOException {
        // "Cmd": null, "Entrypoint": null, "User": "" as Docker writes them.
        ImageConfiguration c = ImageJson.readConfiguration(docker("config-2.json"));
        assertThat(c.config().cmd()).isEmpty();
        assertThat(c.config().entrypoint()).isEmpty();
        assertThat(c.author()).contains("Patrick Uiterwijk <patrick@puiterwijk.org>");
        assertThat(c.config().user()).contains("");
        var config = SpecExamplesTest.tree(ImageJson.write(c)).path("config");
        assertThat(config.has("Cmd")).isFalse();
        assertThat(config.has("Entrypoint")).isFalse();
        assertThat(config.has("Labels")).as("an empty map is omitempty").isFalse();
        assertThat(config.path("User").asText("x")).isEmpty();
        // Unknown members are kept verbatim, nulls included.
        assertThat(config.get("OnBuild").isNull()).isTrue();
    }

    @Test
    void dockerManifestsAndManifestListsAreValidDocumentsOfTheirOwnKind() throws IOException {
        for (String name : new String[] {"manifest-list-1.json", "manifest-1.json"}) {
            byte[] bytes = docker(name);
            assertThat(ImageValidator.validate(ImageJson.sniff(bytes).orElseThrow(), bytes).violations()).as(name).isEmpty();
        }
    }

    @Test
    void aManifestListEntryWithoutPlatformIsWarnedAbout() throws IOException {
        String list = new String(docker("manifest-list-1.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst(",\\s*\"platform\"\\s*:\\s*\\{[^}]*\\}", "");
        assertThat(ImageValidator.validate(ImageDocument.INDEX, list.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .violations()).extracting(Violation::ruleId).containsExactly("index.manifests.platform.missing");
    }

    @Test
    void anotherMediaTypeIsStillAMismatchNamingBothAccepted() {
        byte[] bytes = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.example+json\",\"manifests\":[]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ImageValidator.validate(ImageDocument.INDEX, bytes).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains(MediaType.OCI_INDEX.toString())
                        .contains(MediaType.DOCKER_MANIFEST_LIST.toString()));
    }
}
