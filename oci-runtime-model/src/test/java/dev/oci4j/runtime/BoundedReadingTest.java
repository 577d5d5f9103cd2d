package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.validation.FormatReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents are read under a size limit, 4 MiB unless the caller says otherwise, as ImageJson
 * reads image documents: a stream is refused as soon as it passes the limit, a file by its size
 * before it is read, so neither an endless pipe nor a huge file fills the heap.
 */
class BoundedReadingTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    /** A valid configuration of {@code size} bytes: its hostname is padded. */
    private static byte[] configOf(int size) {
        String head = "{\"ociVersion\":\"1.2.0\",\"hostname\":\"";
        String tail = "\"}";
        return (head + "h".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTenMegabyteConfigIsRefusedFromBytesStreamsAndFiles() throws IOException {
        byte[] json = configOf(10 * MIB);
        Path file = Files.write(dir.resolve("config.json"), json);

        assertTooLarge(() -> RuntimeJson.readSpec(json));
        assertTooLarge(() -> RuntimeJson.readSpec(new ByteArrayInputStream(json)));
        assertTooLarge(() -> RuntimeJson.readSpec(file));
        assertTooLarge(() -> RuntimeJson.readState(json));
        assertTooLarge(() -> RuntimeJson.readFeatures(new ByteArrayInputStream(json)));
        assertTooLarge(() -> RuntimeJson.readFeatures(file));
        assertTooLarge(() -> RuntimeJson.sniff(json));
        assertThat(RuntimeValidator.validate(json).violations()).singleElement()
                .satisfies(v -> assertThat(v.ruleId()).isEqualTo("json.size"));
    }

    @Test
    void theLimitIsFourMebibytesInclusive() throws IOException {
        assertThat(RuntimeJson.DEFAULT_MAX_DOCUMENT_SIZE).isEqualTo(4L * MIB);
        byte[] atLimit = configOf(4 * MIB);
        assertThat(RuntimeJson.readSpec(atLimit).hostname().orElseThrow()).hasSize(4 * MIB - 36);
        assertThat(RuntimeJson.readSpec(new ByteArrayInputStream(atLimit))).isEqualTo(RuntimeJson.readSpec(atLimit));
        assertTooLarge(() -> RuntimeJson.readSpec(configOf(4 * MIB + 1)));
        assertTooLarge(() -> RuntimeJson.readSpec(new ByteArrayInputStream(configOf(4 * MIB + 1))));
    }

    @Test
    void anEndlessStreamIsRefusedOnceItPassesTheLimit() {
        CountingEndlessStream in = new CountingEndlessStream();
        assertTooLarge(() -> RuntimeJson.readSpec(in));
        // Refused while reading: at most one buffer beyond the limit, not the stream's (infinite) end.
        assertThat(in.read).isGreaterThan(4L * MIB).isLessThan(4L * MIB + 64 * 1024);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDeviceWhoseSizeReadsAsZeroIsRefusedWhileReading() {
        // /dev/zero: Files.size is 0, so only the bounded read stops it.
        assertTooLarge(() -> RuntimeJson.readSpec(Path.of("/dev/zero")));
    }

    @Test
    void theLimitIsConfigurable() throws IOException {
        RuntimeJson.DocumentReader small = RuntimeJson.withMaxDocumentSize(100);
        assertThat(small.maxDocumentSize()).isEqualTo(100);
        assertThat(small.readSpec(configOf(100)).ociVersion()).isEqualTo("1.2.0");
        assertTooLarge(() -> small.readSpec(configOf(101)));
        assertTooLarge(() -> small.readSpec(new ByteArrayInputStream(configOf(101))));
        assertTooLarge(() -> small.readSpec(Files.write(dir.resolve("config.json"), configOf(101))));
        assertTooLarge(() -> small.readState(configOf(101)));
        assertTooLarge(() -> small.readFeatures(configOf(101)));

        byte[] five = configOf(5 * MIB);
        assertThat(RuntimeJson.withMaxDocumentSize(8L * MIB).readSpec(Files.write(dir.resolve("big.json"), five)))
                .isEqualTo(RuntimeJson.withMaxDocumentSize(8L * MIB).readSpec(five));

        assertThatThrownBy(() -> RuntimeJson.withMaxDocumentSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuntimeJson.withMaxDocumentSize(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theErrorSaysWhatTheLimitIs() {
        RuntimeFormatException e = tooLarge(() -> RuntimeJson.withMaxDocumentSize(100).readSpec(configOf(150)));
        assertThat(e.location()).isEmpty();
        assertThat(e.detail()).isEqualTo("document is larger than the limit of 100 bytes, found 150 bytes");
    }

    private interface Read {
        Object run() throws IOException;
    }

    private static void assertTooLarge(Read read) {
        tooLarge(read);
    }

    private static RuntimeFormatException tooLarge(Read read) {
        try {
            read.run();
        } catch (RuntimeFormatException e) {
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(FormatReason.TOO_LARGE);
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("read without error");
    }

    /** Spaces without end, counting what was read. */
    private static final class CountingEndlessStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            read += len;
            return len;
        }
    }
}
