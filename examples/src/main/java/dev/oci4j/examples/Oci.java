package dev.oci4j.examples;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code oci} command: each subcommand is one workflow of the library.
 *
 * <p>Subcommands are registered by name, not listed in the annotation: picocli builds a command's model by
 * reflecting over its fields and annotations, and doing that for every subcommand cost most of a second
 * of each cold start. A run builds the model of the one subcommand it names; only the top-level help
 * lists all of them, from each one's {@code @Command} annotation.
 */
// INHERIT gives every subcommand, nested ones included, --help and --version.
@Command(name = "oci",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = Oci.VERSION,
        description = "Build, inspect, validate and run OCI (Open Container Initiative) images and bundles.")
public final class Oci {

    /** What {@code oci --version} prints. */
    static final String VERSION = "oci4j 0.1.0-SNAPSHOT";

    /** Every subcommand's name, in the order of the help; {@link #subcommand} maps each to its class. */
    static final List<String> SUBCOMMANDS = List.of("help", "build", "inspect", "unpack", "validate", "spec",
            "layout", "bundle", "run", "ps", "exec", "kill", "rm", "pull", "push", "copy", "tags", "referrers",
            "login", "logout", "registry");

    private Oci() {
    }

    /**
     * Runs the {@code oci} command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // As picocli prints it, without building any command model.
            System.out.println(VERSION);
            System.out.flush();
            System.exit(0);
        }
        int printed = TopLevelHelp.print(args);
        if (printed >= 0) {
            // The top-level help and the bare command's error, as picocli rendered them at build time.
            System.exit(printed);
        }
        printed = StoredSpec.print(args);
        if (printed >= 0) {
            // The default config.json, as oci spec rendered it at build time.
            System.exit(printed);
        }
        if (args.length > 0) {
            Warmup.start(args[0]);
        }
        int status = run(args);
        stopHttpSelectors();
        System.exit(status);
    }

    /**
     * Ends the JDK HTTP client's selector threads, so that the JVM exits at once. A thread blocked in
     * {@code epoll_wait} is in native code, and the JVM's exit waits up to 300 ms for such threads to come
     * back before it gives up on them: a third of a second added to every {@code oci pull}, {@code push},
     * {@code copy}, {@code tags}. JDK 17's {@code HttpClient} cannot be closed; its selector thread ends when
     * interrupted. Threads of other names are left alone.
     */
    static void stopHttpSelectors() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                t.interrupt();
                try {
                    t.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Runs the command line and returns the exit code instead of exiting, for tests and embedding.
     *
     * @param args the command line
     * @return the exit status the {@code oci} command would end with
     */
    public static int run(String... args) {
        // validate, pull, push and copy with nothing to parse need no command model (DirectVerbs).
        int direct = DirectVerbs.run(args);
        return direct != DirectVerbs.PICOCLI ? direct : execute(commandLine(args), args);
    }

    /** The class of the subcommand {@code name}, or null when there is none of that name. */
    static Class<?> subcommand(String name) {
        // A switch rather than a map of lambdas: no class is loaded, no lambda linked, for the others.
        switch (name) {
            case "help": return CommandLine.HelpCommand.class;
            case "build": return BuildCommand.class;
            case "inspect": return InspectCommand.class;
            case "unpack": return UnpackCommand.class;
            case "validate": return ValidateCommand.class;
            case "spec": return SpecCommand.class;
            case "layout": return LayoutCommand.class;
            case "bundle": return BundleCommand.class;
            case "run": return RunCommand.class;
            case "ps": return ContainerCommands.Ps.class;
            case "exec": return ContainerCommands.Exec.class;
            case "kill": return ContainerCommands.Kill.class;
            case "rm": return ContainerCommands.Rm.class;
            case "pull": return PullCommand.class;
            case "push": return PushCommand.class;
            case "copy": return CopyCommand.class;
            case "tags": return TagsCommand.class;
            case "referrers": return ReferrersCommand.class;
            case "login": return LoginCommand.class;
            case "logout": return LogoutCommand.class;
            case "registry": return RegistryCommand.class;
            default: return null;
        }
    }

    /** The whole {@code oci} command line, every subcommand's model built, with its exception handler. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Oci());
        for (String name : SUBCOMMANDS) {
            commandLine.addSubcommand(name, new CommandLine(subcommand(name)));
        }
        commandLine.setExecutionExceptionHandler(Oci::unexpected);
        return commandLine;
    }

    /**
     * The {@code oci} command line as {@code args} need it: only the named subcommand when the first
     * argument names one; otherwise (top-level help, errors) every subcommand, those the arguments do not
     * name as a stand-in with just the name and descriptions that the help lists.
     */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new Oci());
        Class<?> first = args.length > 0 ? subcommand(args[0]) : null;
        if (first != null && first != CommandLine.HelpCommand.class) {
            commandLine.addSubcommand(args[0], new CommandLine(first));
        } else {
            List<String> named = List.of(args);
            for (String name : SUBCOMMANDS) {
                Class<?> type = subcommand(name);
                commandLine.addSubcommand(name, name.equals("help") || named.contains(name)
                        ? new CommandLine(type) : new CommandLine(listing(name, type)));
            }
        }
        commandLine.setExecutionExceptionHandler(Oci::unexpected);
        return commandLine;
    }

    /** A subcommand as the top-level help lists it: name, aliases, header and description, no options. */
    private static CommandSpec listing(String name, Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(name).aliases(command.aliases());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return spec;
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
