package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Digest;
import dev.oci4j.image.layout.Blob;
import dev.oci4j.image.layout.BlobWriter;
import dev.oci4j.image.layout.ImageLayout;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer written straight into a layout's blob writer reuses its digest: the results must not change. */
class LayerIntoBlobWriterTest {

    private static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path tmp;

    @Test
    void aLayerWrittenIntoABlobWriterHasTheDigestsOfTheSameLayerWrittenAnywhereElse() throws Exception {
        Path src = LayerRoundTripTest.richTree(tmp.resolve("src"));
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        for (Compression c : Compression.values()) {
            LayerWriter w = LayerWriter.builder().compression(c).reproducible(EPOCH).build();
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            WrittenLayer expected = w.writeDirectory(src, plain);

            BlobWriter out = layout.newBlobWriter();
            WrittenLayer written = w.writeDirectory(src, out);
            Blob blob = out.commit();

            assertThat(written).as(c.name()).isEqualTo(expected);
            assertThat(blob.digest()).as(c.name()).isEqualTo(expected.digest()).isEqualTo(Digest.sha256(plain.toByteArray()));
            assertThat(blob.size()).as(c.name()).isEqualTo(plain.size());
            assertThat(Files.readAllBytes(layout.blobPath(blob.digest()))).as(c.name()).isEqualTo(plain.toByteArray());
        }
    }

    @Test
    void aBlobWriterThatAlreadyHoldsBytesDoesNotLendItsDigestToTheLayer() throws Exception {
        Path src = LayerRoundTripTest.richTree(tmp.resolve("src"));
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        LayerWriter w = LayerWriter.builder().compression(Compression.GZIP).reproducible(EPOCH).build();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        WrittenLayer expected = w.writeDirectory(src, plain);

        BlobWriter out = layout.newBlobWriter();
        byte[] prefix = "prefix".getBytes(StandardCharsets.UTF_8);
        out.write(prefix);
        WrittenLayer written = w.writeDirectory(src, out);
        Blob blob = out.commit();

        assertThat(written).isEqualTo(expected);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(prefix);
        whole.write(plain.toByteArray());
        assertThat(blob.digest()).isEqualTo(Digest.sha256(whole.toByteArray()));
    }

    @Test
    void theBlobWritersRunningDigestDoesNotEndDigesting() throws Exception {
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        BlobWriter out = layout.newBlobWriter();
        out.write("one".getBytes(StandardCharsets.UTF_8));
        assertThat(out.digest()).isEqualTo(Digest.sha256("one".getBytes(StandardCharsets.UTF_8)));
        out.write("two".getBytes(StandardCharsets.UTF_8));
        assertThat(out.digest()).isEqualTo(Digest.sha256("onetwo".getBytes(StandardCharsets.UTF_8)));
        assertThat(out.commit().digest()).isEqualTo(Digest.sha256("onetwo".getBytes(StandardCharsets.UTF_8)));
    }
}
