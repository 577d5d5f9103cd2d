package dev.oci4j.image.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blobs are streamed: a 64 MiB blob is written and read back verified by a JVM with a 16 MiB heap. */
class StreamingTest {

    @TempDir
    Path dir;

    @Test
    void aBlobLargerThanTheHeapIsWrittenAndReadVerifiedAsAStream() throws Exception {
        long size = 64L << 20;
        Path layout = dir.resolve("layout");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-cp", System.getProperty("java.class.path"), StreamingMain.class.getName(),
                layout.toString(), Long.toString(size))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(output).isZero();
        String[] parts = output.split(" ");
        assertThat(parts[1]).isEqualTo(Long.toString(size));
        assertThat(Files.size(layout.resolve("blobs/sha256/" + parts[0].substring("sha256:".length())))).isEqualTo(size);
    }
}
