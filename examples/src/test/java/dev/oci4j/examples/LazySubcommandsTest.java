package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code oci} builds the picocli model of the one subcommand it runs: the name table must match the
 * commands' own names, and everything help prints must be what the whole command line prints.
 */
class LazySubcommandsTest {

    @Test
    void everyNameMapsToTheCommandOfThatName() {
        for (String name : Oci.SUBCOMMANDS) {
            Class<?> type = Oci.subcommand(name);
            assertThat(type).as(name).isNotNull();
            assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name);
        }
        assertThat(Oci.subcommand("nope")).isNull();
        assertThat(Oci.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(Oci.SUBCOMMANDS);
    }

    @Test
    void helpAndErrorsReadTheSameAsWithEverySubcommandBuilt() {
        for (List<String> args : List.of(List.<String>of(), List.of("help"), List.of("--help"), List.of("-h"),
                List.of("help", "build"), List.of("help", "layout"), List.of("help", "registry"), List.of("bogus"),
                List.of("buid"), List.of("--version"), List.of("-h", "build"), List.of("build", "--help"),
                List.of("layout"), List.of("layout", "ls", "--help"), List.of("spec", "--bogus"), List.of("validate"))) {
            String[] a = args.toArray(String[]::new);
            assertThat(run(Oci.commandLine(a), a)).as("oci %s", args).isEqualTo(run(Oci.commandLine(), a));
        }
    }

    @Test
    void aVerbBuildsOnlyItsOwnModel() {
        assertThat(Oci.commandLine("spec", "--rootless").getSubcommands().keySet()).containsExactly("spec");
        assertThat(Oci.commandLine("help").getSubcommands().keySet()).containsExactlyElementsOf(Oci.SUBCOMMANDS);
    }

    private static String run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true));
        int code = commandLine.execute(args);
        return "exit " + code + "\n" + out;
    }
}
