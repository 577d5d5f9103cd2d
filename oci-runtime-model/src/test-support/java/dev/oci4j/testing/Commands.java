package dev.oci4j.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * Runs the real tools tests compare against. The command must be one {@link TestEnvironment} knows;
 * when it is not installed the test is skipped or, with {@code -Doci4j.requireTools=true}, fails,
 * naming the Debian package, instead of ending in "No such file or directory".
 *
 * <p>Output goes to files, not pipes: a container a runtime creates inherits the runtime's standard
 * streams and would hold a pipe open after the runtime exits. Standard input is {@code /dev/null}.
 */
public final class Commands {

    private static final long TIMEOUT_SECONDS = 120;

    private Commands() {
    }

    /** What a command did: its exit code, standard output and standard error. */
    public record Result(List<String> command, int exitCode, byte[] stdoutBytes, String stderr) {

        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " exited " + exitCode + "\nstdout: " + stdout() + "\nstderr: " + stderr;
        }
    }

    /** Runs {@code command} in the current directory; fails the test, with its output, unless it exits 0. */
    public static Result runOk(String... command) {
        return runOk(null, List.of(command));
    }

    /** Runs {@code command} in {@code dir}; fails the test, with its output, unless it exits 0. */
    public static Result runOk(Path dir, List<String> command) {
        Result r = run(dir, command);
        if (r.exitCode() != 0) {
            Assertions.fail(r.toString());
        }
        return r;
    }

    /** Runs {@code command} in the current directory, whatever its exit code. */
    public static Result run(String... command) {
        return run(null, List.of(command));
    }

    /** Runs {@code command} in {@code dir} (null: the current directory), whatever its exit code. */
    public static Result run(Path dir, List<String> command) {
        TestEnvironment.requireTool(command.get(0));
        try {
            Path out = Files.createTempFile("oci4j-command", ".out");
            Path err = Files.createTempFile("oci4j-command", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                if (dir != null) {
                    pb.directory(dir.toFile());
                }
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    Assertions.fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                return new Result(List.copyOf(command), p.exitValue(), Files.readAllBytes(out),
                        new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
