package dev.oci4j.linux;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A finished container or exec'd process: its exit status and the output it wrote, captured separately. */
public final class RunResult {

    private final ExitStatus status;
    private final byte[] stdout;
    private final byte[] stderr;

    /**
     * A finished process's result; the arrays are copied.
     *
     * @param status how it ended
     * @param stdout what it wrote on standard output
     * @param stderr what it wrote on standard error
     * @throws NullPointerException when an argument is null
     */
    public RunResult(ExitStatus status, byte[] stdout, byte[] stderr) {
        this.status = Objects.requireNonNull(status, "status");
        this.stdout = stdout.clone();
        this.stderr = stderr.clone();
    }

    /** {@return how the process ended} */
    public ExitStatus status() {
        return status;
    }

    /** {@return standard output as written, a fresh copy} */
    public byte[] stdoutBytes() {
        return stdout.clone();
    }

    /** {@return standard error as written, a fresh copy} */
    public byte[] stderrBytes() {
        return stderr.clone();
    }

    /** {@return standard output decoded as UTF-8} */
    public String stdout() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** {@return standard error decoded as UTF-8} */
    public String stderr() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RunResult{" + status + ", " + stdout.length + " bytes out, " + stderr.length + " bytes err}";
    }
}
