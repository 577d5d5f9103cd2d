package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default config the build stores is what {@code oci spec} prints through picocli now, byte for byte;
 * it is printed or written only for the command lines it was made for, with {@link SpecCommand}'s
 * messages and exit statuses, and never when a {@code picocli.*} property could change picocli's behaviour.
 */
class StoredSpecTest {

    @TempDir
    Path dir;

    @Test
    void theStoredTextIsWhatSpecCommandPrints() throws IOException {
        byte[] stored = resource();
        assertThat(stored).isEqualTo(RuntimeJson.writeIndented(Specs.defaultLinux()));
        CommandRun picocli = CommandRun.of("spec");
        assertThat(picocli.exitCode()).isZero();
        assertThat(new String(stored, StandardCharsets.UTF_8) + System.lineSeparator()).isEqualTo(picocli.out());
    }

    @Test
    void specPrintsTheStoredTextAsPicocliDoes() {
        CommandRun printed = print("spec");
        assertThat(printed.exitCode()).isZero();
        assertThat(printed.err()).isEmpty();
        assertThat(printed.out()).isEqualTo(CommandRun.of("spec").out()).startsWith("{\n\t\"ociVersion\": ");
    }

    @Test
    void outputWritesTheSameFileWithTheSameErrors() throws IOException {
        for (String option : List.of("--output", "-o")) {
            Path stored = dir.resolve("stored" + option + ".json");
            Path picocli = dir.resolve("picocli" + option + ".json");
            CommandRun written = print("spec", option, stored.toString());
            assertThat(written).isEqualTo(new CommandRun(0, "", ""));
            assertThat(CommandRun.of("spec", option, picocli.toString()).exitCode()).isZero();
            assertThat(stored).hasSameBinaryContentAs(picocli);

            CommandRun again = print("spec", option, stored.toString());
            CommandRun picocliAgain = CommandRun.of("spec", option, stored.toString());
            assertThat(again).isEqualTo(picocliAgain);
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).isEqualTo("oci spec: " + stored + " exists; remove it first" + System.lineSeparator());
        }
        Path missing = dir.resolve("missing/config.json");
        CommandRun picocli = CommandRun.of("spec", "--output", missing.toString());
        assertThat(print("spec", "--output", missing.toString()))
                .isEqualTo(picocli);
        assertThat(picocli.err()).startsWith("oci spec: cannot write " + missing + ": ");
        assertThat(Files.exists(missing.getParent())).isFalse();
    }

    @Test
    void anyOtherCommandLineGoesToPicocli() {
        for (List<String> args : List.of(List.of("spec", "--rootless"), List.of("spec", "--help"), List.of("spec", "-h"),
                List.of("spec", "-o"), List.of("spec", "--output=x.json"), List.of("spec", "-ox.json"),
                List.of("spec", "-o", "@args"), List.of("spec", "-o", "--rootless"), List.of("spec", "-o", ""),
                List.of("spec", "x"), List.of("spec", "-o", "x", "--rootless"), List.of("SPEC"), List.of("validate"))) {
            assertThat(print(args.toArray(String[]::new)).exitCode()).as("oci %s", args).isEqualTo(-1);
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aPicocliPropertySendsSpecToPicocli() {
        System.setProperty("picocli.trace", "DEBUG");
        try {
            assertThat(print("spec").exitCode()).isEqualTo(-1);
        } finally {
            System.clearProperty("picocli.trace");
        }
    }

    /** What {@code StoredSpec.print(args)} returns and prints. */
    private static CommandRun print(String... args) {
        return CommandRun.capturing(new byte[0], () -> StoredSpec.print(args));
    }

    private static byte[] resource() throws IOException {
        try (InputStream in = StoredSpec.class.getResourceAsStream(StoredSpec.RESOURCE)) {
            assertThat(in).as("%s, written by the build after compiling (process-classes)", StoredSpec.RESOURCE).isNotNull();
            return in.readAllBytes();
        }
    }
}
