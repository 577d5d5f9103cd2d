package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** image-spec layer.md "Applying Changesets" and "Whiteouts", on crafted tars. */
class ChangesetApplyTest {

    @TempDir
    Path tmp;

    private final LayerApplier applier = LayerApplier.builder().build();

    private static LayerBlob layer(byte[] tar) {
        return LayerBlob.builder(() -> new ByteArrayInputStream(tar)).build();
    }

    private Path root() {
        return tmp.resolve("root");
    }

    private Path apply(byte[]... tars) throws Exception {
        List<LayerBlob> list = new ArrayList<>();
        for (byte[] t : tars) {
            list.add(layer(t));
        }
        applier.apply(root(), list);
        return root();
    }

    @Test
    void whiteoutHidesAFileOfALowerLayer() throws Exception {
        Path r = apply(new CraftedTar().dir("etc").file("etc/motd", "hi").file("etc/keep", "k").bytes(),
                new CraftedTar().whiteout("etc/.wh.motd").bytes());
        assertThat(r.resolve("etc/motd")).doesNotExist();
        assertThat(r.resolve("etc/keep")).hasContent("k");
        assertThat(r.resolve("etc/.wh.motd")).doesNotExist();
    }

    @Test
    void whiteoutOfADirectoryRemovesItsWholeTree() throws Exception {
        Path r = apply(new CraftedTar().dir("a").dir("a/b").file("a/b/c", "c").bytes(),
                new CraftedTar().whiteout(".wh.a").bytes());
        assertThat(r.resolve("a")).doesNotExist();
    }

    @Test
    void whiteoutHidesOnlyLowerLayersNotWhatTheSameLayerAdds() throws Exception {
        Path r = apply(new CraftedTar().file("x", "lower").file("y", "lower").bytes(),
                new CraftedTar().file("x", "upper").whiteout(".wh.x").whiteout(".wh.y").file("y", "upper").bytes());
        assertThat(r.resolve("x")).hasContent("upper");
        assertThat(r.resolve("y")).hasContent("upper");
    }

    @Test
    void opaqueMarkerAppliesFirstWhereverItAppearsInTheLayer() throws Exception {
        Path r = apply(new CraftedTar().dir("d").file("d/old", "o").dir("d/sub").file("d/sub/old2", "o").bytes(),
                new CraftedTar().dir("d").file("d/new", "n").dir("d/sub").file("d/sub/new2", "n")
                        .whiteout("d/.wh..wh..opq").bytes());
        assertThat(r.resolve("d/new")).hasContent("n");
        assertThat(r.resolve("d/sub/new2")).hasContent("n");
        assertThat(r.resolve("d/old")).doesNotExist();
        assertThat(r.resolve("d/sub/old2")).doesNotExist();
        assertThat(r.resolve("d/.wh..wh..opq")).doesNotExist();
    }

    @Test
    void opaqueMarkerKeepsDeeperEntriesOfTheSameLayerEvenWithoutTheirDirectoryEntries() throws Exception {
        Path r = apply(new CraftedTar().dir("d").dir("d/sub").file("d/sub/old", "o").file("d/old", "o").bytes(),
                new CraftedTar().file("d/sub/new", "n").whiteout("d/.wh..wh..opq").bytes());
        assertThat(r.resolve("d/sub/new")).hasContent("n");
        assertThat(r.resolve("d/sub/old")).doesNotExist();
        assertThat(r.resolve("d/old")).doesNotExist();
    }

    @Test
    void opaqueMarkerBeforeItsDirectoryEntryAsUmociWritesIt() throws Exception {
        Path r = apply(new CraftedTar().dir("d").file("d/old", "o").bytes(),
                new CraftedTar().whiteout("d/.wh..wh..opq").dir("d", 0700).file("d/new", "n").bytes());
        assertThat(r.resolve("d/old")).doesNotExist();
        assertThat(r.resolve("d/new")).hasContent("n");
        assertThat(Files.getAttribute(r.resolve("d"), "unix:mode")).isEqualTo(040700);
    }

    @Test
    void whiteoutBeforeItsParentDirectoryEntryIsAccepted() throws Exception {
        Path r = apply(new CraftedTar().dir("d").file("d/gone", "g").bytes(),
                new CraftedTar().whiteout("d/.wh.gone").dir("d").bytes());
        assertThat(r.resolve("d")).isDirectory();
        assertThat(r.resolve("d/gone")).doesNotExist();
    }

    @Test
    void aWhiteoutBelowWhatIsNowAFileHidesNothingAsUmociWritesIt() throws Exception {
        Path r = apply(new CraftedTar().dir("d").file("d/old", "o").bytes(),
                new CraftedTar().file("d", "now a file").whiteout("d/.wh.old").whiteout("d/.wh..wh..opq").bytes());
        assertThat(r.resolve("d")).isRegularFile().hasContent("now a file");
    }

    @Test
    void layerWithoutEndOfArchiveBlocksIsAcceptedAsUmoci04WritesIt() throws Exception {
        Path r = apply(new CraftedTar().dir("a").file("a/f", "content").bytesWithoutTrailer());
        assertThat(r.resolve("a/f")).hasContent("content");
    }

    @Test
    void directoryOverDirectoryTakesTheNewAttributesAndKeepsTheChildren() throws Exception {
        Path r = apply(new CraftedTar().dir("d", 0755).file("d/child", "c").bytes(),
                new CraftedTar().dir("d", 0711).bytes());
        assertThat(r.resolve("d/child")).hasContent("c");
        assertThat(Files.getAttribute(r.resolve("d"), "unix:mode")).isEqualTo(040711);
    }

