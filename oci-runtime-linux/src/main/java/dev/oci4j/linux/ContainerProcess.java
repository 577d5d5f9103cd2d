package dev.oci4j.linux;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * A process started inside a running container ({@link ContainerRuntime#exec(String, java.util.List, Stdio)}),
 * for callers that talk to it while it runs, such as an interactive shell on a {@link Terminal}.
 * Like the container's own process, it is reaped by the backend, so its exit code or killing
 * signal reaches {@link #waitFor()}.
 *
 * <pre>{@code
 * try (ContainerProcess p = runtime.exec("web", List.of("sh"), Stdio.terminal())) {
 *     Terminal t = p.terminal().orElseThrow();
 *     t.outputStream().write("tty; exit 3\n".getBytes());
 *     ExitStatus s = p.waitFor(); // exited 3
 * }
 * }</pre>
 */
public interface ContainerProcess extends AutoCloseable {

    /**
     * The process id on the host.
     *
     * @return the host pid
     */
    long pid();

    /**
     * The process's standard input: the terminal's when started with {@link Stdio#terminal()}, the
     * pipe's with {@link Stdio#pipes()}, otherwise a stream that discards.
     *
     * @return the stream to write to
     */
    OutputStream stdin();

    /**
     * The process's standard output: the terminal's (output and error merged) with
     * {@link Stdio#terminal()}, the pipe's with {@link Stdio#pipes()}, otherwise an empty stream.
     *
     * @return the stream to read from
     */
    InputStream stdout();

    /**
     * The process's standard error: the pipe's with {@link Stdio#pipes()}, otherwise an empty
     * stream (on a terminal it arrives merged on {@link #stdout()}).
     *
     * @return the stream to read from
     */
    InputStream stderr();

    /**
     * The process's terminal.
     *
     * @return the terminal when started with {@link Stdio#terminal()}, else empty
     */
    Optional<Terminal> terminal();

    /**
     * Waits up to {@code timeout} for the process to end.
     *
     * @param timeout how long to wait; zero only looks
     * @return its exit status, empty when it still runs
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<ExitStatus> waitFor(Duration timeout) throws InterruptedException;

    /**
     * Waits for the process to end.
     *
     * @return its exit status
     * @throws InterruptedException when the waiting thread is interrupted
     */
    ExitStatus waitFor() throws InterruptedException;

    /**
     * Kills the process (SIGKILL) when it still runs, and closes its streams and terminal.
     *
     * @throws IOException when closing the terminal fails
     */
    @Override
    void close() throws IOException;
}
