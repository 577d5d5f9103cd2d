package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oci spec} and the runtime document types of {@code oci validate}, run in-process. */
class SpecCommandTest {

    @TempDir
    Path dir;

    @Test
    void specPrintsTheDefaultConfigIndentedLikeRunc() {
        CommandRun run = CommandRun.of("spec");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(new String(RuntimeJson.writeIndented(Specs.defaultLinux()), StandardCharsets.UTF_8)
                + System.lineSeparator());
        assertThat(run.out()).startsWith("{\n\t\"ociVersion\": \"1.2.0\",\n\t\"process\": {\n\t\t\"terminal\": true,");
    }

    @Test
    void specPipedIntoValidateAsRuntimeConfigIsValid() {
        CommandRun spec = CommandRun.of("spec");

        CommandRun validate = CommandRun.withStdin(spec.out().getBytes(StandardCharsets.UTF_8),
                "validate", "--type", "runtime-config", "-");

        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).isEqualTo("<stdin>: valid runtime-config" + System.lineSeparator());
    }

    @Test
    void validateInfersARuntimeConfigFromOciVersionAndProcess() {
        for (String variant : new String[] {"spec", "--rootless"}) {
            CommandRun spec = variant.equals("spec") ? CommandRun.of("spec") : CommandRun.of("spec", "--rootless");
            CommandRun validate = CommandRun.withStdin(spec.out().getBytes(StandardCharsets.UTF_8), "validate", "-");
            assertThat(validate.exitCode()).as(variant + ": " + validate.out() + validate.err()).isZero();
            assertThat(validate.out()).contains("valid runtime-config");
        }
    }

    @Test
    void specWritesTheOutputFileWithoutATrailingNewlineAndNeverOverwrites() throws Exception {
        Path config = dir.resolve("config.json");

        assertThat(CommandRun.of("spec", "--output", config.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(config)).isEqualTo(RuntimeJson.writeIndented(Specs.defaultLinux()));

        CommandRun again = CommandRun.of("spec", "--output", config.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("exists");
    }

    @Test
    void validateInfersARuntimeStateFromIdAndStatus() throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"),
                "{\"ociVersion\":\"1.2.0\",\"id\":\"web\",\"status\":\"running\",\"pid\":4422,\"bundle\":\"/containers/web\"}");

        CommandRun run = CommandRun.of("validate", state.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("valid runtime-state");
    }

    @Test
    void runtimeViolationsExitWithOneAndNameRuleAndPointer() throws Exception {
        String spec = CommandRun.of("spec").out().replace("\"cwd\": \"/\"", "\"cwd\": \"tmp\"");
        Path config = Files.writeString(dir.resolve("config.json"), spec);
        Path state = Files.writeString(dir.resolve("state.json"),
                "{\"ociVersion\":\"1.2.0\",\"id\":\"web\",\"status\":\"created\",\"bundle\":\"/containers/web\"}");

        CommandRun run = CommandRun.of("validate", config.toString(), state.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(config + ": /process/cwd: expected an absolute path, found \"tmp\" [config.process.cwd.absolute]");
        assertThat(run.out()).contains(state + ": /pid: ").contains("[state.pid.required]");
    }

    @Test
    void anUnreadableRuntimeDocumentExitsWithTwo() throws Exception {
        Path truncated = Files.writeString(dir.resolve("config.json"), "{\"ociVersion\": \"1.2.0\", \"process\": ");

        assertThat(CommandRun.of("validate", "--type", "runtime-config", truncated.toString()).exitCode()).isEqualTo(2);
    }
}
