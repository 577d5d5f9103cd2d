package dev.oci4j.linux;

import java.io.IOException;
import java.util.Objects;

/**
 * An OCI runtime operation failed: which operation, on which container, the runtime's exit code
 * and what it said on stderr (or in its log).
 */
public class ContainerRuntimeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String containerId;
    private final int exitCode;
    private final String stderr;

    public ContainerRuntimeException(String operation, String containerId, int exitCode, String stderr) {
        super(operation + " " + containerId + " failed" + (exitCode >= 0 ? " (exit " + exitCode + ")" : "")
                + (stderr.isBlank() ? "" : ": " + stderr.strip()));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.containerId = Objects.requireNonNull(containerId, "containerId");
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    /** The runtime operation: create, start, kill, delete, exec, ... */
    public String operation() {
        return operation;
    }

    public String containerId() {
        return containerId;
    }

    /** The runtime's exit code, -1 when it did not get to exit (did not start, timed out). */
    public int exitCode() {
        return exitCode;
    }

    /** What the runtime wrote on stderr or to its log, as written. */
    public String stderr() {
        return stderr;
    }
}
