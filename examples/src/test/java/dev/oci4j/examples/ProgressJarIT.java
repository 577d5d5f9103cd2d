package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.LocalRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code oci push}/{@code oci pull} with real standard streams: piped, stderr stays empty
 * and stdout is the digest alone; on a terminal (a pseudo-terminal made by util-linux's
 * {@code script}), a progress line is drawn in place and ended before the digest.
 */
class ProgressJarIT {

    @TempDir
    Path dir;

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String jar() {
        Path jar = Path.of(System.getProperty("oci.jar", "target/oci.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged command").exists();
        return jar.toString();
    }

    @Test
    void quietWhenPipedAndABarOnATerminal() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Files.write(rootfs.resolve("data.bin"), data);
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = ImageBuilder.fromScratch().platform(Platform.of("linux", "amd64")).addLayer(rootfs)
                .writeTo(src, "v1");

        try (LocalRegistry registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")), "")) {
            String image = "docker://" + registry.host() + "/progress/app:v1";

            Process push = new ProcessBuilder(java(), "-jar", jar(), "push", "oci:" + dir.resolve("src") + ":v1", image)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(dir.resolve("push.err").toFile()).start();
            String out = new String(push.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(push.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(push.exitValue()).as(Files.readString(dir.resolve("push.err"))).isZero();
            assertThat(out).isEqualTo(built.digest() + "\n");
            assertThat(Files.readString(dir.resolve("push.err"))).as("nothing on a piped stderr").isEmpty();

            // script gives the command a terminal on stdin, stdout and stderr, and copies what it shows.
            Commands.Result onTty = Commands.run(dir, List.of("script", "-qec",
                    java() + " -jar " + jar() + " pull " + image + " oci:" + dir.resolve("dst") + ":v1", "/dev/null"));
            assertThat(onTty.exitCode()).as(onTty.toString()).isZero();
            String shown = onTty.stdout();
            assertThat(shown).contains("\rblobs 2/2 [########################] ")
                    .contains("MiB / ")
                    .endsWith("\r\n" + built.digest() + "\r\n");
            assertThat(ImageLayout.open(dir.resolve("dst")).resolve("v1").orElseThrow().digest()).isEqualTo(built.digest());
        }
    }
}
