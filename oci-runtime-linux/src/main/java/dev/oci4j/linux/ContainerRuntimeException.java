package dev.oci4j.linux;

import java.io.IOException;
import java.util.Objects;

/**
 * An OCI runtime operation failed: which operation, on which container, the runtime's exit code
 * and what it said on stderr (or in its log).
 */
public class ContainerRuntimeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The runtime operation that failed. */
    private final String operation;
    /** The container it was applied to; "" for none. */
    private final String containerId;
    /** The runtime's exit code, -1 when it did not get to exit. */
    private final int exitCode;
    /** What the runtime said. */
    private final String stderr;

    /**
     * A failed runtime operation; the message joins all four.
     *
     * @param operation the runtime operation: create, start, kill, delete, exec, ...
     * @param containerId the container it was applied to, "" for none (list, features)
     * @param exitCode the runtime's exit code, -1 when it did not get to exit
     * @param stderr what the runtime wrote on stderr or to its log
     * @throws NullPointerException when an argument is null
     */
    public ContainerRuntimeException(String operation, String containerId, int exitCode, String stderr) {
        super(operation + " " + containerId + " failed" + (exitCode >= 0 ? " (exit " + exitCode + ")" : "")
                + (stderr.isBlank() ? "" : ": " + stderr.strip()));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.containerId = Objects.requireNonNull(containerId, "containerId");
        this.exitCode = exitCode;
        this.stderr = stderr;
    }

    /** {@return the runtime operation: create, start, kill, delete, exec, ...} */
    public String operation() {
        return operation;
    }

    /** {@return the container the operation was applied to; "" for operations on none, such as list} */
    public String containerId() {
        return containerId;
    }

    /** {@return the runtime's exit code, -1 when it did not get to exit (did not start, timed out)} */
    public int exitCode() {
        return exitCode;
    }

    /** {@return what the runtime wrote on stderr or to its log, as written} */
    public String stderr() {
        return stderr;
    }
}
