package dev.oci4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * The top-level help ({@code oci help}, {@code oci --help}, {@code oci -h}) and the error of a bare
 * {@code oci}, as picocli renders them, stored at build time: printing them needs no command model at
 * all. Rendering them took picocli about a quarter of a CPU-second in a fresh JVM (building stand-in
 * subcommands, then laying out the text in interpreted code); printing a stored text costs what
 * {@code --version} costs.
 *
 * <p>The build runs {@link #main} after compiling (see the examples pom), which renders each text with
 * picocli, plain and with ANSI styles, and checks that the four command lines behave as {@link #print}
 * assumes. At run time picocli still decides about ANSI ({@code Help.Ansi.AUTO}: terminal, {@code NO_COLOR},
 * {@code CLICOLOR}...), and any {@code picocli.*} system property (width, colours, ANSI, tracing) sends
 * the command line to picocli itself, as does a missing resource (classes compiled without the build).
 */
final class TopLevelHelp {

    /** What {@code oci help}, {@code oci --help} and {@code oci -h} print on standard output, exit 0. */
    private static final String USAGE = "top-level-help";
    /** What a bare {@code oci} prints on standard error, exit 2. */
    private static final String MISSING = "missing-subcommand";

    private TopLevelHelp() {
    }

    /**
     * Prints the stored text {@code args} asks for, if any.
     *
     * @param args the command line
     * @return the exit status, or -1 when picocli must handle the command line
     */
    static int print(String[] args) {
        String name;
        int status;
        PrintStream stream;
        if (args.length == 0) {
            name = MISSING;
            status = 2;
            stream = System.err;
        } else if (args.length == 1 && (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h"))) {
            name = USAGE;
            status = 0;
            stream = System.out;
        } else {
            return -1;
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("picocli.")) {
                return -1;
            }
        }
        byte[] text;
        try (InputStream in = TopLevelHelp.class.getResourceAsStream(resource(name, ansi()))) {
            if (in == null) {
                return -1;
            }
            text = in.readAllBytes();
        } catch (IOException e) {
            return -1;
        }
        stream.write(text, 0, text.length);
        stream.flush();
        return status;
    }

    private static String resource(String name, boolean ansi) {
        return name.concat(ansi ? "-ansi.txt" : ".txt");
    }

    /**
     * Whether picocli would print ANSI styles. Without a console only {@code CLICOLOR_FORCE} turns them on
     * in picocli's {@code Help.Ansi.AUTO} (on any OS but Windows, where Jansi may be installed), so that
     * case, the common one in scripts, is decided without loading picocli's help classes and their
     * colour scheme; {@code TopLevelHelpTest} checks that picocli agrees.
     */
    static boolean ansi() {
        if (System.console() == null && System.getenv("CLICOLOR_FORCE") == null
                && !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            return false;
        }
        return CommandLine.Help.Ansi.AUTO.enabled();
    }

    /** What picocli does with a command line: exit status, standard output and standard error. */
    record Rendered(int status, String out, String err) {
    }

    /** Runs {@code args} through picocli as {@code oci} does, with ANSI styles on or off. */
    static Rendered render(boolean ansi, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Oci.commandLine(args);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(ansi ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int status = Oci.execute(commandLine, args);
        return new Rendered(status, out.toString(), err.toString());
    }

    /**
     * Writes the stored texts into the package's resource directory under {@code args[0]}, after checking
     * that every command line {@link #print} answers prints what it assumes.
     *
     * @param args the class output directory ({@code target/classes})
     * @throws IOException when a file cannot be written
     * @throws IllegalStateException when picocli does not behave as {@link #print} assumes
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).resolve(TopLevelHelp.class.getPackageName().replace('.', '/'));
        for (boolean ansi : new boolean[] {false, true}) {
            Rendered usage = render(ansi, "help");
            check(usage.status() == 0 && usage.err().isEmpty() && !usage.out().isEmpty(), "oci help", usage);
            for (String alias : List.of("--help", "-h")) {
                check(render(ansi, alias).equals(usage), "oci " + alias + " differs from oci help", render(ansi, alias));
            }
            Rendered missing = render(ansi);
            check(missing.status() == 2 && missing.out().isEmpty() && !missing.err().isEmpty(), "oci", missing);
            write(dir.resolve(resource(USAGE, ansi)), usage.out());
            write(dir.resolve(resource(MISSING, ansi)), missing.err());
        }
    }

    private static void check(boolean expected, String what, Rendered found) {
        if (!expected) {
            throw new IllegalStateException("picocli no longer prints " + what + " as TopLevelHelp stores it: " + found);
        }
    }

    private static void write(Path file, String text) throws IOException {
        // Printed as bytes, bypassing the encoding of standard output: only ASCII is the same in every one.
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            throw new IllegalStateException("the help text is not ASCII, print it through picocli: " + file);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
