package dev.oci4j.image.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.ImageJson;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layout.ImageLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helpers a new user reaches for first: tags, unpack by name, indented JSON. */
class FirstHelpersTest {

    @TempDir
    Path tmp;
    Path rootfs;

    @BeforeEach
    void tree() throws Exception {
        rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        Files.writeString(rootfs.resolve("hello"), "hi");
    }

    @Test
    void tagsMapsEachRefNameToItsEntry() throws Exception {
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        BuiltImage v1 = ImageBuilder.fromScratch().addLayer(rootfs).writeTo(layout, "v1");
        layout.tag("latest", v1.manifestDescriptor());
        assertThat(layout.tags()).containsOnlyKeys("v1", "latest");
        assertThat(layout.tags().get("latest").digest()).isEqualTo(v1.manifestDescriptor().digest());
    }

    @Test
    void unpackByNameUsesTheHostPlatform() throws Exception {
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        ImageBuilder.fromScratch().addLayer(rootfs).writeTo(layout, "app");
        Path out = tmp.resolve("out");
        ImageUnpacker.unpack(layout, "app", out);
        assertThat(out.resolve("hello")).hasContent("hi");
    }

    @Test
    void unpackingAnIndexWithoutTheWantedPlatformNamesThePlatformsItHas() throws Exception {
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        Platform other = Platform.host().architecture().equals("s390x") ? Platform.parse("linux/ppc64le")
                : Platform.parse("linux/s390x");
        MultiPlatformBuilder.create().add(ImageBuilder.fromScratch().platform(other).addLayer(rootfs))
                .writeTo(layout, "multi");
        assertThatThrownBy(() -> ImageUnpacker.unpack(layout, "multi", tmp.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no manifest for platform " + Platform.host().format())
                .hasMessageContaining("it has: " + other.format());
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownNameListsTheNamesTheLayoutHas() throws Exception {
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        ImageBuilder.fromScratch().addLayer(rootfs).writeTo(layout, "app");
        assertThatThrownBy(() -> ImageUnpacker.unpack(layout, "nope", tmp.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no image named \"nope\"").hasMessageContaining("it has: app");
    }

    @Test
    void imageDocumentsAreWrittenIndentedAsGoMarshalIndent() throws Exception {
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        BuiltImage image = ImageBuilder.fromScratch().addLayer(rootfs).writeTo(layout, "app");
        String text = new String(ImageJson.writeIndented(image.manifest()), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n\t\"schemaVersion\": 2,\n");
        assertThat(ImageJson.readManifest(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(image.manifest());
    }

    @Test
    void buildsAreReproducibleByDefaultWhenAFileIsTouched() throws Exception {
        Path file = rootfs.resolve("hello");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        BuiltImage a = ImageBuilder.fromScratch().addLayer(rootfs).write(ImageLayout.create(tmp.resolve("a")));
        BuiltImage realA = ImageBuilder.fromScratch().preserveFileTimes(true).addLayer(rootfs)
                .write(ImageLayout.create(tmp.resolve("ra")));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2024-06-01T00:00:00Z")));
        BuiltImage b = ImageBuilder.fromScratch().addLayer(rootfs).write(ImageLayout.create(tmp.resolve("b")));
        BuiltImage realB = ImageBuilder.fromScratch().preserveFileTimes(true).addLayer(rootfs)
                .write(ImageLayout.create(tmp.resolve("rb")));
        assertThat(b.manifestDescriptor().digest()).isEqualTo(a.manifestDescriptor().digest());
        assertThat(realB.manifestDescriptor().digest()).isNotEqualTo(realA.manifestDescriptor().digest());
    }
}
