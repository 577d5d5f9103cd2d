package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.build.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionTest {

    private static byte[] sample() {
        Random r = new Random(42);
        byte[] b = new byte[700_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 5000 < 2500 ? 'a' + r.nextInt(6) : r.nextInt());
        }
        return b;
    }

    private static byte[] compress(Compression c, byte[] data, int threads) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.compress(bytes, c.defaultLevel(), threads)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Test
    void everyCompressionRoundTripsAndIsDetectedFromItsMagic() throws IOException {
        byte[] data = sample();
        for (Compression c : Compression.values()) {
            byte[] packed = compress(c, data, 2);
            BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(packed));
            assertThat(Compression.detect(in)).isEqualTo(c);
            try (InputStream plain = c.decompress(in)) {
                assertThat(plain.readAllBytes()).as("%s", c).isEqualTo(data);
            }
        }
    }

    @Test
    void gzipLayersAreOrdinaryGzipAndTheSameBytesForAnyThreadCount() throws IOException {
        byte[] data = sample();
        byte[] two = compress(Compression.GZIP, data, 2);
        assertThat(compress(Compression.GZIP, data, 1)).isEqualTo(two);
        assertThat(compress(Compression.GZIP, data, 5)).isEqualTo(two);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(two))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        ByteArrayOutputStream viaDefault = new ByteArrayOutputStream();
        try (OutputStream out = Compression.GZIP.compress(viaDefault, Compression.GZIP.defaultLevel())) {
            out.write(data);
        }
        assertThat(viaDefault.toByteArray()).isEqualTo(two);
    }

    @Test
    void goReadsOurMultiBlockGzipLayersThroughUmociUnpack(@TempDir Path tmp) throws IOException {
        TestEnvironment.requireTool("umoci");
        TestEnvironment.requireRoot("umoci unpack restores file owners");
        byte[] data = sample();
        Random r = new Random(7);
        byte[] noise = new byte[900_000]; // several stored blocks, next to deflated ones
        r.nextBytes(noise);
        Path tree = Files.createDirectories(tmp.resolve("tree/data"));
        Files.write(tree.resolve("mixed.bin"), data);
        Files.write(tree.resolve("noise.bin"), noise);
        ImageLayout layout = ImageLayout.create(tmp.resolve("layout"));
        ImageBuilder.fromScratch().platform(Platform.parse("linux/amd64")).compression(Compression.GZIP)
                .addLayer(tmp.resolve("tree")).writeTo(layout, "t");
        Commands.runOk("umoci", "unpack", "--image", tmp.resolve("layout") + ":t", tmp.resolve("bundle").toString());
        assertThat(tmp.resolve("bundle/rootfs/data/mixed.bin")).hasBinaryContent(data);
        assertThat(tmp.resolve("bundle/rootfs/data/noise.bin")).hasBinaryContent(noise);
    }

    @Test
    void zstdLayersAreTheSameBytesForAnyThreadCount() throws IOException {
        byte[] data = sample();
        assertThat(compress(Compression.ZSTD, data, 1)).isEqualTo(compress(Compression.ZSTD, data, 3));
    }

    @Test
    void gzipReadingRejectsTrailingGarbage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(compress(Compression.GZIP, new byte[] {1, 2, 3}, 1));
        bytes.writeBytes(new byte[] {'x'});
        assertThatThrownBy(() -> Compression.GZIP.decompress(new ByteArrayInputStream(bytes.toByteArray())).readAllBytes())
                .isInstanceOf(ZipException.class)
                .hasMessageContaining("trailing garbage");
    }

    @Test
    void mediaTypesAndDefaultLevelsFollowTheSpecAndTheTools() {
        assertThat(Compression.NONE.layerMediaType()).isEqualTo(MediaType.OCI_LAYER_TAR);
        assertThat(Compression.GZIP.layerMediaType()).isEqualTo(MediaType.OCI_LAYER_TAR_GZIP);
        assertThat(Compression.ZSTD.layerMediaType()).isEqualTo(MediaType.OCI_LAYER_TAR_ZSTD);
        assertThat(Compression.GZIP.defaultLevel()).isEqualTo(4);
        assertThat(Compression.ZSTD.defaultLevel()).isEqualTo(3);
    }

    @Test
    void uncompressedStreamsPassThrough() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Compression.NONE.compress(out, 0)).isSameAs(out);
        InputStream in = new ByteArrayInputStream(new byte[0]);
        assertThat(Compression.NONE.decompress(in)).isSameAs(in);
        assertThat(Compression.detect(new BufferedInputStream(new ByteArrayInputStream(new byte[] {1})))).isEqualTo(Compression.NONE);
    }

    @Test
    void misuseIsRejected() {
        assertThatThrownBy(() -> Compression.GZIP.compress(new ByteArrayOutputStream(), 6, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Compression.GZIP.compress(new ByteArrayOutputStream(), 11))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Compression.ZSTD.compress(null, 3)).isInstanceOf(NullPointerException.class);
    }
}
