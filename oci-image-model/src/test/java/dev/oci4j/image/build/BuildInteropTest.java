package dev.oci4j.image.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layer.Compression;
import dev.oci4j.image.layer.LayerEntry;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * oci4j against the real tools: skopeo and umoci read what oci4j writes, oci4j reads what they write,
 * and both unpack to the same file tree. Each test runs when its tool is installed and skips, saying
 * so, when it is not (CI installs both).
 */
class BuildInteropTest {

    static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000);
    static final Platform PLATFORM = Platform.host();

    @TempDir
    Path tmp;

    /**
     * Two layers: files, directories with odd modes and owners, a symlink (relative and absolute), a
     * hard link; then a whiteout, an opaque directory with a new child, and a replaced file.
     */
    static ImageBuilder twoLayerImage(Compression compression) {
        return ImageBuilder.fromScratch().platform(PLATFORM).sourceDateEpoch(EPOCH).compression(compression)
                .addEntries(List.of(
                        dir("bin", 0755, 0), dir("etc", 0755, 0), dir("home", 0755, 0), dir("home/user", 0700, 1000),
                        dir("tmp", 01777, 0), dir("var", 0755, 0), dir("var/cache", 0750, 0),
                        file("bin/tool", "#!/bin/sh\necho tool\n", 0755, 0),
                        LayerEntry.hardlink("bin/tool-link", "bin/tool"),
                        LayerEntry.builder("bin/sh", LayerEntry.Type.SYMLINK).linkname("tool").mtime(EPOCH).build(),
                        LayerEntry.builder("etc/abs", LayerEntry.Type.SYMLINK).linkname("/bin/tool").mtime(EPOCH).build(),
                        file("etc/hostname", "oci4j\n", 0644, 0),
                        file("etc/motd", "welcome\n", 0644, 0),
                        file("home/user/notes", "private\n", 0600, 1000),
                        file("var/cache/a", "a", 0644, 0),
                        file("var/cache/b", "b", 0640, 1000)), "layer one")
                .addEntries(List.of(
                        LayerEntry.whiteout("etc/motd"),
                        LayerEntry.opaque("var/cache"),
                        dir("var/cache", 0755, 0),
                        file("var/cache/c", "c", 0644, 0),
                        file("etc/hostname", "changed\n", 0644, 0)), "layer two");
    }

    static LayerEntry dir(String path, int mode, long owner) {
        return LayerEntry.builder(path, LayerEntry.Type.DIRECTORY).mode(mode).uid(owner).gid(owner).mtime(EPOCH).build();
    }

    static LayerEntry file(String path, String content, int mode, long owner) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return LayerEntry.builder(path, LayerEntry.Type.FILE).size(bytes.length)
                .content(() -> new ByteArrayInputStream(bytes)).mode(mode).uid(owner).gid(owner).mtime(EPOCH).build();
    }

    static TreeSnapshot unpackWithOci4j(ImageLayout layout, String ref, Path into) throws IOException {
        ImageUnpacker.unpack(layout, layout.resolve(ref).orElseThrow(), PLATFORM, into);
        return TreeSnapshot.of(into);
    }

    @Test
    void umociUnpacksOurImageToTheSameTreeAsOurApplier() throws IOException {
        TestEnvironment.requireTool("umoci");
        TestEnvironment.requireRoot("umoci unpack restores file owners");
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        twoLayerImage(Compression.GZIP).writeTo(layout, "v1");

        TreeSnapshot ours = unpackWithOci4j(layout, "v1", tmp.resolve("ours"));
        Commands.runOk("umoci", "unpack", "--image", layout.root() + ":v1", tmp.resolve("bundle").toString());
        TreeSnapshot theirs = TreeSnapshot.of(tmp.resolve("bundle/rootfs"));

        assertThat(ours.entries()).containsKeys("bin/tool-link", "var/cache/c").doesNotContainKeys("etc/motd",
                "var/cache/a", "var/cache/b");
        assertThat(ours.entries().get("home/user/notes")).startsWith("file 600 1000:1000");
        assertThat(ours.entries().get("tmp")).startsWith("dir 1777 0:0");
        assertThat(ours.hardlinkGroups()).containsExactly(List.of("bin/tool", "bin/tool-link"));
        assertThat(theirs.entries()).containsExactlyEntriesOf(ours.entries());
        assertThat(theirs.hardlinkGroups()).isEqualTo(ours.hardlinkGroups());
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"GZIP", "ZSTD"})
    void skopeoInspectsAndCopiesLayoutsWeWrote(Compression compression) throws IOException {
        TestEnvironment.requireTool("skopeo");
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        BuiltImage image = twoLayerImage(compression).writeTo(layout, "v1");

        String inspect = Commands.runOk("skopeo", "inspect", "oci:" + layout.root() + ":v1").stdout();
        assertThat(inspect).contains("\"Digest\": \"" + image.digest() + "\"")
                .contains(image.manifest().layers().get(1).digest().toString());
        String raw = Commands.runOk("skopeo", "inspect", "--raw", "oci:" + layout.root() + ":v1").stdout();
        assertThat(raw.getBytes(StandardCharsets.UTF_8)).isEqualTo(layout.readBlobBytes(image.digest(), -1));

        Commands.runOk("skopeo", "--insecure-policy", "copy", "--quiet", "oci:" + layout.root() + ":v1",
                "oci:" + tmp.resolve("copy") + ":copied");
        ImageLayout copy = ImageLayout.open(tmp.resolve("copy"));
        assertThat(copy.verify().errors()).isEmpty();
        assertThat(copy.resolve("copied").orElseThrow().digest()).as("skopeo keeps the manifest bytes").isEqualTo(image.digest());
        assertThat(unpackWithOci4j(copy, "copied", tmp.resolve("a")))
                .isEqualTo(unpackWithOci4j(layout, "v1", tmp.resolve("b")));
    }

    @Test
    void skopeoPicksItsPlatformFromOurMultiPlatformIndex() throws IOException {
        TestEnvironment.requireTool("skopeo");
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        BuiltIndex index = MultiPlatformBuilder.create()
                .add(twoLayerImage(Compression.GZIP).platform(Platform.parse("linux/amd64")))
                .add(twoLayerImage(Compression.ZSTD).platform(Platform.parse("linux/arm64/v8")))
                .writeTo(layout, "multi");
        for (BuiltImage image : index.images()) {
            String inspect = Commands.runOk("skopeo", "--override-os", image.platform().os(), "--override-arch",
                    image.platform().architecture(), "inspect", "oci:" + layout.root() + ":multi").stdout();
            // skopeo reports the digest of what the name points at (the index), and the chosen image's layers.
            assertThat(inspect).contains("\"Digest\": \"" + index.digest() + "\"")
                    .contains("\"Architecture\": \"" + image.platform().architecture() + "\"")
                    .contains(image.manifest().layers().get(1).digest().toString());
        }
        String raw = Commands.runOk("skopeo", "inspect", "--raw", "oci:" + layout.root() + ":multi").stdout();
        assertThat(raw).contains("application/vnd.oci.image.index.v1+json").contains(index.images().get(1).digest().toString());
    }

    @Test
    void weReadVerifyAndUnpackZstdImagesSkopeoWrote() throws IOException {
        TestEnvironment.requireTool("skopeo");
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        twoLayerImage(Compression.GZIP).writeTo(layout, "v1");

        Commands.runOk("skopeo", "--insecure-policy", "copy", "--quiet", "--dest-compress", "--dest-compress-format", "zstd",
                "oci:" + layout.root() + ":v1", "oci:" + tmp.resolve("zstd") + ":z");
        ImageLayout zstd = ImageLayout.open(tmp.resolve("zstd"));
        assertThat(zstd.verify().errors()).isEmpty();
        ImageManifest manifest = zstd.readManifest(zstd.resolve("z").orElseThrow()).value();
        assertThat(manifest.layers()).extracting(Descriptor::mediaType)
                .containsOnly(java.util.Optional.of(MediaType.OCI_LAYER_TAR_ZSTD));
        assertThat(unpackWithOci4j(zstd, "z", tmp.resolve("a")))
                .isEqualTo(unpackWithOci4j(layout, "v1", tmp.resolve("b")));
    }

    @Test
    void weReadVerifyAndUnpackImagesUmociWrote() throws IOException {
        TestEnvironment.requireTool("umoci");
        TestEnvironment.requireRoot("umoci unpack restores file owners");
        String image = tmp.resolve("layout") + ":base";
        Path bundle = tmp.resolve("bundle");
        Commands.runOk("umoci", "init", "--layout", tmp.resolve("layout").toString());
        Commands.runOk("umoci", "new", "--image", image);
        Commands.runOk("umoci", "unpack", "--image", image, bundle.toString());
        Path rootfs = bundle.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createDirectories(rootfs.resolve("var/cache"));
        Files.writeString(rootfs.resolve("etc/hostname"), "umoci\n");
        Files.writeString(rootfs.resolve("etc/motd"), "welcome\n");
        Files.writeString(rootfs.resolve("var/cache/a"), "a");
        Files.createSymbolicLink(rootfs.resolve("etc/link"), Path.of("hostname"));
        Files.createLink(rootfs.resolve("etc/hard"), rootfs.resolve("etc/hostname"));
        Files.setAttribute(rootfs.resolve("var/cache/a"), "unix:uid", 1000);
        Commands.runOk("umoci", "repack", "--image", image, bundle.toString());
        // A second layer: a deletion (whiteout) and a replaced directory.
        Files.delete(rootfs.resolve("etc/motd"));
        Files.delete(rootfs.resolve("var/cache/a"));
        Files.writeString(rootfs.resolve("var/cache/b"), "b");
        Commands.runOk("umoci", "repack", "--image", image, bundle.toString());

        ImageLayout layout = ImageLayout.open(tmp.resolve("layout"));
        assertThat(layout.verify().errors()).isEmpty();
        Commands.runOk("umoci", "unpack", "--image", image, tmp.resolve("fresh").toString());
        TreeSnapshot ours = unpackWithOci4j(layout, "base", tmp.resolve("ours"));
        assertThat(ours.entries()).containsKeys("etc/hostname", "etc/link", "var/cache/b")
                .doesNotContainKeys("etc/motd", "var/cache/a");
        assertThat(ours).isEqualTo(TreeSnapshot.of(tmp.resolve("fresh/rootfs")));
    }
}
