package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerWriterTest {

    private static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path tmp;

    private static List<TarArchiveEntry> entries(byte[] tar) throws Exception {
        List<TarArchiveEntry> out = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static byte[] write(LayerWriter w, Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.writeDirectory(dir, out);
        return out.toByteArray();
    }

    @Test
    void theSameDirectoryWrittenTwiceGivesIdenticalBytes() throws Exception {
        Path src = LayerRoundTripTest.richTree(tmp.resolve("src"));
        for (Compression c : Compression.values()) {
            LayerWriter w = LayerWriter.builder().compression(c).reproducible(EPOCH).build();
            byte[] first = write(w, src);
            byte[] second = write(w, src);
            assertThat(second).as(c.name()).isEqualTo(first);
        }
    }

    @Test
    void normalizedLayersDoNotDependOnMtimesOwnersOrCreationOrder() throws Exception {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Trees.file(a, "x/1", "one");
        Trees.file(a, "y", "why");
        Trees.file(a, "x/2", "two");
        Path b = Files.createDirectory(tmp.resolve("b"));
        Trees.file(b, "x/2", "two");
        Trees.file(b, "y", "why");
        Trees.file(b, "x/1", "one");
        Trees.mtime(b.resolve("x/1"), 1_800_000_000L);
        Trees.mtime(a.resolve("x/1"), 1_900_000_000L);
        if (TestEnvironment.isRoot()) {
            Commands.runOk("chown", "-R", "1000:1000", b.toString());
        }
        LayerWriter w = LayerWriter.builder().compression(Compression.GZIP).reproducible(EPOCH).build();
        WrittenLayer la = w.writeDirectory(a, tmp.resolve("a.tgz"));
        WrittenLayer lb = w.writeDirectory(b, tmp.resolve("b.tgz"));
        assertThat(lb).isEqualTo(la);
        assertThat(Files.readAllBytes(tmp.resolve("b.tgz"))).isEqualTo(Files.readAllBytes(tmp.resolve("a.tgz")));
        for (TarArchiveEntry e : entries(write(LayerWriter.builder().reproducible(EPOCH).build(), b))) {
            assertThat(e.getModTime().toInstant()).isEqualTo(EPOCH);
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getLongGroupId()).isZero();
            assertThat(e.getUserName()).isEmpty();
            assertThat(e.getGroupName()).isEmpty();
        }
    }

    @Test
    void clampingKeepsOlderMtimesWhileAFixedMtimeReplacesAll() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Trees.file(src, "old", "o");
        Trees.mtime(src.resolve("old"), 1_000_000_000L);
        Trees.file(src, "new", "n");
        Trees.mtime(src.resolve("new"), 1_900_000_000L);
        List<TarArchiveEntry> clamped = entries(write(LayerWriter.builder().clampMtime(EPOCH).build(), src));
        assertThat(clamped).extracting(TarArchiveEntry::getName).containsExactly("new", "old");
        assertThat(clamped.get(0).getModTime().toInstant()).isEqualTo(EPOCH);
        assertThat(clamped.get(1).getModTime().toInstant()).isEqualTo(Instant.ofEpochSecond(1_000_000_000L));
        List<TarArchiveEntry> fixed = entries(write(LayerWriter.builder().fixedMtime(EPOCH).build(), src));
        assertThat(fixed).allSatisfy(e -> assertThat(e.getModTime().toInstant()).isEqualTo(EPOCH));
        List<TarArchiveEntry> cleared = entries(write(LayerWriter.builder().fixedMtime(EPOCH).clampMtime(EPOCH)
                .clearFixedMtime().clearClampMtime().build(), src));
        assertThat(cleared.get(0).getModTime().toInstant()).isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
    }

    @Test
    void mtimeSettingsAreClearedByName_neverByNull() {
        assertThatThrownBy(() -> LayerWriter.builder().fixedMtime(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("mtime");
        assertThatThrownBy(() -> LayerWriter.builder().clampMtime(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("max");
    }

    @Test
    void entriesBecomeTarEntriesWithWhiteoutsAndOpaqueMarkers() throws Exception {
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        List<LayerEntry> list = List.of(
                LayerEntry.file("app/hello.txt", data.length, () -> new ByteArrayInputStream(data)).toBuilder()
                        .mode(0640).uid(1000).gid(1001).mtime(EPOCH).putXattr("user.k", "v".getBytes()).build(),
                LayerEntry.directory("app"),
                LayerEntry.symlink("app/link", "hello.txt"),
                LayerEntry.hardlink("app/hard", "app/hello.txt"),
                LayerEntry.builder("dev/null", LayerEntry.Type.CHAR_DEVICE).devMajor(1).devMinor(3).mode(0666).build(),
                LayerEntry.builder("dev/sda", LayerEntry.Type.BLOCK_DEVICE).devMajor(8).devMinor(0).build(),
                LayerEntry.builder("run/pipe", LayerEntry.Type.FIFO).build(),
                LayerEntry.whiteout("etc/motd"),
                LayerEntry.opaque("var/cache"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LayerWriter.builder().build().writeEntries(list, out);
        List<TarArchiveEntry> tar = entries(out.toByteArray());
        assertThat(tar).extracting(TarArchiveEntry::getName).containsExactly("app/", "app/hello.txt", "app/hard",
                "app/link", "dev/null", "dev/sda", "etc/.wh.motd", "run/pipe", "var/cache/.wh..wh..opq");
        ByteArrayOutputStream siblings = new ByteArrayOutputStream();
        LayerWriter.builder().build().writeEntries(List.of(LayerEntry.directory("d/b"), LayerEntry.whiteout("d/z"),
                LayerEntry.directory("d"), LayerEntry.opaque("d/b"), LayerEntry.whiteout("d/a"),
                LayerEntry.directory("d/b/c")), siblings);
        assertThat(entries(siblings.toByteArray())).extracting(TarArchiveEntry::getName)
                .containsExactly("d/", "d/.wh.a", "d/.wh.z", "d/b/", "d/b/.wh..wh..opq", "d/b/c/");
        TarArchiveEntry hello = tar.get(1);
        assertThat(hello.getMode()).isEqualTo(0640);
        assertThat(hello.getLongUserId()).isEqualTo(1000);
        assertThat(hello.getLongGroupId()).isEqualTo(1001);
        assertThat(hello.getSize()).isEqualTo(5);
        assertThat(hello.getExtraPaxHeaders()).containsEntry("SCHILY.xattr.user.k", "v");
        assertThat(tar.get(2).isLink()).isTrue();
        assertThat(tar.get(2).getLinkName()).isEqualTo("app/hello.txt");
        assertThat(tar.get(3).isSymbolicLink()).isTrue();
        assertThat(tar.get(4).isCharacterDevice()).isTrue();
        assertThat(tar.get(4).getDevMinor()).isEqualTo(3);
        assertThat(tar.get(5).isBlockDevice()).isTrue();
        assertThat(tar.get(7).isFIFO()).isTrue();

        Path root = tmp.resolve("root");
        ApplyResult r = LayerApplier.builder().build().apply(root, LayerBlob.builder(
                () -> new ByteArrayInputStream(out.toByteArray())).build());
        assertThat(Files.getAttribute(root.resolve("app/hard"), "unix:ino"))
                .isEqualTo(Files.getAttribute(root.resolve("app/hello.txt"), "unix:ino"));
        assertThat(Files.isSymbolicLink(root.resolve("app/link"))).isTrue();
        assertThat(root.resolve("app/hello.txt")).hasContent("hello");
        assertThat(r.warnings()).allSatisfy(w -> assertThat(w).contains("not created"));
    }

    @Test
    void namesReservedForWhiteoutsCannotBeOrdinaryEntries() {
        assertThatThrownBy(() -> LayerEntry.file("a/.wh.b", 0, java.io.InputStream::nullInputStream))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reserved for whiteouts");
    }

    @Test
    void binaryXattrValuesTravelInBsdtarsBinarySafeForm() throws Exception {
        byte[] binary = {0, 1, (byte) 0xfe, (byte) 0x80, 10};
        LayerEntry f = LayerEntry.file("f", 1, () -> new ByteArrayInputStream(new byte[] {'x'})).toBuilder()
                .putXattr("user.bin", binary).putXattr("user.text", "héllo".getBytes(StandardCharsets.UTF_8)).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LayerWriter.builder().build().writeEntries(List.of(f), out);
        TarArchiveEntry e = entries(out.toByteArray()).get(0);
        assertThat(e.getExtraPaxHeaders()).containsEntry("SCHILY.xattr.user.text", "héllo")
                .containsEntry("LIBARCHIVE.xattr.user.bin", java.util.Base64.getEncoder().encodeToString(binary))
                .doesNotContainKey("SCHILY.xattr.user.bin");
        Path root = tmp.resolve("root");
        LayerApplier.builder().build().apply(root, LayerBlob.builder(() -> new ByteArrayInputStream(out.toByteArray())).build());
        var view = Files.getFileAttributeView(root.resolve("f"), java.nio.file.attribute.UserDefinedFileAttributeView.class);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        view.read("bin", b);
        assertThat(java.util.Arrays.copyOf(b.array(), b.position())).isEqualTo(binary);
        Path tarFile = Files.write(tmp.resolve("bin.tar"), out.toByteArray());
        assertThat(Commands.runOk("tar", "--xattrs", "-tf", tarFile.toString()).stdout()).contains("f");
    }

    @Test
    void contentThatDoesNotMatchTheAnnouncedSizeIsAnError() {
        byte[] data = "12345".getBytes(StandardCharsets.UTF_8);
        LayerWriter w = LayerWriter.builder().build();
        assertThatThrownBy(() -> w.writeEntries(List.of(LayerEntry.file("f", 6, () -> new ByteArrayInputStream(data))),
                new ByteArrayOutputStream())).hasMessageContaining("f: content ended after 5 of the announced 6 bytes");
        assertThatThrownBy(() -> w.writeEntries(List.of(LayerEntry.file("f", 4, () -> new ByteArrayInputStream(data))),
                new ByteArrayOutputStream())).hasMessageContaining("longer than the announced 4 bytes");
    }

    @Test
    void entryBuildersRejectMisuse() {
        assertThatThrownBy(() -> LayerEntry.directory("a/../b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LayerEntry.builder("l", LayerEntry.Type.SYMLINK).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a linkname");
        assertThatThrownBy(() -> LayerEntry.builder("f", LayerEntry.Type.FILE).mode(0100644))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LayerEntry.directory("/a/./b/").path()).isEqualTo("a/b");
    }
}
