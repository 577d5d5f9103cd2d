package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The top-level help the build stores is what picocli prints now, byte for byte, plain and with ANSI
 * styles; it is printed only for the command lines it was made for, and never when a {@code picocli.*}
 * property could change picocli's output.
 */
class TopLevelHelpTest {

    @Test
    void theStoredTextsAreWhatPicocliPrints() throws IOException {
        for (boolean ansi : new boolean[] {false, true}) {
            String suffix = ansi ? "-ansi.txt" : ".txt";
            assertThat(resource("top-level-help" + suffix)).isEqualTo(TopLevelHelp.render(ansi, "help").out())
                    .isEqualTo(TopLevelHelp.render(ansi, "--help").out()).isEqualTo(TopLevelHelp.render(ansi, "-h").out());
            assertThat(resource("missing-subcommand" + suffix)).isEqualTo(TopLevelHelp.render(ansi).err());
        }
        assertThat(resource("top-level-help-ansi.txt")).contains("\u001b[1mvalidate\u001b[21m\u001b[0m");
    }

    @Test
    void helpHelpAndAbareOciPrintTheStoredText() {
        CommandRun help = print("help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).isEqualTo(TopLevelHelp.render(false, "help").out()).startsWith("Usage: oci [-hV] [COMMAND]");
        assertThat(help.err()).isEmpty();
        assertThat(print("--help")).isEqualTo(help);
        assertThat(print("-h")).isEqualTo(help);
        CommandRun bare = print();
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.out()).isEmpty();
        assertThat(bare.err()).isEqualTo(TopLevelHelp.render(false).err()).startsWith("Missing required subcommand\n");
    }

    @Test
    void anyOtherCommandLineGoesToPicocli() {
        for (List<String> args : List.of(List.of("help", "build"), List.of("build", "--help"), List.of("-h", "build"),
                List.of("-V"), List.of("spec"), List.of("--HELP"), List.of("help", "-h"))) {
            assertThat(print(args.toArray(String[]::new)).exitCode()).as("oci %s", args).isEqualTo(-1);
        }
    }

    @Test
    void aPicocliPropertySendsEvenHelpToPicocli() {
        for (String property : List.of("picocli.usage.width", "picocli.ansi", "picocli.color.commands")) {
            System.setProperty(property, "bold");
            try {
                assertThat(print("help").exitCode()).as(property).isEqualTo(-1);
                assertThat(print().exitCode()).as(property).isEqualTo(-1);
            } finally {
                System.clearProperty(property);
            }
        }
    }

    @Test
    void theShortcutForNoConsoleAgreesWithPicocli() {
        // Tests run without a console, the case the shortcut decides alone.
        assertThat(TopLevelHelp.ansi()).isEqualTo(CommandLine.Help.Ansi.AUTO.enabled());
    }

    /** What {@code TopLevelHelp.print(args)} returns and prints. */
    private static CommandRun print(String... args) {
        return CommandRun.capturing(new byte[0], () -> TopLevelHelp.print(args));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TopLevelHelp.class.getResourceAsStream(name)) {
            assertThat(in).as("%s, written by the build after compiling (process-classes)", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
