package dev.oci4j.linux;

import dev.oci4j.runtime.ContainerStatus;
import dev.oci4j.runtime.Features;
import dev.oci4j.runtime.State;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Runs OCI bundles (runtime-spec runtime.md: create, start, state, kill, delete) through one
 * backend, such as the runc or crun command line. Get one from {@link ContainerRuntimes}; close it
 * to stop and delete the containers it still has open.
 *
 * <pre>{@code
 * try (ContainerRuntime runtime = ContainerRuntimes.open()) {
 *     RunResult r = runtime.run("hello", bundle.dir(), Duration.ofSeconds(30));
 *     System.out.println(r.status() + ": " + r.stdout());
 * }
 * }</pre>
 */
public interface ContainerRuntime extends AutoCloseable {

    /** The backend's name, such as {@code runc} or {@code crun}. */
    String name();

    /** Where the runtime keeps its container state ({@code --root}). */
    Path root();

    /**
     * Creates a container from {@code bundle}; its process waits for {@link Container#start()}.
     * With {@link Stdio#terminal()} the bundle's {@code config.json} must set {@code process.terminal},
     * and without it must not.
     *
     * @param id the new container's id: 1 to 128 letters, digits, '_', '.' or '-'
     * @param bundle the bundle directory, holding {@code config.json}
     * @param stdio where the container's standard streams go
     * @return the created container, to start, wait for and close
     * @throws IllegalArgumentException when the id is malformed, the bundle has no {@code config.json},
     *     or the bundle's terminal setting and {@code stdio} disagree
     * @throws IOException when the runtime refuses (its message is in the exception)
     */
    Container create(String id, Path bundle, Stdio stdio) throws IOException;

    /**
     * Creates, starts, waits for and deletes a container, returning its exit status and its
     * output; on timeout the container is killed and deleted. When the bundle asks for a terminal
     * ({@code process.terminal}), what the terminal showed is the result's standard output.
     *
     * @param id the container's id while it runs
     * @param bundle the bundle directory, holding {@code config.json}
     * @param timeout how long the container may run
     * @return its exit status and what it wrote
     * @throws IOException when the runtime refuses (its message is in the exception)
     * @throws InterruptedException when the calling thread is interrupted while waiting
     * @throws TimeoutException when it ran longer than {@code timeout} (it is then killed and deleted)
     */
    RunResult run(String id, Path bundle, Duration timeout) throws IOException, InterruptedException, TimeoutException;

    /** The state of container {@code id}, empty when the runtime does not know it. */
    Optional<State> state(String id) throws IOException;

    /** The ids of the containers under {@link #root()}. */
    List<String> list() throws IOException;

    void start(String id) throws IOException;

    void kill(String id, String signal) throws IOException;

    void delete(String id, boolean force) throws IOException;

    RunResult exec(String id, List<String> args, Duration timeout)
            throws IOException, InterruptedException, TimeoutException;

    /**
     * Starts {@code args} inside running container {@code id} without waiting for it, with its
     * standard streams as {@code stdio} says; with {@link Stdio#terminal()} it gets a terminal of
     * its own ({@code exec --tty}).
     *
     * @param id the container
     * @param args the command and its arguments, looked up on the container's {@code PATH}
     * @param stdio where its standard streams go
     * @return the running process
     * @throws IllegalArgumentException when {@code id} is malformed or {@code args} is empty
     * @throws IOException when the runtime refuses (no such container, not running, no such command)
     */
    ContainerProcess exec(String id, List<String> args, Stdio stdio) throws IOException;

    void pause(String id) throws IOException;

    void resume(String id) throws IOException;

    /**
     * Memory, CPU and process counts of a running (or paused) container, read from its cgroup.
     *
     * @throws IllegalStateException when the container does not exist or has no live process
     */
    default ContainerStats stats(String id) throws IOException {
        State s = state(id).orElseThrow(() -> new IllegalStateException("no container " + id + " in " + root()));
        if (s.pid() <= 0 || s.status().equals(ContainerStatus.STOPPED)) {
            throw new IllegalStateException("container " + id + " is " + s.status() + ": it has no cgroup to read");
        }
        return dev.oci4j.linux.internal.cgroup.CgroupStats.of(s.pid());
    }

    /** What the runtime supports (runtime-spec features.md). */
    Features features() throws IOException;

    /** Stops and deletes the containers this instance created and still has open. */
    @Override
    void close() throws IOException;
}
