package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandsTest {

    @TempDir
    Path dir;

    @Test
    void anUnreachableRegistryIsOneLineNamingTheImageAndExitOne() {
        CommandRun run = CommandRun.of("pull", "docker://127.0.0.1:1/app:1", "oci:" + dir.resolve("l") + ":1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("oci pull: docker://127.0.0.1:1/app:1: ").doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("l").resolve("index.json")) ? dir.resolve("l") : dir).exists();
    }

    @Test
    void aMalformedReferenceNamesThePartThatIsWrong() {
        CommandRun run = CommandRun.of("tags", "docker://Example.com/UPPER");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("repository").doesNotContain("\tat ");
        CommandRun wrongTransport = CommandRun.of("push", "oci:" + dir, "registry/app");
        assertThat(wrongTransport.exitCode()).isEqualTo(1);
        assertThat(wrongTransport.err()).contains("docker://");
    }

    @Test
    void logoutWithoutLoginSaysSo() {
        CommandRun run = CommandRun.of("logout", "--authfile", dir.resolve("auth.json").toString(), "localhost:5000");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not logged in");
    }
}
