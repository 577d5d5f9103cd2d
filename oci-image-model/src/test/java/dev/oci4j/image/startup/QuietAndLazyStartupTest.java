package dev.oci4j.image.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library writes nothing to the console, and reading does not pay for validation: checked in a
 * fresh JVM, where Hibernate Validator's first bootstrap would announce itself and its classes load.
 */
class QuietAndLazyStartupTest {

    @TempDir
    Path dir;

    @Test
    void validatingInAFreshJvmWritesNothingToStderr() throws Exception {
        Result r = run("validate");
        assertThat(r.exit).as(r.stderr).isZero();
        assertThat(r.stderr).isEmpty();
        assertThat(r.stdout).doesNotContain("HV000001");
        // Validation did load Hibernate Validator, so the silence above is the bootstrap's, not its absence.
        assertThat(r.loadedAfterReading()).anyMatch(c -> c.startsWith("org.hibernate.validator."));
    }

    @Test
    void readingLoadsNothingOfBeanValidation() throws Exception {
        Result r = run("read");
        assertThat(r.exit).as(r.stderr).isZero();
        assertThat(r.loadedBeforeReadingEnded())
                .isNotEmpty()
                .noneMatch(c -> c.startsWith("org.hibernate.") || c.startsWith("jakarta.validation.")
                        || c.startsWith("org.jboss.logging.") || c.startsWith("dev.oci4j.internal.validation.")
                        || c.contains(".internal.validation."));
    }

    private record Result(int exit, String stdout, String stderr) {
        List<String> loaded(String text) {
            return text.lines().filter(l -> l.startsWith("[") && l.contains("class,load"))
                    .map(l -> l.replaceFirst("^.*class,load\\]\\s*", "").split(" ")[0]).toList();
        }

        List<String> loadedBeforeReadingEnded() {
            return loaded(stdout.substring(0, stdout.indexOf("=== read done")));
        }

        List<String> loadedAfterReading() {
            return loaded(stdout.substring(stdout.indexOf("=== read done")));
        }
    }

    private Result run(String mode) throws IOException, InterruptedException {
        Path out = dir.resolve(mode + ".out");
        Path err = dir.resolve(mode + ".err");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-Djava.io.tmpdir=" + dir, "-cp", libraryClassPath(),
                StartupMain.class.getName(), mode)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * The test class path without the test-only libraries: the JSON Schema validator brings SLF4J,
     * which jboss-logging would pick and which warns on stderr that it has no provider. A user's
     * application has the library's own dependencies, which is what this keeps.
     */
    private static String libraryClassPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (!name.startsWith("slf4j") && !name.startsWith("json-schema-validator")) {
                kept.add(entry);
            }
        }
        return kept.stream().collect(Collectors.joining(File.pathSeparator));
    }
}
