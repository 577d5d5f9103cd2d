package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestMismatchException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diffID of a compressed layer is hashed on the decompressing read-ahead thread: it must still
 * cover every byte of the tar, across many read-ahead chunks, and still catch a wrong diffID.
 */
class DiffIdReadAheadTest {

    private static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path tmp;

    private Path tree() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Random r = new Random(7);
        // Several MiB in big and small files: many 256 KiB read-ahead chunks, entries across chunk edges.
        byte[] big = new byte[3 << 20];
        r.nextBytes(big);
        Files.write(src.resolve("big.bin"), big);
        for (int i = 0; i < 300; i++) {
            byte[] small = new byte[r.nextInt(9000)];
            r.nextBytes(small);
            Trees.file(src, "d" + (i % 7) + "/f" + i, new String(small, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return src;
    }

    private static byte[] tarOf(Path blob, Compression c) throws Exception {
        try (InputStream in = c.decompress(Files.newInputStream(blob))) {
            return in.readAllBytes();
        }
    }

    @Test
    void theDiffIdOfAManyChunkLayerIsTheSha256OfItsWholeTar() throws Exception {
        Path src = tree();
        for (Compression c : new Compression[] {Compression.GZIP, Compression.ZSTD}) {
            Path blob = tmp.resolve("layer-" + c);
            WrittenLayer layer = LayerWriter.builder().compression(c).reproducible(EPOCH).build().writeDirectory(src, blob);
            assertThat(Digest.sha256(tarOf(blob, c))).as(c.name()).isEqualTo(layer.diffId());

            ApplyResult r = LayerApplier.builder().build().apply(tmp.resolve("out-" + c), LayerBlob.builder(
                    () -> Files.newInputStream(blob)).mediaType(layer.mediaType()).digest(layer.digest())
                    .size(layer.size()).diffId(layer.diffId()).build());

            assertThat(r.diffIds()).as(c.name()).containsExactly(layer.diffId());
            assertThat(Files.readAllBytes(tmp.resolve("out-" + c).resolve("big.bin")))
                    .isEqualTo(Files.readAllBytes(src.resolve("big.bin")));
        }
    }

    @Test
    void aWrongDiffIdOfAManyChunkLayerIsStillCaught() throws Exception {
        Path src = tree();
        for (Compression c : new Compression[] {Compression.GZIP, Compression.ZSTD}) {
            Path blob = tmp.resolve("layer-" + c);
            WrittenLayer layer = LayerWriter.builder().compression(c).reproducible(EPOCH).build().writeDirectory(src, blob);
            Digest wrong = Digest.sha256(new ByteArrayOutputStream().toByteArray());

            assertThatThrownBy(() -> LayerApplier.builder().build().apply(tmp.resolve("bad-" + c),
                    LayerBlob.builder(() -> Files.newInputStream(blob)).digest(layer.digest()).size(layer.size())
                            .diffId(wrong).build()))
                    .as(c.name())
                    .isInstanceOf(DigestMismatchException.class)
                    .hasMessageContaining(layer.diffId().toString())
                    .hasMessageContaining(wrong.toString());
        }
    }
}
