package dev.oci4j.image.internal.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ISA-L engine of {@link ParallelGzipOutputStream}: output the JDK reads back, reproducible, and zlib's framing. */
class IsalGzipTest {

    private static final int BLOCK = 64 * 1024;

    @BeforeEach
    void needsIsal() {
        TestEnvironment.require(ParallelGzipOutputStream.isalAvailable(), "ISA-L (libisal.so.2) is not loadable;"
                + " it comes with the Debian package " + TestEnvironment.LIBISAL.name());
    }

    static byte[] isal(byte[] data, int level, int threads, int blockSize, int writeSize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new ParallelGzipOutputStream(bytes, level, threads, blockSize, () -> { }, true)) {
            for (int i = 0; i < data.length; i += writeSize) {
                gz.write(data, i, Math.min(writeSize, data.length - i));
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gunzipWithJdk(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 3 * BLOCK + 7})
    void everySizeAroundTheBlockBoundaryReadsBackWithTheJdksInflater(int size) throws IOException {
        byte[] data = TestData.mixed(size, size);
        for (int level = 0; level <= Isal.MAX_LEVEL; level++) {
            byte[] gz = isal(data, level, 2, BLOCK, 4096);
            assertThat(gunzipWithJdk(gz)).as("level %d, %d bytes", level, size).isEqualTo(data);
            try (GzipDecompressingInputStream in = new GzipDecompressingInputStream(new ByteArrayInputStream(gz))) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
        }
    }

    @Test
    void fuzzedInputsRoundTripThroughTheJdkAtEveryLevel() throws IOException {
        Random r = new Random(13);
        for (int i = 0; i < 60; i++) {
            int size = r.nextInt(4) == 0 ? r.nextInt(64) : r.nextInt(5 * BLOCK);
            byte[] data = switch (r.nextInt(4)) {
                case 0 -> TestData.random(size, r.nextLong());
                case 1 -> TestData.text(size, r.nextLong());
                case 2 -> new byte[size];
                default -> TestData.mixed(size, r.nextLong());
            };
            int level = r.nextInt(Isal.MAX_LEVEL + 1);
            int writeSize = 1 + r.nextInt(100_000);
            byte[] gz = isal(data, level, 1 + r.nextInt(3), BLOCK, writeSize);
            assertThat(gunzipWithJdk(gz)).as("case %d: %d bytes at level %d, writes of %d", i, size, level, writeSize)
                    .isEqualTo(data);
        }
    }

    @Test
    void outputDependsOnlyOnInputLevelAndBlockSizeNotThreadsOrWrites() throws IOException {
        byte[] data = TestData.mixed(900_000, 3);
        byte[] reference = isal(data, 3, 1, BLOCK, 1 << 20);
        assertThat(isal(data, 3, 2, BLOCK, 4096)).isEqualTo(reference);
        assertThat(isal(data, 3, 4, BLOCK, 777)).isEqualTo(reference);
        assertThat(isal(data, 1, 2, BLOCK, 4096)).isNotEqualTo(reference);
    }

    @Test
    void theEngineIsPartOfTheSettingsZlibAndIsalDifferButShareTheFraming() throws IOException {
        byte[] data = TestData.text(300_000, 5);
        byte[] zlib = ParallelGzipOutputStreamTest.gzip(data, 4, 2, BLOCK, 4096);
        byte[] isal = isal(data, 3, 2, BLOCK, 4096);
        assertThat(isal).isNotEqualTo(zlib);
        // Same ten header bytes and the same CRC-32 and size trailer: only the deflate bytes differ.
        assertThat(java.util.Arrays.copyOf(isal, 10)).isEqualTo(java.util.Arrays.copyOf(zlib, 10));
        assertThat(java.util.Arrays.copyOfRange(isal, isal.length - 8, isal.length))
                .isEqualTo(java.util.Arrays.copyOfRange(zlib, zlib.length - 8, zlib.length));
    }

    @Test
    void textShrinksAboutAsMuchAsWithZlibAndRandomDataIsStored() throws IOException {
        byte[] text = TestData.text(2_000_000, 9);
        double ratio = (double) isal(text, 3, 2, BLOCK, 1 << 16).length
                / ParallelGzipOutputStreamTest.gzip(text, 4, 2, BLOCK, 1 << 16).length;
        assertThat(ratio).as("ISA-L level 3 size / zlib level 4 size").isBetween(0.9, 1.1);
        byte[] random = TestData.random(1_000_000, 2);
        assertThat(isal(random, 3, 2, BLOCK, 1 << 16).length).isLessThan(random.length + random.length / 100);
    }

    @Test
    void levelsOutsideIsalsRangeAreRejected() {
        assertThatThrownBy(() -> ParallelGzipOutputStream.isal(new ByteArrayOutputStream(), 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..3");
        assertThatThrownBy(() -> ParallelGzipOutputStream.isal(new ByteArrayOutputStream(), -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
