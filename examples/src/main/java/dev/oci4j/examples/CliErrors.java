package dev.oci4j.examples;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns a failure into one line for the user: what went wrong and where, without a stack trace. */
final class CliErrors {

    private CliErrors() {
    }

    /** Prints {@code oci COMMAND: message} and returns exit code 1. */
    static int fail(PrintWriter err, String command, Throwable e) {
        err.println("oci " + command + ": " + describe(e));
        err.flush();
        return 1;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + m;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + m;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists: " + m;
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory: " + m;
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory" + (m == null ? "" : " (" + m + ")");
        }
        if (e instanceof StackOverflowError) {
            return "input nested too deeply (stack overflow)";
        }
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName() + (e.getCause() == null ? "" : ": " + describe(e.getCause()));
        }
        return m;
    }
}
