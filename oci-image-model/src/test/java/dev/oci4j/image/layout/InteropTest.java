package dev.oci4j.image.layout;

import dev.oci4j.image.Annotations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layouts written by umoci and skopeo read and verify clean; skopeo reads what we write. */
class InteropTest {

    @TempDir
    Path dir;

    @Test
    void aLayoutWrittenByUmociVerifiesClean() throws Exception {
        Path layoutDir = umociImage();
        ImageLayout layout = ImageLayout.open(layoutDir);
        Descriptor entry = layout.resolve("t").orElseThrow();
        ImageManifest manifest = layout.parseManifest(entry).value();
        assertThat(manifest.layers()).hasSize(1);
        LayoutVerification v = layout.verify();
        // umoci 0.4 leaves out the SHOULD mediaType of index.json and the manifest: warnings, not errors.
        assertThat(v.errors()).isEmpty();
        assertThat(v.warnings()).allSatisfy(w -> assertThat(w.message()).contains("mediaType should be set"));
        // The image's three blobs, plus what `umoci new` left unreferenced (checked too: every blob must match its name).
        assertThat(v.blobsChecked()).isGreaterThanOrEqualTo(3);
        // Reading leaves another tool's layout as it was: no lock file, no temp directory.
        try (var files = Files.list(layoutDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "blobs", "index.json", "oci-layout");
        }
    }

    @Test
    void layoutsWrittenBySkopeoVerifyCleanWithGzipAndZstdLayers() throws Exception {
        Path source = umociImage();
        Path gzip = dir.resolve("skopeo-gzip");
        Path zstd = dir.resolve("skopeo-zstd");
        Commands.runOk("skopeo", "copy", "oci:" + source + ":t", "oci:" + gzip + ":t2");
        Commands.runOk("skopeo", "copy", "--dest-compress-format", "zstd", "oci:" + source + ":t", "oci:" + zstd + ":t3");

        ImageLayout g = ImageLayout.open(gzip);
        assertThat(g.verify().errors()).isEmpty();
        assertThat(g.parseManifest(g.resolve("t2").orElseThrow()).value().layers().get(0).mediaType())
                .contains(MediaType.OCI_LAYER_TAR_GZIP);

        ImageLayout z = ImageLayout.open(zstd);
        LayoutVerification v = z.verify();
        assertThat(v.errors()).isEmpty();
        assertThat(v.warnings()).allSatisfy(w -> assertThat(w.message()).contains("mediaType should be set"));
        assertThat(z.parseManifest(z.resolve("t3").orElseThrow()).value().layers().get(0).mediaType())
                .contains(MediaType.OCI_LAYER_TAR_ZSTD);
    }

    @Test
    void skopeoInspectsAndCopiesALayoutWrittenByOci4j() throws Exception {
        TestEnvironment.requireTool("skopeo");
        Path ours = dir.resolve("ours");
        ImageLayout layout = ImageLayout.create(ours);
        Descriptor manifest = layout.tag("v1", TestImages.writeImage(layout, "from oci4j"));

        String inspect = Commands.runOk("skopeo", "inspect", "oci:" + ours + ":v1").stdout();
        assertThat(inspect).contains("\"Digest\": \"" + manifest.digest() + "\"", "\"Architecture\": \"amd64\"");

        Path copy = dir.resolve("copy");
        Commands.runOk("skopeo", "copy", "oci:" + ours + ":v1", "oci:" + copy + ":v1");
        ImageLayout copied = ImageLayout.open(copy);
        assertThat(copied.resolve("v1").orElseThrow().digest()).isEqualTo(manifest.digest());
        assertThat(copied.verify().errors()).isEmpty();
    }

    @Test
    void tagsSharingADigestSurviveMixedWritesBySkopeoAndOci4j() throws Exception {
        TestEnvironment.requireTool("skopeo");
        Path ours = dir.resolve("ours");
        ImageLayout layout = ImageLayout.create(ours);
        Descriptor manifest = layout.tag("a", TestImages.writeImage(layout, "shared"));
        Commands.runOk("skopeo", "copy", "oci:" + ours + ":a", "oci:" + ours + ":b");
        // Older skopeo releases replaced every entry with the same digest; 1.9.3 keeps "a". Either way
        // our tags must not drop what skopeo wrote.
        List<String> afterSkopeo = refNames(ImageLayout.open(ours));
        assertThat(afterSkopeo).contains("b");
        layout.tag("a", manifest);
        layout.tag("c", manifest);
        assertThat(refNames(layout)).contains("a", "b", "c").containsAll(afterSkopeo);
        assertThat(layout.verify().errors()).isEmpty();
    }

    @Test
    void umociListsUnpacksAndCollectsALayoutWrittenByOci4jLeavingItValid() throws Exception {
        TestEnvironment.requireTool("umoci");
        Path ours = dir.resolve("ours");
        ImageLayout layout = ImageLayout.create(ours);
        layout.tag("v1", TestImages.writeImage(layout, "unpack me"));

        assertThat(Commands.runOk("umoci", "ls", "--layout", ours.toString()).stdout()).contains("v1");
        List<String> unpack = new ArrayList<>(List.of("umoci", "unpack"));
        if (!TestEnvironment.isRoot()) {
            unpack.add("--rootless");
        }
        Path bundle = dir.resolve("bundle");
        unpack.addAll(List.of("--image", ours + ":v1", bundle.toString()));
        Commands.runOk(unpack.toArray(String[]::new));
        assertThat(bundle.resolve("rootfs/hello.txt")).hasContent("unpack me");

        // umoci's gc must find nothing of ours to remove: our lock and temp files live outside blobs/.
        Commands.runOk("umoci", "gc", "--layout", ours.toString());
        assertThat(layout.blobs()).hasSize(3);
        assertThat(layout.verify().problems()).isEmpty();
    }

    private static List<String> refNames(ImageLayout layout) throws IOException {
        List<String> names = new ArrayList<>();
        layout.index().manifests().forEach(d -> names.add(d.annotations().get(Annotations.REF_NAME)));
        return names;
    }

    /** umoci init + new + insert of a small directory tree: a layout with one manifest tagged "t". */
    private Path umociImage() throws Exception {
        TestEnvironment.requireTool("umoci");
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("etc"));
        Files.writeString(src.resolve("etc/hello"), "hello from umoci\n", StandardCharsets.UTF_8);
        Path layoutDir = dir.resolve("umoci");
        Commands.runOk("umoci", "init", "--layout", layoutDir.toString());
        Commands.runOk("umoci", "new", "--image", layoutDir + ":t");
        List<String> insert = new ArrayList<>(List.of("umoci", "insert"));
        if (!TestEnvironment.isRoot()) {
            insert.add("--rootless");
        }
        insert.addAll(List.of("--image", layoutDir + ":t", src.toString(), "/"));
        Commands.runOk(insert.toArray(String[]::new));
        return layoutDir;
    }
}
