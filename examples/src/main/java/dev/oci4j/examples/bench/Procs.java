package dev.oci4j.examples.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs child processes (umoci, pigz, child JVMs) and times them. */
final class Procs {

    private Procs() {
    }

    /** Runs a command to completion; returns its stdout, or fails with its output. */
    static String run(String... command) throws IOException {
        return run(List.of(command), null);
    }

    /** Runs a command with stdout redirected to {@code stdoutFile} when not null. */
    static String run(List<String> command, Path stdoutFile) throws IOException {
        Path log = Files.createTempFile("bench-proc", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
            Path out = stdoutFile != null ? stdoutFile : Files.createTempFile("bench-proc", ".out");
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            int exit = p.waitFor();
            String stdout = stdoutFile != null ? "" : Files.readString(out, StandardCharsets.UTF_8);
            if (stdoutFile == null) {
                Files.delete(out);
            }
            if (exit != 0) {
                throw new IOException(command + " exited " + exit + ": " + Files.readString(log) + stdout);
            }
            return stdout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + command);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Runs a command and returns the wall-clock seconds it took, process start-up included. */
    static double time(String... command) throws IOException {
        long start = System.nanoTime();
        run(command);
        return (System.nanoTime() - start) / 1e9;
    }

    /** As {@link #time(String...)} with stdout sent to a file. */
    static double time(List<String> command, Path stdoutFile) throws IOException {
        long start = System.nanoTime();
        run(command, stdoutFile);
        return (System.nanoTime() - start) / 1e9;
    }
}
