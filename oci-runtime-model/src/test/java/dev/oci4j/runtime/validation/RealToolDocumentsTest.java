package dev.oci4j.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oci4j.runtime.ProcessConfig;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.RuntimeValidator;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.State;
import dev.oci4j.validation.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        assumeTrue(onPath("runc"), "runc is not installed on this machine");
        assumeTrue(isRootOnLinux(), "creating a runc container needs root on Linux");
        Path busybox = Path.of("/bin/busybox");
        assumeTrue(Files.isExecutable(busybox), "/bin/busybox (Debian busybox-static) is not installed");

        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.createDirectories(bundle.resolve("rootfs/bin"));
        Files.copy(busybox, bundle.resolve("rootfs/bin/busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        Spec spec = RuntimeJson.readSpec(toolSpec("runc", "spec"));
        ProcessConfig process = spec.process().orElseThrow().toBuilder()
                .terminal(false).args(List.of("/bin/busybox", "sleep", "60")).build();
        Files.write(bundle.resolve("config.json"), RuntimeJson.write(spec.toBuilder().process(process).build()));

        String root = dir.resolve("runc-root").toString();
        String id = "oci4j-validation-" + ProcessHandle.current().pid();
        run(List.of("runc", "--root", root, "create", "--bundle", bundle.toString(), id), true);
        try {
            byte[] stateJson = run(List.of("runc", "--root", root, "state", id), true);
            State state = RuntimeJson.readState(stateJson);
            assertThat(state.status().value()).isEqualTo("created");

            ValidationReport report = RuntimeValidator.validateState(stateJson);

            assertThat(report.violations()).as(new String(stateJson)).isEmpty();
            assertThat(RuntimeValidator.validateState(state)).isEqualTo(report);
        } finally {
            run(List.of("runc", "--root", root, "delete", "--force", id), false);
        }
    }

    private byte[] toolSpec(String... command) throws Exception {
        assumeTrue(onPath(command[0]), command[0] + " is not installed on this machine");
        Path out = Files.createTempDirectory(dir, command[0]);
        runIn(out, List.of(command), true);
        return Files.readAllBytes(out.resolve("config.json"));
    }

    private byte[] run(List<String> command, boolean mustSucceed) throws Exception {
        return runIn(dir, command, mustSucceed);
    }

    /** Output goes to files: a created container inherits the pipes and would hold them open. */
    private static byte[] runIn(Path cwd, List<String> command, boolean mustSucceed) throws Exception {
        Path stdout = Files.createTempFile("tool", ".out");
        Path stderr = Files.createTempFile("tool", ".err");
        try {
            java.lang.Process p = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 60 s");
            }
            if (mustSucceed) {
                assertThat(p.exitValue()).as("%s failed: %s", command, Files.readString(stderr)).isZero();
            }
            return Files.readAllBytes(stdout);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static boolean isRootOnLinux() throws Exception {
        return System.getProperty("os.name").equals("Linux")
                && ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }
}
