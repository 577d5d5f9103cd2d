package dev.oci4j.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oci} command: each subcommand is one workflow of the library. */
// INHERIT gives every subcommand, nested ones included, --help and --version.
@Command(name = "oci",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = "oci4j 0.1.0-SNAPSHOT",
        description = "Build, inspect, validate and run OCI (Open Container Initiative) images and bundles.",
        subcommands = {CommandLine.HelpCommand.class,
                BuildCommand.class,
                InspectCommand.class,
                UnpackCommand.class,
                ValidateCommand.class,
                SpecCommand.class,
                LayoutCommand.class})
public final class Oci {

    public static void main(String[] args) {
        JsonWarmup.start();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code instead of exiting, for tests and embedding. */
    public static int run(String... args) {
        return new CommandLine(new Oci()).execute(args);
    }
}
