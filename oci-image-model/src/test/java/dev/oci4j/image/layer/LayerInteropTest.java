package dev.oci4j.image.layer;

import static dev.oci4j.testing.TestEnvironment.isRoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestMismatchException;
import dev.oci4j.testing.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers other tools read, layers other tools wrote, and digests that do not match. */
class LayerInteropTest {

    @TempDir
    Path tmp;

    @Test
    void gnuTarExtractsOurGzipLayerToTheSameTree() throws Exception {
        Path src = LayerRoundTripTest.richTree(tmp.resolve("src"));
        Path blob = tmp.resolve("layer.tar.gz");
        LayerWriter.builder().compression(Compression.GZIP, 9).build().writeDirectory(src, blob);
        Path out = Files.createDirectory(tmp.resolve("out"));
        Commands.runOk("tar", "--xattrs", "--xattrs-include=user.*", "-xzpf", blob.toString(), "-C", out.toString());
        assertThat(Trees.describe(out, isRoot(), false)).isEqualTo(Trees.describe(src, isRoot(), false));
        assertThat(Commands.runOk("tar", "-tzf", blob.toString()).stdout()).contains("bin/tool2", "ünïcødé/日本語 file");
    }

    @Test
    void theZstdToolAndGnuTarReadOurZstdLayer() throws Exception {
        Path src = LayerRoundTripTest.richTree(tmp.resolve("src"));
        Path blob = tmp.resolve("layer.tar.zst");
        WrittenLayer layer = LayerWriter.builder().compression(Compression.ZSTD).build().writeDirectory(src, blob);
        Path tar = tmp.resolve("layer.tar");
        Commands.runOk("zstd", "-q", "-d", blob.toString(), "-o", tar.toString());
        assertThat(Digest.sha256(tar)).isEqualTo(layer.diffId());
        Path out = Files.createDirectory(tmp.resolve("out"));
        Commands.runOk("tar", "--xattrs", "--xattrs-include=user.*", "-xpf", tar.toString(), "-C", out.toString());
        assertThat(Trees.describe(out, isRoot(), false)).isEqualTo(Trees.describe(src, isRoot(), false));
    }

    @Test
    void aLayerWrittenByGnuTarAppliesToTheSameTree() throws Exception {
        Path src = LayerRoundTripTest.richTree(tmp.resolve("src"));
        Path tar = tmp.resolve("gnu.tar");
        Commands.runOk("tar", "--xattrs", "-C", src.toString(), "-cf", tar.toString(), ".");
        Path gz = tmp.resolve("gnu.tar.gz");
        // The point is GNU tar's archive format; plain gzip (Debian required) only wraps it.
        Files.write(gz, Commands.runOk("gzip", "-c", "-n", tar.toString()).stdoutBytes());
        Path out = tmp.resolve("out");
        ApplyResult r = LayerApplier.builder().build().apply(out, LayerSource.of(gz, Digest.sha256(tar)));
        assertThat(r.diffIds()).containsExactly(Digest.sha256(tar));
        assertThat(Trees.describe(out, isRoot(), true)).isEqualTo(Trees.describe(src, isRoot(), true));
    }

    @Test
    void aWrongDiffIdIsReportedWithTheLayerAndBothDigests() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Trees.file(src, "a", "a");
        Path blob = tmp.resolve("layer.tgz");
        WrittenLayer layer = LayerWriter.builder().compression(Compression.GZIP).build().writeDirectory(src, blob);
        Digest wrong = Digest.sha256(new byte[0]);
        LayerSource source = LayerSource.builder(() -> Files.newInputStream(blob)).digest(layer.digest())
                .size(layer.size()).diffId(wrong).build();
        assertThatThrownBy(() -> LayerApplier.builder().build().apply(tmp.resolve("out"), source))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("layer " + layer.digest())
                .hasMessageContaining(wrong.toString())
                .hasMessageContaining(layer.diffId().toString());
    }

    @Test
    void aWrongBlobDigestIsReportedWithTheLayer() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Trees.file(src, "a", "a");
        Path blob = tmp.resolve("layer.tgz");
        WrittenLayer layer = LayerWriter.builder().compression(Compression.GZIP).build().writeDirectory(src, blob);
        Digest wrong = Digest.sha256(new byte[0]);
        LayerSource source = LayerSource.builder(() -> Files.newInputStream(blob)).digest(wrong).build();
        assertThatThrownBy(() -> LayerApplier.builder().build().apply(tmp.resolve("out"), source))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("layer " + wrong)
                .hasMessageContaining(layer.digest().toString());
    }

    @Test
    void aMediaTypeThatLiesAboutCompressionIsWarnedAboutAndTheContentWins() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Trees.file(src, "a", "a");
        Path blob = tmp.resolve("layer.tar");
        LayerWriter.builder().build().writeDirectory(src, blob);
        ApplyResult r = LayerApplier.builder().build().apply(tmp.resolve("out"),
                LayerSource.builder(() -> Files.newInputStream(blob))
                        .mediaType(dev.oci4j.image.MediaType.OCI_LAYER_TAR_GZIP).build());
        assertThat(tmp.resolve("out/a")).hasContent("a");
        assertThat(r.warnings()).singleElement().asString().contains("says GZIP but the content is NONE");
    }
}
