package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.RuntimeValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {

    @TempDir
    Path tmp;

    @Test
    void theReadmeExampleBuildsAValidImageAndARuntimeConfig() throws Exception {
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs/etc"));
        Files.writeString(rootfs.resolve("hostname"), "hello\n");
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[] {tmp.resolve("rootfs").toString(), tmp.resolve("out").toString()});
        } finally {
            System.setOut(old);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("sha256:[0-9a-f]{64} valid");
        var config = RuntimeJson.readSpec(tmp.resolve("out/config.json"));
        assertThat(config.process().orElseThrow().args()).containsExactly("/bin/sh", "-c", "echo hi");
        assertThat(RuntimeValidator.validate(config).isValid()).isTrue();
    }
}
