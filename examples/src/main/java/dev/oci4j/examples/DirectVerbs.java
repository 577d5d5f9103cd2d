package dev.oci4j.examples;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * {@code oci pull SRC DST}, {@code oci push SRC DST} and {@code oci copy SRC DST} with nothing but their two
 * arguments, run without picocli. Building picocli's model of the command (reflecting over the command's
 * fields, the registry options mixin and their annotations, then parsing) took 0.1-0.15 s of a cold
 * {@code oci pull}'s main thread, for two arguments that need no parsing; skopeo's whole pull of a 100 MiB
 * image takes 0.4-0.6 s.
 *
 * <p>Everything else goes to picocli: any other argument count, an argument that picocli could read as an
 * option, an end of options or an argument file ({@code -...}, {@code @...}), an empty argument, and any
 * {@code picocli.*} system property (tracing, for one). What the command prints and its exit status are
 * picocli's: the same command object runs with writers made as picocli makes them, and a failure it does not
 * catch itself ends as {@link Oci#unexpected} and {@link Oci#execute} end it.
 */
final class DirectVerbs {

    /** What {@link #run} returns when picocli must handle the command line. */
    static final int PICOCLI = -1;

    private DirectVerbs() {
    }

    /**
     * Runs {@code args} when it is a registry verb and two plain arguments.
     *
     * @param args the command line
     * @return the exit status, or {@link #PICOCLI} when the command line is picocli's to handle
     */
    static int run(String... args) {
        if (args.length != 3 || !plain(args[1]) || !plain(args[2])) {
            return PICOCLI;
        }
        String verb = args[0];
        if (!verb.equals("pull") && !verb.equals("push") && !verb.equals("copy")) {
            return PICOCLI;
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("picocli.")) {
                return PICOCLI;
            }
        }
        PrintWriter out = writer(System.out, "sun.stdout.encoding");
        PrintWriter err = writer(System.err, "sun.stderr.encoding");
        if (out == null || err == null) {
            return PICOCLI;
        }
        try {
            switch (verb) {
                case "pull": {
                    PullCommand c = new PullCommand();
                    c.registry = new RegistryOptions();
                    c.source = args[1];
                    c.destination = args[2];
                    return c.run(out, err);
                }
                case "push": {
                    PushCommand c = new PushCommand();
                    c.registry = new RegistryOptions();
                    c.source = args[1];
                    c.destination = args[2];
                    return c.run(out, err);
                }
                default: {
                    CopyCommand c = new CopyCommand();
                    c.registry = new RegistryOptions();
                    c.source = args[1];
                    c.destination = args[2];
                    return c.run(out, err);
                }
            }
        } catch (VirtualMachineError e) {
            // As Oci.execute ends it; other Errors propagate, as they do through picocli.
            err.println("oci: " + CliErrors.describe(e));
            err.flush();
            return 1;
        } catch (Exception e) {
            // As Oci.unexpected ends it: the command's qualified name, exitCodeOnExecutionException (1).
            err.println("oci " + verb + ": " + CliErrors.describe(e));
            err.flush();
            return 1;
        }
    }

    /** What picocli reads as a positional parameter value in every configuration of ours. */
    private static boolean plain(String arg) {
        return !arg.isEmpty() && arg.charAt(0) != '-' && arg.charAt(0) != '@';
    }

    /**
     * The writer picocli makes for {@code stream} ({@code CommandLine.getOut()}/{@code getErr()}): buffered,
     * flushed by {@code println}, in the encoding the JVM reports for the stream or else the default one
     * (Windows' {@code cp65001} read as UTF-8). Null when that encoding is unknown: picocli then warns on
     * stderr before falling back, so it handles that case itself.
     */
    private static PrintWriter writer(PrintStream stream, String property) {
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