    @Test
    void directoryOverDirectoryReplacesTheExtendedAttributesToo() throws Exception {
        Path r = apply(new CraftedTar().dir("d").bytes());
        Trees.xattr(r.resolve("d"), "old", "lower");
        apply(new CraftedTar().dir("d").fileWithPax("d/f", "f", java.util.Map.of()).bytes());
        java.util.Map<String, String> pax = java.util.Map.of("SCHILY.xattr.user.new", "upper");
        byte[] upper = new CraftedTar().dirWithPax("d", pax).bytes();
        apply(upper);
        assertThat(Files.getFileAttributeView(r.resolve("d"), java.nio.file.attribute.UserDefinedFileAttributeView.class)
                .list()).containsExactly("new");
        assertThat(r.resolve("d/f")).exists();
    }

    @Test
    void anythingElseOverAnEntryIsUnlinkThenCreate() throws Exception {
        Path r = apply(new CraftedTar().dir("d").file("d/child", "c").file("f", "file").symlink("s", "f").bytes(),
                new CraftedTar().file("d", "now a file").dir("f").symlink("s2", "x").file("s", "now a file").bytes());
        assertThat(r.resolve("d")).isRegularFile().hasContent("now a file");
        assertThat(r.resolve("f")).isDirectory();
        assertThat(Files.isSymbolicLink(r.resolve("s"))).isFalse();
        assertThat(r.resolve("s")).hasContent("now a file");
    }

    @Test
    void duplicateEntriesInOneLayerLastWins() throws Exception {
        Path r = apply(new CraftedTar().file("f", "first").file("f", "second").dir("g").file("g", "file").bytes());
        assertThat(r.resolve("f")).hasContent("second");
        assertThat(r.resolve("g")).isRegularFile();
    }

    @Test
    void missingParentDirectoriesAreCreated() throws Exception {
        Path r = apply(new CraftedTar().file("a/b/c/f", "deep").bytes());
        assertThat(r.resolve("a/b/c/f")).hasContent("deep");
    }

    @Test
    void absoluteAndDotSlashNamesAreTakenRelativeToTheRoot() throws Exception {
        Path r = apply(new CraftedTar().file("/abs", "a").file("./dot", "d").file("a/./b/../c", "c").bytes());
        assertThat(r.resolve("abs")).hasContent("a");
        assertThat(r.resolve("dot")).hasContent("d");
        assertThat(r.resolve("a/c")).hasContent("c");
    }

    @Test
    void hardlinkToAFileOfTheSameLayerSharesTheInode() throws Exception {
        Path r = apply(new CraftedTar().file("a", "data").hardlink("b", "a").hardlink("/c", "/a").bytes());
        Object key = Files.getAttribute(r.resolve("a"), "unix:ino");
        assertThat(Files.getAttribute(r.resolve("b"), "unix:ino")).isEqualTo(key);
        assertThat(Files.getAttribute(r.resolve("c"), "unix:ino")).isEqualTo(key);
    }

    @Test
    void aLowerDirectoryKeepsItsMtimeWhenAnUpperLayerAddsToItWithoutItsEntry() throws Exception {
        Path r = apply(new CraftedTar().dir("d").file("d/a", "a").bytes(),
                new CraftedTar().file("d/b", "b").whiteout("d/.wh.a").bytes());
        assertThat(r.resolve("d/b")).exists();
        assertThat(Files.getLastModifiedTime(r.resolve("d"), LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.fromMillis(1_600_000_000_000L));
    }

    @Test
    void xattrsFromGnuTarAndBsdtarHeadersAreSetAndTheRestIsReported() throws Exception {
        byte[] binary = {1, (byte) 0xff, 0, (byte) 0x80};
        byte[] tar = new CraftedTar().fileWithPax("f", "x", java.util.Map.of(
                "SCHILY.xattr.user.text", "plain",
                "LIBARCHIVE.xattr.user.bin%3Dary", java.util.Base64.getEncoder().encodeToString(binary),
                "SCHILY.xattr.security.capability", "caps")).bytes();
        ApplyResult r = applier.apply(root(), layer(tar));
        java.nio.file.attribute.UserDefinedFileAttributeView view = Files.getFileAttributeView(root().resolve("f"),
                java.nio.file.attribute.UserDefinedFileAttributeView.class);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        view.read("bin=ary", b);
        assertThat(java.util.Arrays.copyOf(b.array(), b.position())).isEqualTo(binary);
        assertThat(view.list()).containsExactlyInAnyOrder("text", "bin=ary");
        assertThat(r.warnings()).singleElement().asString()
                .contains("entry \"f\"", "security.capability", "only set user.*");
    }

    @Test
    void aTruncatedLayerIsReportedWithTheLayerAndTheEntry() throws Exception {
        byte[] whole = new CraftedTar().file("small", "s").file("big", "b".repeat(5000)).bytes();
        byte[] cut = java.util.Arrays.copyOf(whole, 512 * 4);
        LayerBlob source = LayerBlob.builder(() -> new ByteArrayInputStream(cut)).name("cut.tar").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> applier.apply(root(), source))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("cut.tar").hasMessageContaining("big");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(whole);
        }
        byte[] cutGz = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() - 30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> applier.apply(tmp.resolve("other"),
                LayerBlob.builder(() -> new ByteArrayInputStream(cutGz)).name("cut.tar.gz").build()))
                .hasMessageContaining("cut.tar.gz");
    }

    @Test
    void theResultReportsEachLayersDiffId() throws Exception {
        byte[] one = new CraftedTar().file("a", "1").bytes();
        byte[] two = new CraftedTar().file("b", "2").bytes();
        ApplyResult result = applier.apply(root(), layer(one), layer(two));
        assertThat(result.diffIds()).containsExactly(dev.oci4j.image.Digest.sha256(one),
                dev.oci4j.image.Digest.sha256(two));
        assertThat(result.entries()).isEqualTo(2);
    }
}
