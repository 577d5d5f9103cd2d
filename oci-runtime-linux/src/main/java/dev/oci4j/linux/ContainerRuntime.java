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

    /** {@return the backend's name, such as {@code runc} or {@code crun}} */
    String name();

    /** {@return where the runtime keeps its container state ({@code --root})} */
    Path root();

    /**
     * Creates a container from {@code bundle} (runtime-spec runtime.md "create"); its process waits
     * for {@link Container#start()}. With {@link Stdio#terminal()} the bundle's {@code config.json}
     * must set {@code process.terminal}, and without it must not.
     *
     * @param id the container id: 1 to 128 letters, digits, {@code _}, {@code .} or {@code -}, starting
     *        with a letter or digit
     * @param bundle the bundle directory, holding {@code config.json}
     * @param stdio where the container's standard streams go
     * @return the created container; close it to stop and delete it
     * @throws IllegalArgumentException when the id is malformed, the bundle has no {@code config.json},
     *     or the bundle's terminal setting and {@code stdio} disagree
     * @throws ContainerRuntimeException when the runtime refuses, with its exit code and message
     * @throws IOException when the runtime cannot be run
     */
    Container create(String id, Path bundle, Stdio stdio) throws IOException;

    /**
     * Creates, starts, waits for and deletes a container, returning its exit status and its
     * output; on timeout the container is killed and deleted. When the bundle asks for a terminal
     * ({@code process.terminal}), what the terminal showed is the result's standard output.
     *
     * <p>A backend may return as soon as the exit status and the output are known and finish the
     * deletion in the background: every later call of this
     * runtime naming the same id, {@link #list()} and {@link #close()} then wait until the deletion
     * is done, so through this API the container is gone once {@code run} returns.
     *
     * @param id the container id, as for {@link #create(String, Path, Stdio)}
     * @param bundle the bundle directory, holding {@code config.json}
     * @param timeout how long the container may run
     * @return its exit status and output
     * @throws IllegalArgumentException when the id is malformed or the bundle has no {@code config.json}
     * @throws ContainerRuntimeException when the runtime refuses, with its exit code and message
     * @throws IOException when the runtime cannot be run
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws TimeoutException when the container did not end within {@code timeout}
     */
    RunResult run(String id, Path bundle, Duration timeout) throws IOException, InterruptedException, TimeoutException;

    /**
     * The state of a container (runtime-spec runtime.md "state").
     *
     * @param id the container id
     * @return the state; empty when the runtime does not know the container
     * @throws IllegalArgumentException when the id is malformed
     * @throws IOException when the runtime fails or cannot be run
     */
    Optional<State> state(String id) throws IOException;

    /**
     * The containers the runtime knows under {@link #root()}, whoever created them.
     *
     * @return their ids; empty when there are none
     * @throws IOException when the runtime fails or cannot be run
     */
    List<String> list() throws IOException;

    /**
     * Runs the process of a created container (runtime-spec runtime.md "start").
     *
     * @param id the container id
     * @throws IllegalArgumentException when the id is malformed
     * @throws ContainerRuntimeException when the runtime refuses, as when the container is not {@code created}
     * @throws IOException when the runtime cannot be run
     */
    void start(String id) throws IOException;

    /**
     * Sends a signal to a container's process (runtime-spec runtime.md "kill").
     *
     * @param id the container id
     * @param signal a name ({@code TERM}, {@code SIGKILL}) or number
     * @throws IllegalArgumentException when the id is malformed
     * @throws ContainerRuntimeException when the runtime refuses, as when the process has ended
     * @throws IOException when the runtime cannot be run
     */
    void kill(String id, String signal) throws IOException;

    /**
     * Deletes a container (runtime-spec runtime.md "delete").
     *
     * @param id the container id
     * @param force whether to kill it first when it still runs
     * @throws IllegalArgumentException when the id is malformed
     * @throws ContainerRuntimeException when the runtime refuses, as when it runs and {@code force} is false
     * @throws IOException when the runtime cannot be run
     */
    void delete(String id, boolean force) throws IOException;

    /**
     * Runs a further process inside a running container and waits for it, capturing its output.
     *
     * @param id the container id
     * @param args the command and its arguments, not empty
     * @param timeout how long the process may run; it is killed after that
     * @return its exit status and output
     * @throws IllegalArgumentException when the id is malformed or {@code args} is empty
     * @throws IOException when the runtime refuses or cannot be run
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws TimeoutException when the process did not end within {@code timeout}
     */
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

    /**
     * Freezes every process of a container (its cgroup freezer).
     *
     * @param id the container id
     * @throws IllegalArgumentException when the id is malformed
     * @throws ContainerRuntimeException when the runtime refuses, as when the container does not run
     * @throws IOException when the runtime cannot be run
     */
    void pause(String id) throws IOException;

    /**
     * Thaws a paused container.
     *
     * @param id the container id
     * @throws IllegalArgumentException when the id is malformed
     * @throws ContainerRuntimeException when the runtime refuses, as when the container is not paused
     * @throws IOException when the runtime cannot be run
     */
    void resume(String id) throws IOException;

    /**
     * Memory, CPU and process counts of a running (or paused) container, read from its cgroup.
     *
     * @param id the container id
     * @return a snapshot of its resource use
     * @throws IllegalStateException when the container does not exist or has no live process
     * @throws IOException when the runtime or the cgroup files cannot be read
     */
    default ContainerStats stats(String id) throws IOException {
        State s = state(id).orElseThrow(() -> new IllegalStateException("no container " + id + " in " + root()));
        if (s.pid() <= 0 || s.status().equals(ContainerStatus.STOPPED)) {
            throw new IllegalStateException("container " + id + " is " + s.status() + ": it has no cgroup to read");
        }
        return dev.oci4j.linux.internal.cgroup.CgroupStats.of(s.pid());
    }

    /**
     * What the runtime supports (runtime-spec features.md), as {@code runc features} prints it.
     *
     * @return the features
     * @throws IOException when the runtime fails or cannot be run
     */
    Features features() throws IOException;

    /**
     * Stops and deletes the containers this instance created and still has open (not detached ones).
     *
     * @throws IOException when one of them cannot be deleted
     */
    @Override
    void close() throws IOException;
}
