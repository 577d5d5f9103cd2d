package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code target/oci.jar}, run as a real process: what users and scripts see. */
class ValidateJarIT {

    @TempDir
    Path dir;

    @Test
    void theShadedJarValidatesAndReportsExitCodesZeroOneTwo() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, ValidateCommandTest.resource("manifest.json"));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, ValidateCommandTest.resource("manifest.json").replace("\"size\": 7023", "\"size\": -7"));
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"schemaVersion\": 2,");

        Result valid = oci("validate", manifest.toString());
        assertThat(valid.exit()).as(valid.err()).isZero();
        assertThat(valid.out()).contains("valid manifest");
        // Hibernate Validator's INFO banner must not leak into the command's output.
        assertThat(valid.err()).isEmpty();

        Result invalid = oci("validate", manifest.toString(), broken.toString());
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.out()).contains(broken + ": /config/size: expected a size in bytes >= 0, found -7"
                + " [descriptor.size.negative]");

        Result unreadable = oci("validate", garbage.toString());
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.err()).contains("garbage.json: malformed JSON at line 1");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result oci(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("oci.jar", "target/oci.jar");
        assertThat(Path.of(jar)).as("the packaged command").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
