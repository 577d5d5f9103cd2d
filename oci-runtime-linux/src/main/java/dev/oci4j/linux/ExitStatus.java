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

    /**
     * Ended by {@code exit(code)}.
     *
     * @param code the exit code, 0 to 255
     * @return the status
     * @throws IllegalArgumentException when {@code code} is outside 0 to 255
     */
    public static ExitStatus exited(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("exit code " + code + ": expected 0 to 255");
        }
        return new ExitStatus(code, 0, false);
    }

    /**
     * Killed by signal {@code signal}.
     *
     * @param signal the signal number, 1 to 64
     * @return the status
     * @throws IllegalArgumentException when {@code signal} is outside 1 to 64
     */
    public static ExitStatus killed(int signal) {
        if (signal < 1 || signal > 64) {
            throw new IllegalArgumentException("signal " + signal + ": expected 1 to 64");
        }
        return new ExitStatus(-1, signal, false);
    }

    /**
     * Decodes a POSIX wait status ({@code WIFEXITED}/{@code WTERMSIG}).
     *
     * @param status the status as {@code waitpid(2)} returns it
     * @return the exit code or the signal it holds
     */
    public static ExitStatus fromWaitStatus(int status) {
        int sig = status & 0x7f;
        return sig == 0 ? exited((status >> 8) & 0xff) : killed(sig);
    }

    /**
     * The same status, marked as killed (or not) by the kernel's OOM killer in the container's cgroup.
     *
     * @param oom whether the OOM killer struck
     * @return a new status
     */
    public ExitStatus withOomKilled(boolean oom) {
        return new ExitStatus(code, signal, oom);
    }

    /** {@return the exit code; empty when a signal ended the process} */
    public OptionalInt exitCode() {
        return signal == 0 ? OptionalInt.of(code) : OptionalInt.empty();
    }

    /** {@return the signal that ended the process; empty when it exited} */
    public OptionalInt signal() {
        return signal == 0 ? OptionalInt.empty() : OptionalInt.of(signal);
    }

    /** {@return whether a signal ended the process} */
    public boolean killedBySignal() {
        return signal != 0;
    }

    /** {@return whether the container's memory cgroup recorded an OOM kill while it ran} */
    public boolean oomKilled() {
        return oomKilled;
    }

    /** {@return whether the process exited with code 0} */
    public boolean success() {
        return signal == 0 && code == 0;
    }

    /** {@return the exit code, or 128 + the signal number, as shells report it} */
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
