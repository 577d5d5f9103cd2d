package dev.oci4j.examples;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

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
                LayoutCommand.class,
                BundleCommand.class,
                RunCommand.class,
                ContainerCommands.Ps.class,
                ContainerCommands.Exec.class,
                ContainerCommands.Kill.class,
                ContainerCommands.Rm.class,
                PullCommand.class, PushCommand.class, CopyCommand.class, TagsCommand.class,
                ReferrersCommand.class, LoginCommand.class, LogoutCommand.class,
                RegistryCommand.class})
public final class Oci {

    /**
     * Runs the {@code oci} command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        JsonWarmup.start();
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit code instead of exiting, for tests and embedding.
     *
     * @param args the command line
     * @return the exit status the {@code oci} command would end with
     */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    /** The {@code oci} command line, with its handler for exceptions no command expected. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Oci());
        commandLine.setExecutionExceptionHandler(Oci::unexpected);
        return commandLine;
    }

    static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (VirtualMachineError e) {
            // picocli hands only Exceptions to the handler; an Error (a stack overflow, say) would
            // otherwise end the JVM with a stack trace. One line, and the generic failure code.
            PrintWriter err = commandLine.getErr();
            err.println("oci: " + CliErrors.describe(e));
            err.flush();
            return 1;
        }
    }

    /**
     * The last line of defence: a command catches what it expects and says so in its own words; any
     * other exception still ends in one line ({@code oci COMMAND: why}), never a stack trace, with the
     * command's failure exit code ({@code exitCodeOnExecutionException}: 2 for validate and layout,
     * whose 1 means "found errors", 1 for the others).
     */
    static int unexpected(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName(" ") + ": " + CliErrors.describe(e));
        err.flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }
}
