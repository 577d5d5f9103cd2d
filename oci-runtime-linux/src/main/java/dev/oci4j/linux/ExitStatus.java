package dev.oci4j.linux;

import java.util.OptionalInt;

/**
 * How a container's process ended: with an exit code, or killed by a signal. {@link #shellCode()}
 * folds both into one number the way shells, Docker and {@code oci run} report them (128 + N for
 * signal N).
 */
public final class ExitStatus {

    private final int code;
    private final int signal;
    private final boolean oomKilled;

    private ExitStatus(int code, int signal, boolean oomKilled) {
        this.code = code;
        this.signal = signal;
        this.oomKilled = oomKilled;
    }

    /** Ended by {@code exit(code)}. */
    public static ExitStatus exited(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("exit code " + code + ": expected 0 to 255");
        }
        return new ExitStatus(code, 0, false);
    }

    /** Killed by signal {@code signal}. */
    public static ExitStatus killed(int signal) {
        if (signal < 1 || signal > 64) {
            throw new IllegalArgumentException("signal " + signal + ": expected 1 to 64");
        }
        return new ExitStatus(-1, signal, false);
    }

    /** Decodes a POSIX wait status ({@code WIFEXITED}/{@code WTERMSIG}). */
    public static ExitStatus fromWaitStatus(int status) {
        int sig = status & 0x7f;
        return sig == 0 ? exited((status >> 8) & 0xff) : killed(sig);
    }

    /** The same status, marked as killed by the kernel's OOM killer in the container's cgroup. */
    public ExitStatus withOomKilled(boolean oom) {
        return new ExitStatus(code, signal, oom);
    }

    /** The exit code, empty when a signal ended the process. */
    public OptionalInt exitCode() {
        return signal == 0 ? OptionalInt.of(code) : OptionalInt.empty();
    }

    /** The signal that ended the process, empty when it exited. */
    public OptionalInt signal() {
        return signal == 0 ? OptionalInt.empty() : OptionalInt.of(signal);
    }

    public boolean killedBySignal() {
        return signal != 0;
    }

    /** Whether the container's memory cgroup recorded an OOM kill while it ran. */
    public boolean oomKilled() {
        return oomKilled;
    }

    /** Whether the process exited with code 0. */
    public boolean success() {
        return signal == 0 && code == 0;
    }

    /** The exit code, or 128 + the signal number. */
    public int shellCode() {
        return signal == 0 ? code : 128 + signal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExitStatus s && s.code == code && s.signal == signal && s.oomKilled == oomKilled;
    }

    @Override
    public int hashCode() {
        return (code * 31 + signal) * 2 + (oomKilled ? 1 : 0);
    }

    @Override
    public String toString() {
        return (signal == 0 ? "exited " + code : "killed by signal " + signal) + (oomKilled ? " (OOM)" : "");
    }
}
