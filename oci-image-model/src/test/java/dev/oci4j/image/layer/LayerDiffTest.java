package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.testing.Commands;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** image-spec layer.md "Populate Changesets": lower + diff(lower, upper) reproduces upper. */
class LayerDiffTest {

    @TempDir
    Path tmp;

    private static void copyTree(Path from, Path to) throws Exception {
        Commands.runOk("cp", "-a", from.toString() + "/.", to.toString());
    }

    private Path lower() throws Exception {
        Path l = Files.createDirectory(tmp.resolve("lower"));
        Trees.file(l, "etc/keep", "same");
        Trees.file(l, "etc/changed", "before");
        Trees.file(l, "etc/deleted", "gone");
        Trees.file(l, "etc/chmodded", "mode");
        Trees.file(l, "gone-dir/a/b", "deep");
        Trees.file(l, "dir-to-file/x", "x");
        Trees.file(l, "file-to-dir", "f");
        Trees.file(l, "emptied/one", "1");
        Trees.file(l, "emptied/two", "2");
        Trees.file(l, "replaced/old1", "1");
        Trees.file(l, "replaced/old2", "2");
        Files.createSymbolicLink(l.resolve("link"), Path.of("etc/keep"));
        Trees.file(l, "hard/a", "shared");
        return l;
    }

    private Path upper(Path lower) throws Exception {
        Path u = Files.createDirectory(tmp.resolve("upper"));
        copyTree(lower, u);
        Trees.file(u, "etc/changed", "after, and longer");
        Files.delete(u.resolve("etc/deleted"));
        Trees.mode(u.resolve("etc/chmodded"), 0600);
        Commands.runOk("rm", "-rf", u.resolve("gone-dir").toString(), u.resolve("dir-to-file").toString());
        Trees.file(u, "dir-to-file", "now a file");
        Files.delete(u.resolve("file-to-dir"));
        Trees.file(u, "file-to-dir/inside", "now a dir");
        Files.delete(u.resolve("emptied/one"));
        Files.delete(u.resolve("emptied/two"));
        Commands.runOk("rm", "-rf", u.resolve("replaced").toString());
        Trees.file(u, "replaced/new", "n");
        Files.delete(u.resolve("link"));
        Files.createSymbolicLink(u.resolve("link"), Path.of("etc/changed"));
        Trees.file(u, "added/sub/file", "new");
        Files.createLink(u.resolve("hard/b"), u.resolve("hard/a"));
        return u;
    }

    @Test
    void applyingLowerThenTheDiffReproducesUpper() throws Exception {
        Path lower = lower();
        Path upper = upper(lower);
        LayerWriter w = LayerWriter.builder().compression(Compression.GZIP).build();
        WrittenLayer base = w.writeDirectory(lower, tmp.resolve("base.tgz"));
        WrittenLayer diff = w.writeDiff(lower, upper, tmp.resolve("diff.tgz"));

        Path out = tmp.resolve("out");
        LayerApplier.builder().build().apply(out, LayerSource.of(tmp.resolve("base.tgz"), base.diffId()),
                LayerSource.of(tmp.resolve("diff.tgz"), diff.diffId()));

        assertThat(Trees.describe(out, true, true)).isEqualTo(Trees.describe(upper, true, true));
    }

    private static List<String> names(byte[] tar) throws Exception {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
            }
        }
        return names;
    }

    @Test
    void theDiffHoldsOnlyChangesAndExplicitWhiteoutsBeforeTheirSiblings() throws Exception {
        Path lower = lower();
        Path upper = upper(lower);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LayerWriter.builder().build().writeDiff(lower, upper, out);
        List<String> names = names(out.toByteArray());
        assertThat(names).contains("etc/changed", "etc/chmodded", "etc/.wh.deleted", ".wh.gone-dir", "dir-to-file",
                "file-to-dir/", "file-to-dir/inside", "emptied/.wh.one", "emptied/.wh.two", "replaced/.wh.old1",
                "replaced/new", "link", "added/", "added/sub/", "added/sub/file", "hard/b");
        assertThat(names).noneMatch(n -> n.endsWith(".wh..wh..opq"));
        assertThat(names.indexOf("etc/.wh.deleted")).isLessThan(names.indexOf("etc/changed"));
        assertThat(names.indexOf(".wh.gone-dir")).isLessThan(names.indexOf("added/"));
        assertThat(names).doesNotContain("etc/keep", "hard/a", "gone-dir/a/b");
    }

    @Test
    void opaqueMarkersOnRequestWhereADirectoryKeptNoneOfItsChildren() throws Exception {
        Path lower = lower();
        Path upper = upper(lower);
        Path blob = tmp.resolve("diff.tar");
        WrittenLayer diff = LayerWriter.builder().opaqueWhiteouts(true).build().writeDiff(lower, upper, blob);
        List<String> names = names(Files.readAllBytes(blob));
        assertThat(names).contains("emptied/.wh..wh..opq", "replaced/.wh..wh..opq", "replaced/new", "etc/.wh.deleted")
                .doesNotContain("emptied/.wh.one", "replaced/.wh.old1");
        Path base = tmp.resolve("base.tar");
        LayerWriter.builder().build().writeDirectory(lower, base);
        Path out = tmp.resolve("out");
        LayerApplier.builder().build().apply(out, LayerSource.of(base), LayerSource.of(blob, diff.diffId()));
        assertThat(Trees.describe(out, true, true)).isEqualTo(Trees.describe(upper, true, true));
    }

    @Test
    void contentComparisonFindsChangesThatKeepSizeAndMtime() throws Exception {
        Path lower = Files.createDirectory(tmp.resolve("l"));
        Trees.file(lower, "f", "aaaa");
        Trees.mtime(lower.resolve("f"), 1_600_000_000L);
        Path upper = Files.createDirectory(tmp.resolve("u"));
        Trees.file(upper, "f", "bbbb");
        Trees.mtime(upper.resolve("f"), 1_600_000_000L);
        Trees.mtime(lower, 1_600_000_000L);
        Trees.mtime(upper, 1_600_000_000L);
        ByteArrayOutputStream quick = new ByteArrayOutputStream();
        WrittenLayer q = LayerWriter.builder().build().writeDiff(lower, upper, quick);
        ByteArrayOutputStream thorough = new ByteArrayOutputStream();
        WrittenLayer t = LayerWriter.builder().compareContents(true).build().writeDiff(lower, upper, thorough);
        assertThat(q.size()).isEqualTo(1024);
        assertThat(t.size()).isGreaterThan(1024);
    }
}
