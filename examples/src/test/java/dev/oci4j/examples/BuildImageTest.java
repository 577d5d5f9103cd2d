package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.layout.ImageLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildImageTest {

    @TempDir
    Path tmp;

    @Test
    void theExampleWritesTheSameImageOnEveryRun() throws IOException {
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs/etc"));
        Files.writeString(rootfs.resolve("hostname"), "hello\n");
        String first = run(tmp.resolve("rootfs"), tmp.resolve("a"));
        String second = run(tmp.resolve("rootfs"), tmp.resolve("b"));
        assertThat(first).startsWith("wrote sha256:").contains("layer  sha256:");
        assertThat(second.lines().findFirst()).map(l -> l.substring(0, 77))
                .isEqualTo(first.lines().findFirst().map(l -> l.substring(0, 77)));
        ImageLayout layout = ImageLayout.open(tmp.resolve("a"));
        assertThat(layout.resolve("hello")).isPresent();
        assertThat(layout.verify().problems()).isEmpty();
    }

    private static String run(Path rootfs, Path layout) throws IOException {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            BuildImage.main(new String[] {rootfs.toString(), layout.toString()});
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
