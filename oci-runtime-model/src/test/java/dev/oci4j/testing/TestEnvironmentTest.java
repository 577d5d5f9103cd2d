package dev.oci4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.testing.TestEnvironment.DebianPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A missing tool skips a test on a developer's machine and fails it under {@code -Doci4j.requireTools=true};
 * either way the message names the tool and the Debian package that installs it. And every package a test
 * needs is one the README's test command installs, or one Debian installs everywhere.
 */
class TestEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void aMissingToolFailsTheTestNamingItsPackageWhenToolsAreRequired() {
        assertThatThrownBy(() -> TestEnvironment.requireTool("umoci", dir.toString(), true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("umoci is not installed")
                .hasMessageContaining("Debian package umoci")
                .hasMessageContaining("-Doci4j.requireTools=true");
    }

    @Test
    void aMissingToolSkipsTheTestNamingItsPackageOtherwise() {
        assertThatThrownBy(() -> TestEnvironment.requireTool("unshare", dir.toString(), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("unshare is not installed")
                .hasMessageContaining("Debian package util-linux")
                .hasMessageContaining("skipped");
    }

    @Test
    void aToolOnThePathIsFoundEvenWhenRequired() throws IOException {
        Path umoci = Files.createFile(dir.resolve("umoci"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createDirectory(dir.resolve("empty"));
        String path = dir.resolve("empty") + ":" + dir;
        assertThat(TestEnvironment.requireTool("umoci", path, true)).isEqualTo(umoci);
    }

    @Test
    void aFileThatIsNotExecutableIsNotATool() throws IOException {
        Files.createFile(dir.resolve("umoci"));
        assertThatThrownBy(() -> TestEnvironment.requireTool("umoci", dir.toString(), true))
                .isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void aCommandNotListedIsAMistakeInTheTestNotAMissingTool() {
        assertThatThrownBy(() -> TestEnvironment.requireTool("docker", dir.toString(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"docker\"")
                .hasMessageContaining("README");
        assertThatThrownBy(() -> Commands.run("docker", "version"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingFileNamesItsPackageAndTheSystemPropertyDecidesSkipOrFail() {
        Path schema = dir.resolve("no/config-schema.json");
        String before = System.getProperty(TestEnvironment.REQUIRE_TOOLS);
        try {
            System.setProperty(TestEnvironment.REQUIRE_TOOLS, "true");
            assertThatThrownBy(() -> TestEnvironment.requireFile(schema, TestEnvironment.RUNTIME_SPEC_SCHEMAS))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining(schema + " is missing")
                    .hasMessageContaining("golang-github-opencontainers-specs-dev");
            System.clearProperty(TestEnvironment.REQUIRE_TOOLS);
            assertThatThrownBy(() -> TestEnvironment.requireFile(schema, TestEnvironment.RUNTIME_SPEC_SCHEMAS))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining(schema + " is missing");
        } finally {
            if (before == null) {
                System.clearProperty(TestEnvironment.REQUIRE_TOOLS);
            } else {
                System.setProperty(TestEnvironment.REQUIRE_TOOLS, before);
            }
        }
    }

    @Test
    void anUnmetConditionSkipsOrFailsWithWhatIsMissing() {
        assertThatThrownBy(() -> TestEnvironment.unavailable("runc has no features command", true))
                .isInstanceOf(AssertionFailedError.class).hasMessageStartingWith("runc has no features command");
        assertThatThrownBy(() -> TestEnvironment.unavailable("runc has no features command", false))
                .isInstanceOf(TestAbortedException.class).hasMessageStartingWith("runc has no features command");
    }

    @Test
    void aFileFromAPackageNobodyListedIsAMistakeInTheTest() {
        assertThatThrownBy(() -> TestEnvironment.requireFile(dir, new DebianPackage("docker.io", false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FILE_PACKAGES");
    }

    @Test
    void rootIsTheProcessUid() throws IOException {
        boolean root = "Linux".equals(System.getProperty("os.name"))
                && Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
        assertThat(TestEnvironment.isRoot()).isEqualTo(root);
    }

    @Test
    void commandsReportExitCodeAndBothStreams() {
        Commands.Result r = Commands.run("sh", "-c", "printf out; printf err >&2; exit 3");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out");
        assertThat(r.stderr()).isEqualTo("err");
        assertThatThrownBy(() -> Commands.runOk("sh", "-c", "printf oops >&2; exit 1"))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("exited 1").hasMessageContaining("oops");
    }

    /** The line after {@code <!-- test-command -->} and its code fence in the repository's README. */
    static String readmeTestCommand() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int marker = lines.indexOf("<!-- test-command -->");
        assertThat(marker).as("README.md has a <!-- test-command --> marker").isNotNegative();
        return lines.get(marker + 2);
    }

    @Test
    void theReadmeTestCommandRequiresTools() throws IOException {
        assertThat(readmeTestCommand()).contains("mvn ").contains("-D" + TestEnvironment.REQUIRE_TOOLS + "=true");
    }

    @Test
    void everyPackageTestsNeedIsOnTheReadmeInstallLineOrRequiredByDebian() throws IOException {
        Matcher install = Pattern.compile("apt-get install ([^&|;>]*)").matcher(readmeTestCommand());
        assertThat(install.find()).as("the README's test command installs packages with apt-get install").isTrue();
        Set<String> installed = new HashSet<>(Arrays.asList(install.group(1).trim().split("\\s+")));

        Set<DebianPackage> needed = new HashSet<>(TestEnvironment.COMMANDS.values());
        needed.addAll(TestEnvironment.FILE_PACKAGES);
        for (DebianPackage pkg : needed) {
            if (pkg.required()) {
                // Debian installs every Priority: required package; check the claim where dpkg can.
                String priority = Commands.runOk("dpkg-query", "-W", "-f=${Priority}", pkg.name()).stdout();
                assertThat(priority).as("Priority of %s", pkg.name()).isEqualTo("required");
            } else {
                assertThat(installed).as("packages the README's test command installs").contains(pkg.name());
            }
        }
    }
}
