package dev.oci4j.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * The command lines that need no parsing, run without picocli: {@code oci validate FILE...} and
 * {@code oci pull|push|copy SRC DST} with nothing but their file names or references. Building picocli's
 * model of a command (reflecting over its fields, mixins and their annotations, then parsing) took about
 * a tenth of a CPU-second of each cold run, more than reading and sniffing a document and a fifth of
 * skopeo's whole pull of a 100 MiB image, for arguments that need no parsing. {@link StoredSpec} answers
 * {@code oci spec} with the same tests of what is plain.
 *
 * <p>Everything else goes to picocli: another argument count, an argument that picocli could read as an
 * option, an end of options or an argument file ({@code -...}, {@code @...}; {@code -} alone is standard
 * input for validate), an empty argument, any {@code picocli.*} system property (tracing, for one), and a
 * stream encoding the JVM names but cannot find. What the command prints and its exit status are
 * picocli's: the same command code runs with writers made as picocli makes them, and a failure it does not
 * catch itself ends as {@link Oci#unexpected} and {@link Oci#execute} end it.
 */
final class DirectVerbs {

    /** What {@link #run} returns when picocli must handle the command line. */
    static final int PICOCLI = -1;

    private DirectVerbs() {
    }

    /**
     * Runs {@code args} when it is one of the plain command lines above.
     *
     * @param args the command line
     * @return the exit status, or {@link #PICOCLI} when the command line is picocli's to handle
     */
    static int run(String... args) {
        if (args.length < 2) {
            return PICOCLI;
        }
        String verb = args[0];
        boolean validate = verb.equals("validate");
        if (!validate && (args.length != 3 || !verb.equals("pull") && !verb.equals("push") && !verb.equals("copy"))) {
            return PICOCLI;
        }
        for (int i = 1; i < args.length; i++) {
            if (!plain(args[i]) && !(validate && args[i].equals("-"))) {
                return PICOCLI;
            }
        }
        if (picocliProperty()) {
            return PICOCLI;
        }
        PrintWriter out = writer(System.out, "sun.stdout.encoding");
        PrintWriter err = writer(System.err, "sun.stderr.encoding");
        if (out == null || err == null) {
            return PICOCLI;
        }
        try {
            switch (verb) {
                case "validate":
                    return ValidateCommand.validate(List.of(args).subList(1, args.length), Optional.empty(), false,
                            out, err);
                case "pull":
                    return new PullCommand(args[1], args[2]).run(out, err);
                case "push":
                    return new PushCommand(args[1], args[2]).run(out, err);
                default:
                    return new CopyCommand(args[1], args[2]).run(out, err);
            }
        } catch (VirtualMachineError e) {
            // As Oci.execute ends it; other Errors propagate, as they do through picocli.
            err.println("oci: " + CliErrors.describe(e));
            err.flush();
            return 1;
        } catch (Exception e) {
            // As Oci.unexpected ends it: the command's qualified name, its exitCodeOnExecutionException.
            err.println("oci " + verb + ": " + CliErrors.describe(e));
            err.flush();
            return validate ? ValidateCommand.UNREADABLE : 1;
        }
    }

    /** What picocli reads as a positional parameter or option value as it is, in every configuration of ours. */
    static boolean plain(String arg) {
        return !arg.isEmpty() && arg.charAt(0) != '-' && arg.charAt(0) != '@';
    }

    /** Whether a {@code picocli.*} system property asks picocli for something (tracing, ANSI, ...). */
    static boolean picocliProperty() {
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The writer picocli makes for {@code stream} ({@code CommandLine.getOut()}/{@code getErr()}): buffered,
     * flushed by {@code println}, in the encoding the JVM reports for the stream or else the default one
     * (Windows' {@code cp65001} read as UTF-8). Null when that encoding is unknown: picocli then warns on
     * stderr before falling back, so it handles that case itself.
     */
    static PrintWriter writer(PrintStream stream, String property) {
        String name = System.getProperty(property);
        Charset charset;
        if (name == null) {
            charset = Charset.defaultCharset();
        } else {
            try {
                charset = Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, charset)), true);
    }
}
