package dev.oci4j.image.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestMismatchException;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layer.Compression;
import dev.oci4j.image.layer.LayerEntry;
import dev.oci4j.image.layout.ImageLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build stores in a layout: exactly the blobs its manifest names, and nothing when an input is bad. */
class BuildIntoLayoutTest {

    private static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000);
    private static final byte[] HI = "hi".getBytes(StandardCharsets.UTF_8);
    private static final Platform AMD64 = Platform.parse("linux/amd64");

    @TempDir
    Path tmp;
    Path rootfs;

    @BeforeEach
    void tree() throws IOException {
        rootfs = tmp.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/os-release"), "NAME=test\n");
        Files.createDirectories(tmp.resolve("extra/opt"));
    }

    private ImageBuilder simple() {
        return ImageBuilder.fromScratch().platform(AMD64).sourceDateEpoch(EPOCH).addLayer(rootfs).cmd("/bin/true");
    }

    @Test
    void everyDescriptorInABuiltManifestNamesTheStoredFileByItsActualDigestAndSize() throws IOException {
        for (Compression c : Compression.values()) {
            ImageLayout layout = ImageLayout.create(tmp.resolve("l-" + c));
            ImageLayout baseLayout = ImageLayout.create(tmp.resolve("base-" + c));
            simple().compression(c).writeTo(baseLayout, "base");
            BuiltImage image = ImageBuilder.from(baseLayout, "base").compression(c).sourceDateEpoch(EPOCH)
                    .addLayer(rootfs)
                    .addFile(rootfs.resolve("etc/os-release"), "/usr/lib/os-release")
                    .addEntries(List.of(LayerEntry.file("hello", 2, () -> new ByteArrayInputStream(HI))))
                    .addDiff(rootfs, tmp.resolve("extra"))
                    .writeTo(layout, "v1");

            List<Descriptor> described = new ArrayList<>(image.manifest().layers());
            described.add(image.configDescriptor());
            described.add(image.manifestDescriptor());
            assertThat(image.manifest().layers()).as(c.name()).hasSize(5);
            for (Descriptor d : described) {
                Path stored = layout.blobPath(d.digest());
                assertThat(Digest.sha256(stored)).as(c + " " + d).isEqualTo(d.digest());
                assertThat(Files.size(stored)).as(c + " " + d).isEqualTo(d.size());
            }
        }
    }

    @Test
    void aBaseLayerTheTargetAlreadyHoldsIsNotReadFromTheBaseLayoutAgain() throws IOException {
        ImageLayout baseLayout = ImageLayout.create(tmp.resolve("base"));
        BuiltImage base = simple().writeTo(baseLayout, "base");
        ImageLayout target = ImageLayout.create(tmp.resolve("target"));
        ImageBuilder.from(baseLayout, "base").sourceDateEpoch(EPOCH).cmd("/bin/one").writeTo(target, "one");

        // Same size, other bytes: reading this blob would fail verification, so a build that succeeds
        // never opened it. The target's copy is intact and is all the build needs.
        Descriptor layer = base.manifest().layers().get(0);
        corrupt(baseLayout.blobPath(layer.digest()));

        BuiltImage two = ImageBuilder.from(baseLayout, "base").sourceDateEpoch(EPOCH).cmd("/bin/two")
                .writeTo(target, "two");
        assertThat(two.manifest().layers()).containsExactly(layer);
        assertThat(target.verify().problems()).isEmpty();
    }

    @Test
    void aBaseLayerThatDoesNotMatchItsDigestIsRefusedAndNotStored() throws IOException {
        ImageLayout baseLayout = ImageLayout.create(tmp.resolve("base"));
        BuiltImage base = simple().writeTo(baseLayout, "base");
        Descriptor layer = base.manifest().layers().get(0);
        corrupt(baseLayout.blobPath(layer.digest()));
        ImageLayout target = ImageLayout.create(tmp.resolve("target"));

        assertThatThrownBy(() -> ImageBuilder.from(baseLayout, "base").cmd("/bin/one").writeTo(target, "one"))
                .isInstanceOf(DigestMismatchException.class);
        assertThat(target.hasBlob(layer.digest())).isFalse();
        assertThat(target.index().manifests()).isEmpty();
    }

    @Test
    void aBadTagIsRefusedBeforeAnyBlobIsWritten() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        List<Path> before = everything(layout.root());

        assertThatThrownBy(() -> simple().writeTo(layout, "bad tag!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"bad tag!\"");
        assertThatThrownBy(() -> MultiPlatformBuilder.create().add(simple()).writeTo(layout, "bad tag!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"bad tag!\"");
        assertThatThrownBy(() -> ArtifactBuilder.create(MediaType.of("application/vnd.example.sig"))
                .addBlob(new byte[] {1}, MediaType.of("application/octet-stream"), Map.of())
                .writeTo(layout, "bad tag!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"bad tag!\"");

        assertThat(everything(layout.root())).isEqualTo(before);
        assertThat(layout.blobs()).isEmpty();
    }

    @Test
    void aMissingLayerDirectoryIsRefusedBeforeAnyBlobIsWritten() throws IOException {
        ImageLayout baseLayout = ImageLayout.create(tmp.resolve("base"));
        simple().writeTo(baseLayout, "base");
        ImageLayout target = ImageLayout.create(tmp.resolve("target"));
        Path missing = tmp.resolve("no-such-dir");

        assertThatThrownBy(() -> ImageBuilder.from(baseLayout, "base").addLayer(rootfs).addLayer(missing)
                .writeTo(target, "v1"))
                .hasMessageContaining(missing.toString());
        assertThat(target.blobs()).as("not even the base's layers").isEmpty();
    }

    private static void corrupt(Path blob) throws IOException {
        byte[] bytes = Files.readAllBytes(blob);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] ^= 0x5a;
        }
        blob.toFile().setWritable(true);
        Files.write(blob, bytes);
    }

    private static List<Path> everything(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }
}
