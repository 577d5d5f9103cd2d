package dev.oci4j.image.internal.compress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZstdStreamsTest {

    @TempDir
    Path dir;

    static byte[] zstd(byte[] data, int level, int workers) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = ZstdStreams.compress(bytes, level, workers)) {
            for (int i = 0; i < data.length; i += 10_000) {
                out.write(data, i, Math.min(10_000, data.length - i));
            }
        }
        return bytes.toByteArray();
    }

    static byte[] unzstd(byte[] z) throws IOException {
        try (InputStream in = ZstdStreams.decompress(new ByteArrayInputStream(z))) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsEmptyTinyAndMixedInput() throws IOException {
        for (byte[] data : new byte[][] {new byte[0], {42}, TestData.mixed(3_000_000, 1)}) {
            assertThat(unzstd(zstd(data, 3, 2))).isEqualTo(data);
        }
    }

    @Test
    void outputIsTheSameForEveryWorkerCount() throws IOException {
        // Large enough for several zstd jobs at level 3 (jobs are a few MiB), so the workers really split it.
        byte[] data = TestData.mixed(12_000_000, 2);
        byte[] one = zstd(data, 3, 1);
        assertThat(zstd(data, 3, 2)).isEqualTo(one);
        assertThat(zstd(data, 3, 4)).isEqualTo(one);
        assertThat(zstd(data, 3, 2)).isEqualTo(one);
    }

    @Test
    void theZstdCommandAcceptsTheOutputAndWeReadItsOutput() throws IOException {
        TestEnvironment.requireTool("zstd");
        byte[] data = TestData.mixed(2_000_000, 3);
        Path ours = dir.resolve("ours.zst");
        Files.write(ours, zstd(data, 3, 2));
        Commands.runOk("zstd", "-q", "-t", ours.toString());
        assertThat(Commands.runOk("zstd", "-q", "-dc", ours.toString()).stdoutBytes()).isEqualTo(data);

        Path plain = dir.resolve("plain");
        Files.write(plain, data);
        byte[] theirs = Commands.runOk("zstd", "-q", "-c", "-19", plain.toString()).stdoutBytes();
        assertThat(unzstd(theirs)).isEqualTo(data);
    }

    @Test
    void concatenatedFramesReadAsOneStream() throws IOException {
        byte[] a = TestData.text(100_000, 4);
        byte[] b = TestData.random(50_000, 5);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(zstd(a, 3, 1));
        both.writeBytes(zstd(b, 1, 1));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(a);
        expected.writeBytes(b);
        assertThat(unzstd(both.toByteArray())).isEqualTo(expected.toByteArray());
    }
}
