package dev.oci4j.image.internal.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelGzipOutputStreamTest {

    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path dir;

    static byte[] gzip(byte[] data, int level, int threads, int blockSize, int writeSize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new ParallelGzipOutputStream(bytes, level, threads, blockSize)) {
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
    void everySizeAroundTheBlockBoundaryReadsBackWithTheJdksGzipReader(int size) throws IOException {
        byte[] data = TestData.mixed(size, size);
        for (int level : new int[] {0, 1, 4, 6, 9}) {
            byte[] gz = gzip(data, level, 2, BLOCK, 4096);
            assertThat(gunzipWithJdk(gz)).as("level %d, %d bytes", level, size).isEqualTo(data);
            try (GzipDecompressingInputStream in = new GzipDecompressingInputStream(new ByteArrayInputStream(gz))) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
        }
    }

    @Test
    void theHeaderIsReproducibleAndTheTrailerCarriesCrcAndSize() throws IOException {
        byte[] data = TestData.text(300_000, 1);
        byte[] gz = gzip(data, 6, 2, BLOCK, 8192);
        assertThat(Arrays.copyOf(gz, 10)).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        int n = gz.length;
        long trailerCrc = (gz[n - 8] & 0xffL) | (gz[n - 7] & 0xffL) << 8 | (gz[n - 6] & 0xffL) << 16 | (gz[n - 5] & 0xffL) << 24;
        long trailerSize = (gz[n - 4] & 0xffL) | (gz[n - 3] & 0xffL) << 8 | (gz[n - 2] & 0xffL) << 16 | (gz[n - 1] & 0xffL) << 24;
        assertThat(trailerCrc).isEqualTo(crc.getValue());
        assertThat(trailerSize).isEqualTo(data.length);
    }

    @Test
    void outputIsTheSameForEveryThreadCountAndWriteSize() throws IOException {
        byte[] data = TestData.mixed(1_500_000, 7);
        byte[] reference = gzip(data, 6, 1, BLOCK, data.length);
        for (int threads : new int[] {1, 2, 3, 8}) {
            for (int writeSize : new int[] {1, 511, 65536, 1 << 20}) {
                if (writeSize == 1 && threads != 2) {
                    continue; // byte-at-a-time is slow; once is enough
                }
                assertThat(gzip(data, 6, threads, BLOCK, writeSize))
                        .as("threads %d, writes of %d", threads, writeSize).isEqualTo(reference);
            }
        }
    }

    @Test
    void dictionariesKeepTheRatioCloseToOneDeflateStream() throws IOException {
        byte[] data = TestData.text(2_000_000, 3);
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(single) {
            {
                def.setLevel(6);
            }
        }) {
            gz.write(data);
        }
        byte[] parallel = gzip(data, 6, 2, BLOCK, 65536);
        assertThat((double) parallel.length / single.size()).isLessThan(1.005);
    }

    @Test
    void randomDataIsStoredRatherThanDeflated() throws IOException {
        byte[] data = TestData.random(1_000_000, 5);
        byte[] gz = gzip(data, 6, 2, BLOCK, 65536);
        // 5 bytes per 64 KiB stored block, plus header and trailer: never larger than the input by more.
        assertThat(gz.length).isLessThanOrEqualTo(data.length + 5 * (data.length / 65535 + 1) * 2 + 18);
        assertThat(gunzipWithJdk(gz)).isEqualTo(data);
    }

    @Test
    void gzipAndPigzCommandLineToolsAcceptTheOutput() throws IOException {
        TestEnvironment.requireTool("gzip");
        TestEnvironment.requireTool("pigz");
        byte[] data = TestData.mixed(3_000_000, 11);
        for (int level : new int[] {1, 4, 9}) {
            Path file = dir.resolve("mixed-" + level + ".gz");
            Files.write(file, gzip(data, level, 2, BLOCK, 10_000));
            Commands.runOk("gzip", "-t", file.toString());
            assertThat(Commands.runOk("gzip", "-dc", file.toString()).stdoutBytes()).isEqualTo(data);
            Commands.runOk("pigz", "-t", file.toString());
        }
        Path empty = dir.resolve("empty.gz");
        Files.write(empty, gzip(new byte[0], 6, 2, BLOCK, 1));
        Commands.runOk("gzip", "-t", empty.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 7 * BLOCK + 123})
    void theInputDigestCoversEveryByteInOrderAndTheOutputIsUnchanged(int size) throws Exception {
        byte[] data = TestData.mixed(size, size);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(bytes, 4, 3, BLOCK).digestInput(digest);
        try (gz) {
            for (int i = 0; i < data.length; i += 5000) {
                gz.write(data, i, Math.min(5000, data.length - i));
            }
        }
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        assertThat(gz.inputSize()).isEqualTo(size);
        assertThat(bytes.toByteArray()).isEqualTo(gzip(data, 4, 1, BLOCK, 65536));
    }

    @Test
    void theInputDigestIsSetBeforeTheFirstWrite() throws IOException {
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(new ByteArrayOutputStream(), 4, 2, BLOCK);
        gz.write(1);
        assertThatThrownBy(() -> gz.digestInput(MessageDigest.getInstance("SHA-256")))
                .isInstanceOf(IllegalStateException.class);
        gz.close();
    }

    @Test
    void aFailingWorkerFailsTheWriterAndTheThreadsStop() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(sink, 6, 2, BLOCK, () -> {
            throw new IllegalStateException("boom in worker");
        });
        byte[] data = TestData.text(20 * BLOCK, 2);
        assertThatThrownBy(() -> gz.write(data))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("boom in worker")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> gz.write(1)).isInstanceOf(IOException.class).hasMessageContaining("failed earlier");
        gz.close();
        assertThat(gz.hasWorkers()).isFalse();
    }

    @Test
    void aFailingTargetStreamSurfacesItsIOException() throws IOException {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(broken, 6, 2, BLOCK);
        assertThatThrownBy(() -> gz.write(TestData.text(10 * BLOCK, 4))).hasMessage("disk full");
        gz.close();
        assertThat(gz.hasWorkers()).isFalse();
    }

    @Test
    void closeLeavesNoWorkerThreadRunning() throws Exception {
        for (int i = 0; i < 5; i++) {
            gzip(TestData.mixed(8 * BLOCK, i), 6, 2, BLOCK, 65536);
        }
        List<Thread> left = TestData.threadsNamed("oci4j-gzip-");
        for (Thread t : left) {
            t.join(10_000); // a worker may still be returning from its loop after termination was signalled
        }
        assertThat(TestData.threadsNamed("oci4j-gzip-")).isEmpty();
    }

    @Test
    void workersAreDaemonThreads() throws IOException {
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(new ByteArrayOutputStream(), 6, 2, BLOCK, () -> {
            assertThat(Thread.currentThread().isDaemon()).isTrue();
        });
        gz.write(TestData.text(4 * BLOCK, 9));
        gz.close(); // an assertion failure in the hook is rethrown here
    }

    @Test
    void aStreamShorterThanOneBlockStartsNoThreads() throws IOException {
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(new ByteArrayOutputStream(), 6, 2, BLOCK);
        gz.write(TestData.text(BLOCK, 9));
        gz.close();
        assertThat(gz.hasWorkers()).isFalse();
    }

    @Test
    void misuseIsRejected() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new ParallelGzipOutputStream(out, 10, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1..9");
        assertThatThrownBy(() -> new ParallelGzipOutputStream(out, 6, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParallelGzipOutputStream(out, 6, 1, 1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParallelGzipOutputStream(null, 6, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void writingAfterCloseIsAnIOException() throws IOException {
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(new ByteArrayOutputStream(), 6, 2);
        gz.close();
        gz.close();
        assertThatThrownBy(() -> gz.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }
}
