package dev.oci4j.image.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer in another process that is alive keeps its temp file; once it is killed, the next open cleans up. */
class CrashTest {

    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesOnlyATempFileThatTheNextOpenRemovesButALiveOneKeepsIt() throws Exception {
        ImageLayout.create(dir);
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriterMain.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");

            ImageLayout.open(dir);   // the other JVM holds its temp file's lock: it stays
            assertThat(temps()).hasSize(1);
            assertThat(ImageLayout.open(dir).gc().removedTempFiles()).isZero();
            assertThat(temps()).hasSize(1);
        } finally {
            writer.destroyForcibly();
            writer.waitFor();
        }

        assertThat(temps()).hasSize(1);
        assertThat(blobFiles()).isEmpty();
        ImageLayout layout = ImageLayout.open(dir);
        assertThat(temps()).isEmpty();
        assertThat(layout.blobs()).isEmpty();
    }

    private List<Path> temps() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(BlobStore.TEMP_DIR))) {
            return s.toList();
        }
    }

    private List<Path> blobFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("blobs"))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
