package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.BlobSink;
import dev.oci4j.image.Digest;
import java.io.FilterOutputStream;
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

/**
 * A layer written into a {@link BlobSink} (a layout's blob writer) takes the blob digest and size
 * from the sink: one SHA-256 pass over the blob, and the digest the manifest gets is the one that
 * names the stored file. The results must equal those of the same layer written anywhere else.
 */
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

    @Test
    void theBlobDigestComesFromTheSinkSoTheBlobIsHashedOnce() throws Exception {
        Path src = LayerRoundTripTest.richTree(tmp.resolve("src"));
        for (Compression c : Compression.values()) {
            LayerWriter w = LayerWriter.builder().compression(c).reproducible(EPOCH).build();
            WrittenLayer expected = w.writeDirectory(src, new ByteArrayOutputStream());
            // The sink answers with a digest no hash of these bytes can have: if the layer writer
            // hashed the blob itself, the result would carry the real digest instead.
            MarkedSink sink = new MarkedSink();
            WrittenLayer written = w.writeDirectory(src, sink);

            assertThat(written.digest()).as(c.name()).isEqualTo(MarkedSink.MARK);
            assertThat(written.size()).as(c.name()).isEqualTo(sink.bytes.size()).isEqualTo(expected.size());
            assertThat(sink.bytes.toByteArray()).as(c.name()).hasSize((int) expected.size());
            if (c == Compression.NONE) {
                assertThat(written.diffId()).as("uncompressed, the blob is the tar: still one pass").isEqualTo(MarkedSink.MARK);
            } else {
                assertThat(written.diffId()).as(c.name()).isEqualTo(expected.diffId());
            }
        }
    }

    @Test
    void entryListsAndDiffsTakeTheSinksDigestToo() throws Exception {
        Path lower = LayerRoundTripTest.richTree(tmp.resolve("lower"));
        Path upper = LayerRoundTripTest.richTree(tmp.resolve("upper"));
        Files.writeString(upper.resolve("added"), "new");
        LayerWriter w = LayerWriter.builder().compression(Compression.GZIP).reproducible(EPOCH).build();
        assertThat(w.writeDiff(lower, upper, new MarkedSink()).digest()).isEqualTo(MarkedSink.MARK);
        assertThat(w.writeEntries(java.util.List.of(LayerEntry.directory("d")), new MarkedSink()).digest())
                .isEqualTo(MarkedSink.MARK);
    }

    @Test
    void aBlobWriterWrappedInAnotherStreamStillGetsTheDigestOfWhatItStored() throws Exception {
        Path src = LayerRoundTripTest.richTree(tmp.resolve("src"));
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        LayerWriter w = LayerWriter.builder().compression(Compression.GZIP).reproducible(EPOCH).build();
        try (BlobWriter out = layout.newBlobWriter()) {
            WrittenLayer written = w.writeDirectory(src, new FilterOutputStream(out));
            Blob blob = out.commit();
            assertThat(written.digest()).isEqualTo(blob.digest()).isEqualTo(Digest.sha256(layout.blobPath(blob.digest())));
            assertThat(written.size()).isEqualTo(blob.size()).isEqualTo(Files.size(layout.blobPath(blob.digest())));
        }
    }

    /** Keeps the bytes, counts them, and reports a fixed digest that is not theirs. */
    private static final class MarkedSink extends BlobSink {
        static final Digest MARK = Digest.parse("sha256:" + "0123456789abcdef".repeat(4));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public String algorithm() {
            return Digest.SHA256;
        }

        @Override
        public long size() {
            return bytes.size();
        }

        @Override
        public Digest digest() {
            return MARK;
        }
    }
}
