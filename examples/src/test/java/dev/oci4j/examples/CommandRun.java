package dev.oci4j.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the {@code oci} command with its exit code, stdout and stderr. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... args) {
        return withStdin(new byte[0], args);
    }

    /** Runs {@link Oci#run} with System.in/out/err swapped for the duration (tests in a class run serially). */
    static CommandRun withStdin(byte[] stdin, String... args) {
        return withStdin(new ByteArrayInputStream(stdin), args);
    }

    /** Runs the command line through picocli even where {@link Oci#run} would not ({@link DirectVerbs}). */
    static CommandRun viaPicocli(String... args) {
        return swapped(new ByteArrayInputStream(new byte[0]), () -> Oci.execute(Oci.commandLine(args), args));
    }

    /** Runs {@link Oci#run} reading {@code stdin}, which may be endless. */
    static CommandRun withStdin(InputStream stdin, String... args) {
        return swapped(stdin, () -> Oci.run(args));
    }

    /**
     * Runs {@code command} with System.in reading {@code stdin} and System.out/err captured (as UTF-8), for
     * the entry points that answer before picocli ({@link DirectVerbs}, {@link StoredSpec}, {@link TopLevelHelp}).
     */
    static CommandRun capturing(byte[] stdin, java.util.function.IntSupplier command) {
        return swapped(new ByteArrayInputStream(stdin), command);
    }

    private static synchronized CommandRun swapped(InputStream stdin, java.util.function.IntSupplier command) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(stdin);
            int code = command.getAsInt();
            return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }
}
