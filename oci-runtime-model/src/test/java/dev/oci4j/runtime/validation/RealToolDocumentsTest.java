package dev.oci4j.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.runtime.ProcessConfig;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.RuntimeValidator;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.State;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import dev.oci4j.validation.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents the real runtimes write validate without a single violation. */
class RealToolDocumentsTest {

    @TempDir
    Path dir;

    @Test
    void runcSpecIsValid() throws Exception {
        assertThat(RuntimeValidator.validate(toolSpec("runc", "spec")).violations()).isEmpty();
    }

    @Test
    void runcRootlessSpecIsValid() throws Exception {
        assertThat(RuntimeValidator.validate(toolSpec("runc", "spec", "--rootless")).violations()).isEmpty();
    }

    @Test
    void crunSpecIsValid() throws Exception {
        assertThat(RuntimeValidator.validate(toolSpec("crun", "spec")).violations()).isEmpty();
    }

    @Test
    void stateOfACreatedRuncContainerIsValid() throws Exception {
        TestEnvironment.requireTool("runc");
        TestEnvironment.requireRoot("creating a runc container");
        Path busybox = TestEnvironment.requireFile(Path.of("/bin/busybox"), TestEnvironment.BUSYBOX_STATIC);

        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.createDirectories(bundle.resolve("rootfs/bin"));
        Files.copy(busybox, bundle.resolve("rootfs/bin/busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        Spec spec = RuntimeJson.readSpec(toolSpec("runc", "spec"));
        ProcessConfig process = spec.process().orElseThrow().toBuilder()
                .terminal(false).args(List.of("/bin/busybox", "sleep", "60")).build();
        Files.write(bundle.resolve("config.json"), RuntimeJson.write(spec.toBuilder().process(process).build()));

        String root = dir.resolve("runc-root").toString();
        String id = "oci4j-validation-" + ProcessHandle.current().pid();
        Commands.runOk(dir, List.of("runc", "--root", root, "create", "--bundle", bundle.toString(), id));
        try {
            byte[] stateJson = Commands.runOk(dir, List.of("runc", "--root", root, "state", id)).stdoutBytes();
            State state = RuntimeJson.readState(stateJson);
            assertThat(state.status().value()).isEqualTo("created");

            ValidationReport report = RuntimeValidator.validateState(stateJson);

            assertThat(report.violations()).as(new String(stateJson)).isEmpty();
            assertThat(RuntimeValidator.validateState(state)).isEqualTo(report);
        } finally {
            Commands.run(dir, List.of("runc", "--root", root, "delete", "--force", id));
        }
    }

    private byte[] toolSpec(String... command) throws Exception {
        Path out = Files.createTempDirectory(dir, command[0]);
        Commands.runOk(out, List.of(command));
        return Files.readAllBytes(out.resolve("config.json"));
    }
}
