package dev.oci4j.linux;

import dev.oci4j.runtime.State;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * One container created through a {@link ContainerRuntime}. Closing it stops it (the image's stop
 * signal or SIGTERM, then SIGKILL after the grace period: a PID 1 without a handler ignores
 * SIGTERM) and deletes it, so try-with-resources leaves nothing behind.
 *
 * <pre>{@code
 * try (Container c = runtime.create("web", bundle.dir(), Stdio.pipes())) {
 *     c.start();
 *     RunResult r = c.exec(List.of("cat", "/etc/hostname"), Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public interface Container extends AutoCloseable {

    String id();

    Path bundle();

    /** Runs the container's process (runtime-spec "start"). */
    void start() throws IOException;

    /** The runtime's state of the container. */
    State state() throws IOException;

    /** Sends a signal, by name ({@code TERM}, {@code SIGKILL}) or number, to the container's process. */
    void kill(String signal) throws IOException;

    /** Waits up to {@code timeout} for the container's process to end. */
    Optional<ExitStatus> waitFor(Duration timeout) throws InterruptedException;

    /** Waits for the container's process to end. */
    ExitStatus waitFor() throws InterruptedException;

    /** Runs {@code args} inside the running container and waits for it, capturing its output. */
    RunResult exec(List<String> args, Duration timeout) throws IOException, InterruptedException, TimeoutException;

    /**
     * Starts {@code args} inside the running container without waiting for it, with its standard
     * streams as {@code stdio} says (with {@link Stdio#terminal()}: a terminal of its own,
     * {@code exec --tty}).
     *
     * @param args the command and its arguments, looked up on the container's {@code PATH}
     * @param stdio where its standard streams go
     * @return the running process
     * @throws IOException when the runtime refuses (the container does not run, no such command)
     */
    ContainerProcess exec(List<String> args, Stdio stdio) throws IOException;

    void pause() throws IOException;

    void resume() throws IOException;

    /** The container's standard input, when created with {@link Stdio#pipes()} or {@link Stdio#terminal()} (the terminal's). */
    OutputStream stdin();

    /**
     * The container's standard output, when created with {@link Stdio#pipes()}, or its terminal's
     * output (standard output and error merged) with {@link Stdio#terminal()}.
     */
    InputStream stdout();

    /** The container's standard error, when created with {@link Stdio#pipes()}; empty on a terminal. */
    InputStream stderr();

    /**
     * The container's terminal.
     *
     * @return the terminal when created with {@link Stdio#terminal()}, else empty
     */
    Optional<Terminal> terminal();

    /** Deletes the container; {@code force} kills it first when it still runs. */
    void delete(boolean force) throws IOException;

    /**
     * Lets the container outlive this handle and its runtime: {@link #close()} and the runtime's
     * cleanup no longer stop or delete it (for {@code oci run -d}).
     */
    void detach();

    /** Stops the container if it runs (signal, grace period, SIGKILL) and deletes it. */
    @Override
    void close() throws IOException;
}
