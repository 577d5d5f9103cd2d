package dev.oci4j.linux.internal.cli;

import dev.oci4j.linux.Container;
import dev.oci4j.linux.ContainerProcess;
import dev.oci4j.linux.ExitStatus;
import dev.oci4j.linux.RunResult;
import dev.oci4j.linux.Stdio;
import dev.oci4j.linux.Terminal;
import dev.oci4j.runtime.ContainerStatus;
import dev.oci4j.runtime.State;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A container created through an OCI runtime CLI, its process parented by a shim that reports its exit. */
final class CliContainer implements Container {

    private final CliContainerRuntime runtime;
    private final String id;
    private final Path bundle;
    private final Shim shim;
    private final String stopSignal;
    private volatile boolean deleted;
    private volatile boolean detached;

    CliContainer(CliContainerRuntime runtime, String id, Path bundle, Shim shim, String stopSignal) {
        this.runtime = runtime;
        this.id = id;
        this.bundle = bundle;
        this.shim = shim;
        this.stopSignal = stopSignal;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Path bundle() {
        return bundle;
    }

    /** The container's process id on the host. */
    long pid() {
        return shim.pid();
    }

    CompletableFuture<ExitStatus> exit() {
        return shim.exit();
    }

    /** The container's output as it is being captured (run with pipes); empty otherwise. */
    Optional<Shim.Output> output() {
        return shim.output();
    }

    @Override
    public void start() throws IOException {
        runtime.start(id);
    }

    @Override
    public State state() throws IOException {
        return runtime.state(id).orElseThrow(() -> new IOException("container " + id + " is gone from " + runtime.root()));
    }

    @Override
    public void kill(String signal) throws IOException {
        runtime.kill(id, signal);
    }

    @Override
    public Optional<ExitStatus> waitFor(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(shim.exit().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("container " + id + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public ExitStatus waitFor() throws InterruptedException {
        try {
            return shim.exit().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("container " + id + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public RunResult exec(List<String> args, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        return runtime.exec(id, args, timeout);
    }

    @Override
    public ContainerProcess exec(List<String> args, Stdio stdio) throws IOException {
        return runtime.exec(id, args, stdio);
    }

    @Override
    public void pause() throws IOException {
        runtime.pause(id);
    }

    @Override
    public void resume() throws IOException {
        runtime.resume(id);
    }

    @Override
    public OutputStream stdin() {
        return shim.stdin();
    }

    @Override
    public InputStream stdout() {
        return shim.stdout();
    }

    @Override
    public InputStream stderr() {
        return shim.stderr();
    }

    @Override
    public Optional<Terminal> terminal() {
        return shim.terminal().map(Terminal.class::cast);
    }

    void closeStdin() {
        shim.closeStdin();
    }

    @Override
    public void delete(boolean force) throws IOException {
        runtime.delete(id, force);
        deleted = true;
        runtime.forget(this);
    }

    /** Leaves the container running: neither {@link #close()} nor the runtime's shutdown stops it. */
    @Override
    public void detach() {
        detached = true;
        runtime.forget(this);
    }

    @Override
    public void close() throws IOException {
        if (deleted || detached) {
            return;
        }
        try {
            stop(runtime.stopGracePeriod());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (shim.hasAfterExit() && !shim.exit().isDone()) {
                // The process was just stopped: the shim's delete is under way; a second one would fail.
                awaitQuietly(Duration.ofSeconds(30));
            }
            if (shim.hasAfterExit() && shim.exit().isDone()) {
                // run: the shim deletes it now that it has ended; the runtime makes later calls naming
                // this id (and list, and close) wait for that, and deletes it itself should the shim fail.
                runtime.deletingInBackground(id, shim.afterExitDone());
                deleted = true;
                runtime.forget(this);
            } else {
                delete(true);
            }
            shim.closeStreams();
        }
    }

    private void awaitQuietly(Duration timeout) {
        try {
            waitFor(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // the shim failed: the delete below reports what is left
        }
    }

    /** The stop signal, then SIGKILL when the process outlives {@code grace}. */
    void stop(Duration grace) throws IOException, InterruptedException {
        if (shim.exit().isDone()) {
            return;
        }
        Optional<State> state = runtime.state(id);
        if (state.isEmpty() || state.get().status().equals(ContainerStatus.STOPPED)) {
            return;
        }
        if (state.get().status().value().equals("paused")) {
            // A frozen process cannot act on a signal, not even SIGKILL, until it is thawed.
            runtime.resume(id);
        }
        if (!state.get().status().equals(ContainerStatus.CREATED) && !grace.isZero()) {
            signalQuietly(stopSignal);
            if (waitFor(grace).isPresent()) {
                return;
            }
        }
        signalQuietly("KILL");
        waitFor(Duration.ofSeconds(10));
    }

    private void signalQuietly(String signal) {
        try {
            runtime.kill(id, signal);
        } catch (IOException e) {
            // It ended between the state and the kill: nothing left to signal.
        }
    }

    @Override
    public String toString() {
        return "container " + id + " (" + runtime.name() + ", pid " + shim.pid() + ")";
    }
}
