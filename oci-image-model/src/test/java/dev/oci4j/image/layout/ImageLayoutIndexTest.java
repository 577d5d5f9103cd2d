package dev.oci4j.image.layout;

import dev.oci4j.image.Annotations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLayoutIndexTest {

    @TempDir
    Path dir;

    @Test
    void aTagIsAnIndexEntryWithTheRefNameAnnotation() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor manifest = TestImages.writeImage(layout, "hi");
        Descriptor tagged = layout.tag("v1.0.0-vendor.0", manifest);
        assertThat(tagged.annotations()).containsEntry("org.opencontainers.image.ref.name", "v1.0.0-vendor.0");
        assertThat(ImageLayout.open(dir).resolve("v1.0.0-vendor.0")).contains(tagged);
        assertThat(Files.readString(dir.resolve("index.json")))
                .contains("\"org.opencontainers.image.ref.name\":\"v1.0.0-vendor.0\"");
    }

    @Test
    void tagsThatShareADigestBothSurvive() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor manifest = TestImages.writeImage(layout, "hi");
        layout.tag("latest", manifest);
        layout.tag("1.0", manifest);
        assertThat(layout.index().manifests()).hasSize(2);
        assertThat(layout.resolve("latest")).isPresent();
        assertThat(layout.resolve("1.0")).isPresent();
    }

    @Test
    void retaggingReplacesOnlyTheEntryWithThatName() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor one = TestImages.writeImage(layout, "one");
        Descriptor two = TestImages.writeImage(layout, "two");
        layout.tag("a", one);
        layout.tag("b", one);
        layout.tag("a", two);
        assertThat(layout.index().manifests()).extracting(d -> d.annotations().get(Annotations.REF_NAME))
                .containsExactly("a", "b");
        assertThat(layout.resolve("a").orElseThrow().digest()).isEqualTo(two.digest());
        assertThat(layout.resolve("b").orElseThrow().digest()).isEqualTo(one.digest());
    }

    @Test
    void untagAndRemoveDropEntriesButNotBlobs() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor one = TestImages.writeImage(layout, "one");
        layout.tag("a", one);
        layout.tag("b", one);
        assertThat(layout.untag("a")).isTrue();
        assertThat(layout.untag("a")).isFalse();
        assertThat(layout.resolve("b")).isPresent();
        assertThat(layout.remove(one.digest())).isEqualTo(1);
        assertThat(layout.index().manifests()).isEmpty();
        assertThat(layout.hasBlob(one.digest())).isTrue();
    }

    @Test
    void refNamesFollowTheAnnotationGrammar() throws IOException {
        assertThat(RefName.isValid("example.com/app:v1")).isTrue();
        assertThat(RefName.isValid("a--b")).isTrue();
        assertThat(RefName.isValid("2.0.0-debug")).isTrue();
        assertThat(RefName.isValid("-x")).isFalse();
        assertThat(RefName.isValid("a..b")).isFalse();
        assertThat(RefName.isValid("a/")).isFalse();
        assertThat(RefName.isValid("")).isFalse();
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor one = TestImages.writeImage(layout, "one");
        assertThatThrownBy(() -> layout.tag("bad tag", one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad tag");
    }

    @Test
    void unknownMembersOfIndexJsonSurviveATag() throws IOException {
        ImageLayout.create(dir);
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
                + "e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f\",\"size\":7143,"
                + "\"x-entry\":{\"k\":1}}],\"x-top\":[true]}");
        ImageLayout layout = ImageLayout.open(dir);
        layout.tag("t", TestImages.writeImage(layout, "x"));
        String json = Files.readString(dir.resolve("index.json"));
        assertThat(json).contains("\"x-entry\":{\"k\":1}", "\"x-top\":[true]");
    }

    @Test
    void nestedIndexesResolveToTheManifestForAPlatform() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor amd = TestImages.writeImage(layout, "amd64");
        Descriptor arm = TestImages.writeImage(layout, "arm64");
        Descriptor inner = layout.writeIndex(ImageIndex.builder()
                .addManifest(amd.toBuilder().platform(Platform.of("linux", "amd64")).build())
                .addManifest(arm.toBuilder().platform(Platform.of("linux", "arm64")).build())
                .build());
        Descriptor outer = layout.writeIndex(ImageIndex.builder().addManifest(inner).build());
        layout.tag("multi", outer);
        // The outer entry has no platform, so only a nested index with matching entries helps.
        assertThat(layout.resolveManifest("multi", Platform.of("linux", "arm64"))).isEmpty();
        layout.tag("multi", inner);
        assertThat(layout.resolveManifest("multi", Platform.of("linux", "arm64")).orElseThrow().digest())
                .isEqualTo(arm.digest());
        assertThat(layout.resolveManifest("multi", Platform.of("linux", "s390x"))).isEmpty();
        assertThat(layout.resolveManifest("absent", Platform.of("linux", "amd64"))).isEmpty();
        assertThat(layout.verify().problems()).isEmpty();
    }

    @Test
    void openNamesTheBrokenFile() throws IOException {
        assertThatThrownBy(() -> ImageLayout.open(dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("oci-layout").hasMessageContaining("missing");
        ImageLayout.create(dir);
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":2}");
        assertThatThrownBy(() -> ImageLayout.open(dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("oci-layout /imageLayoutVersion");
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"size\":\"x\"}]}");
        assertThatThrownBy(() -> ImageLayout.open(dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("index.json /manifests/0");
        Files.delete(dir.resolve("index.json"));
        assertThatThrownBy(() -> ImageLayout.open(dir)).isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("index.json").hasMessageContaining("missing");
    }

    @Test
    void writeJsonKeepsTheExactBytes() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        byte[] json = "{ \"b\": 1,\n  \"a\": 2 }".getBytes(StandardCharsets.UTF_8);
        Descriptor d = layout.writeJson(MediaType.of("application/vnd.example+json"), json);
        assertThat(layout.blobPath(d.digest())).hasBinaryContent(json);
        assertThat(d.size()).isEqualTo(json.length);
    }
}
