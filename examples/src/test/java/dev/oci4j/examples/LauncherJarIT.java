package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code target/oci} launcher: the same output as {@code java -jar oci.jar}, its class-data sharing
 * archive used when it matches, and a silent plain run when it does not (moved, or a newer jar).
 */
class LauncherJarIT {

    @TempDir
    Path dir;

    @Test
    void theLauncherRunsTheJarWithItsArchive() throws Exception {
        Path launcher = launcher();
        assertThat(run(List.of(launcher.toString(), "--version"), "")).isEqualTo("oci4j 0.1.0-SNAPSHOT\n");
        assertThat(run(List.of(launcher.toString(), "help"), "")).contains("validate", "unpack");
        Path archive = launcher.resolveSibling("oci.jsa");
        // The package phase makes it unless -Doci4j.skipCds=true; an older one belongs to an older jar.
        if (Files.exists(archive) && Files.getLastModifiedTime(archive)
                .compareTo(Files.getLastModifiedTime(launcher.resolveSibling("oci.jar"))) > 0) {
            // --rootless: a plain oci spec prints stored text, without the archive (see StoredSpec).
            String log = run(List.of(launcher.toString(), "spec", "--rootless"), "-Xlog:class+load");
            assertThat(log).contains("dev.oci4j.examples.SpecCommand source: shared objects file");
        }
        Path validateArchive = launcher.resolveSibling("oci-validate.jsa");
        if (Files.exists(validateArchive) && Files.getLastModifiedTime(validateArchive)
                .compareTo(Files.getLastModifiedTime(launcher.resolveSibling("oci.jar"))) > 0) {
            // validate maps its own, smaller archive.
            Path manifest = Files.writeString(dir.resolve("manifest.json"), "{\"schemaVersion\":2,\"mediaType\":"
                    + "\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
                    + "\"application/vnd.oci.image.config.v1+json\",\"digest\":"
                    + "\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2},\"layers\":[]}");
            String flags = run(List.of(launcher.toString(), "validate", manifest.toString()), "-XX:+PrintFlagsFinal");
            assertThat(flags).containsPattern("SharedArchiveFile += \\S*/oci-validate\\.jsa ")
                    .contains(manifest + ": valid manifest");
        }
    }

    @Test
    void layerVerbsRunWithTheirCompilerOptionsAndPrintOnlyTheirOutput() throws Exception {
        Path launcher = launcher();
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("hello.txt"), "hello\n");
        String layout = "oci:" + dir.resolve("layout") + ":t";
        // The options reach the JVM (it prints them back), and CompileCommand's own notices stay quiet.
        String built = run(List.of(launcher.toString(), "build", layout, "--layer", tree.toString()),
                "-XX:+PrintFlagsFinal");
        assertThat(built).containsPattern("Tier4InvocationThreshold += 50000 ")
                .doesNotContain("CompileCommand:").containsPattern("(?m)^sha256:[0-9a-f]{64}$");
        String unpacked = run(List.of(launcher.toString(), "unpack", layout, dir.resolve("rootfs").toString()), "");
        assertThat(unpacked).startsWith("unpacked sha256:").doesNotContain("CompileCommand");
        assertThat(dir.resolve("rootfs/hello.txt")).hasContent("hello");
    }

    @Test
    void aMovedOrRebuiltCopyRunsWithoutTheArchiveAndSaysNothing() throws Exception {
        Path launcher = launcher();
        for (String name : List.of("oci", "oci.jar", "oci.jsa", "oci.jsa.jdk")) {
            if (Files.exists(launcher.resolveSibling(name))) {
                Files.copy(launcher.resolveSibling(name), dir.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        String moved = run(List.of(dir.resolve("oci").toString(), "spec", "--rootless"), "-Xlog:class+load");
        assertThat(moved).contains("dev.oci4j.examples.SpecCommand source: file:").doesNotContain("warning");
        Files.setLastModifiedTime(dir.resolve("oci.jar"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(run(List.of(dir.resolve("oci").toString(), "spec", "--rootless"), "")).startsWith("{").doesNotContain("warning");
    }

    private static Path launcher() {
        TestEnvironment.requireTool("bash"); // the launcher is a bash script
        Path jar = Path.of(System.getProperty("oci.jar", "target/oci.jar"));
        Path launcher = jar.resolveSibling("oci");
        assertThat(launcher).as("the launcher the package phase writes next to the jar").isExecutable();
        return launcher;
    }

    private String run(List<String> command, String javaOptions) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OCI_JAVA_OPTS", javaOptions);
        Process p = pb.start();
        assertThat(p.waitFor()).as(command.toString()).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
