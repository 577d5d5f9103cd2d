package dev.oci4j.linux;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A finished container or exec'd process: its exit status and the output it wrote, captured separately. */
public final class RunResult {

    private final ExitStatus status;
    private final byte[] stdout;
    private final byte[] stderr;

    public RunResult(ExitStatus status, byte[] stdout, byte[] stderr) {
        this.status = Objects.requireNonNull(status, "status");
        this.stdout = stdout.clone();
        this.stderr = stderr.clone();
    }

    public ExitStatus status() {
        return status;
    }

    public byte[] stdoutBytes() {
        return stdout.clone();
    }

    public byte[] stderrBytes() {
        return stderr.clone();
    }

    /** Standard output as UTF-8. */
    public String stdout() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error as UTF-8. */
    public String stderr() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RunResult{" + status + ", " + stdout.length + " bytes out, " + stderr.length + " bytes err}";
    }
}
