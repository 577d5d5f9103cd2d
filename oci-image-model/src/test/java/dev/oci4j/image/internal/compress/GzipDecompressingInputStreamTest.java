package dev.oci4j.image.internal.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipDecompressingInputStreamTest {

    @TempDir
    Path dir;

    static byte[] read(byte[] gz) throws IOException {
        try (GzipDecompressingInputStream in = new GzipDecompressingInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static byte[] jdkGzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void readsWhatTheGzipCommandWroteIncludingTheFileNameField() throws IOException {
        TestEnvironment.requireTool("gzip");
        byte[] data = TestData.mixed(1_200_000, 21);
        Path file = dir.resolve("layer.tar");
        Files.write(file, data);
        Commands.runOk("gzip", "-k", "-6", file.toString()); // keeps the name: FNAME is set
        byte[] gz = Files.readAllBytes(dir.resolve("layer.tar.gz"));
        assertThat(gz[3] & 8).as("FNAME flag").isEqualTo(8);
        assertThat(read(gz)).isEqualTo(data);
    }

    @Test
    void readsWhatPigzWrote() throws IOException {
        TestEnvironment.requireTool("pigz");
        byte[] data = TestData.mixed(2_000_000, 22);
        Path file = dir.resolve("layer.tar");
        Files.write(file, data);
        byte[] gz = Commands.runOk("pigz", "-c", "-p", "2", file.toString()).stdoutBytes();
        assertThat(read(gz)).isEqualTo(data);
    }

    @Test
    void concatenatedMembersReadAsOneStream() throws IOException {
        byte[] a = TestData.text(100_000, 1);
        byte[] b = TestData.random(70_000, 2);
        assertThat(read(concat(jdkGzip(a), jdkGzip(new byte[0]), jdkGzip(b)))).isEqualTo(concat(a, b));
    }

    @Test
    void zeroPaddingAfterTheLastMemberIsAccepted() throws IOException {
        byte[] a = TestData.text(10_000, 1);
        assertThat(read(concat(jdkGzip(a), new byte[10_240]))).isEqualTo(a);
    }

    @Test
    void trailingGarbageAfterTheLastMemberIsAnError() throws IOException {
        byte[] a = TestData.text(10_000, 1);
        byte[] gz = jdkGzip(a);
        assertThatThrownBy(() -> read(concat(gz, "junk".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(ZipException.class)
                .hasMessageContaining("trailing garbage")
                .hasMessageContaining("offset " + gz.length);
        assertThatThrownBy(() -> read(concat(gz, new byte[] {0x1f, 0x00})))
                .isInstanceOf(ZipException.class)
                .hasMessageContaining("expected magic 1f 8b");
    }

    @Test
    void aTruncatedStreamIsAnEofException() throws IOException {
        byte[] gz = jdkGzip(TestData.text(200_000, 3));
        assertThatThrownBy(() -> read(Arrays.copyOf(gz, gz.length / 2))).isInstanceOf(EOFException.class)
                .hasMessageContaining("deflate data");
        assertThatThrownBy(() -> read(Arrays.copyOf(gz, gz.length - 3))).isInstanceOf(EOFException.class)
                .hasMessageContaining("trailer");
        assertThatThrownBy(() -> read(Arrays.copyOf(gz, 5))).isInstanceOf(EOFException.class)
                .hasMessageContaining("header");
    }

    @Test
    void aWrongCrcOrSizeIsAZipException() throws IOException {
        byte[] gz = jdkGzip(TestData.text(50_000, 4));
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        assertThatThrownBy(() -> read(badCrc)).isInstanceOf(ZipException.class).hasMessageContaining("CRC-32 mismatch");
        byte[] badSize = gz.clone();
        badSize[gz.length - 4] ^= 1;
        assertThatThrownBy(() -> read(badSize)).isInstanceOf(ZipException.class).hasMessageContaining("size mismatch");
    }

    @Test
    void somethingThatIsNotGzipFailsWhenOpened() {
        assertThatThrownBy(() -> new GzipDecompressingInputStream(new ByteArrayInputStream("hello world".getBytes())))
                .isInstanceOf(ZipException.class)
                .hasMessageContaining("expected magic 1f 8b, found 68 65");
    }

    @Test
    void optionalHeaderFieldsAreSkipped() throws IOException {
        byte[] data = TestData.text(30_000, 5);
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] raw = new byte[data.length + 1024];
        int n = deflater.deflate(raw);
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        long c = crc.getValue();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        gz.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 1, 2, 3, 4, 0, 3});
        gz.writeBytes(new byte[] {6, 0, 'A', 'B', 2, 0, 'x', 'y'}); // FEXTRA: one 2-byte subfield
        gz.writeBytes("name.tar\0".getBytes(StandardCharsets.ISO_8859_1));
        gz.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        gz.writeBytes(new byte[] {0x12, 0x34}); // FHCRC, not checked
        gz.write(raw, 0, n);
        gz.writeBytes(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
            (byte) data.length, (byte) (data.length >> 8), (byte) (data.length >> 16), 0});
        assertThat(read(gz.toByteArray())).isEqualTo(data);
    }

    @Test
    void readingAfterCloseIsAnIOException() throws IOException {
        GzipDecompressingInputStream in = new GzipDecompressingInputStream(new ByteArrayInputStream(jdkGzip(new byte[3])));
        in.close();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    }
}
