package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oci spec | oci validate --type runtime-config -} through the packaged jar, a real pipe between two processes. */
class SpecJarIT {

    @TempDir
    Path dir;

    @Test
    void specPipedIntoValidateExitsZero() throws Exception {
        for (List<String> spec : List.of(List.of("spec"), List.of("spec", "--rootless"))) {
            Path out = dir.resolve("validate.out");
            Path err = dir.resolve("validate.err");
            ProcessBuilder producer = new ProcessBuilder(oci(spec)).redirectError(dir.resolve("spec.err").toFile());
            ProcessBuilder consumer = new ProcessBuilder(oci(List.of("validate", "--type", "runtime-config", "-")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());

            List<Process> pipeline = ProcessBuilder.startPipeline(List.of(producer, consumer));

            assertThat(pipeline.get(0).waitFor()).as(Files.readString(dir.resolve("spec.err"))).isZero();
            assertThat(pipeline.get(1).waitFor()).as(Files.readString(out) + Files.readString(err)).isZero();
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("<stdin>: valid runtime-config\n");
            assertThat(Files.readString(err)).isEmpty();
        }
    }

    private static List<String> oci(List<String> args) {
        String jar = System.getProperty("oci.jar", "target/oci.jar");
        assertThat(Path.of(jar)).as("the packaged command").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(args);
        return command;
    }
}
