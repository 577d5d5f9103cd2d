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

    /** {@return the container's id, unique under its runtime's {@link ContainerRuntime#root()}} */
    String id();

    /** {@return the absolute bundle directory the container was created from} */
    Path bundle();

    /**
     * Runs the container's process (runtime-spec runtime.md "start").
     *
     * @throws ContainerRuntimeException when the runtime refuses, as when the container is not in the
     *         {@code created} state
     * @throws IOException when the runtime cannot be run
     */
    void start() throws IOException;

    /**
     * The runtime's state of the container (runtime-spec runtime.md "state").
     *
     * @return the state, as the runtime prints it
     * @throws IOException when the runtime no longer knows the container, or cannot be run
     */
    State state() throws IOException;

    /**
     * Sends a signal to the container's process (runtime-spec runtime.md "kill").
     *
     * @param signal a name ({@code TERM}, {@code SIGKILL}) or number
     * @throws ContainerRuntimeException when the runtime refuses, as when the process has ended
     * @throws IOException when the runtime cannot be run
     */
    void kill(String signal) throws IOException;

    /**
     * Waits up to {@code timeout} for the container's process to end.
     *
     * @param timeout how long to wait
     * @return how the process ended; empty when it still runs after {@code timeout}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<ExitStatus> waitFor(Duration timeout) throws InterruptedException;

    /**
     * Waits for the container's process to end, however long that takes.
     *
     * @return how the process ended
     * @throws InterruptedException when the waiting thread is interrupted
     */
    ExitStatus waitFor() throws InterruptedException;

    /**
     * Runs a further process inside the running container and waits for it, capturing its output.
     *
     * @param args the command and its arguments, not empty
     * @param timeout how long the process may run; it is killed after that
     * @return its exit status and output
     * @throws IllegalArgumentException when {@code args} is empty
     * @throws IOException when the runtime refuses or cannot be run
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws TimeoutException when the process did not end within {@code timeout}
     */
    RunResult exec(List<String> args, Duration timeout) throws IOException, InterruptedException, TimeoutException;

    /**
     * Freezes every process of the container (its cgroup freezer).
     *
     * @throws IOException when the runtime refuses, as when the container does not run, or cannot be run
     */
    void pause() throws IOException;

    /**
     * Thaws a container {@link #pause() paused} before.
     *
     * @throws IOException when the runtime refuses, as when the container is not paused, or cannot be run
     */
    void resume() throws IOException;

    /**
     * The container's standard input, when created with {@link Stdio#pipes()}.
     *
     * @return the stream to write; closing it gives the process end of file
     */
    OutputStream stdin();

    /**
     * The container's standard output, when created with {@link Stdio#pipes()}.
     *
     * @return the stream to read
     */
    InputStream stdout();

    /**
     * The container's standard error, when created with {@link Stdio#pipes()}.
     *
     * @return the stream to read
     */
    InputStream stderr();

    /**
     * Deletes the container (runtime-spec runtime.md "delete").
     *
     * @param force whether to kill the container first when it still runs
     * @throws ContainerRuntimeException when the runtime refuses, as when it runs and {@code force} is false
     * @throws IOException when the runtime cannot be run
     */
    void delete(boolean force) throws IOException;

    /**
     * Lets the container outlive this handle and its runtime: {@link #close()} and the runtime's
     * cleanup no longer stop or delete it (for {@code oci run -d}).
     */
    void detach();

    /**
     * Stops the container if it runs (stop signal, grace period, SIGKILL) and deletes it; does nothing
     * after {@link #delete(boolean)} or {@link #detach()}.
     *
     * @throws IOException when the runtime cannot delete it
     */
    @Override
    void close() throws IOException;
}
