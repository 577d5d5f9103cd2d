package dev.oci4j.linux.internal.cli;

import dev.oci4j.linux.ContainerProcess;
import dev.oci4j.linux.ExitStatus;
import dev.oci4j.linux.Terminal;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A process exec'd into a container, parented and reaped by its own shim. */
final class CliProcess implements ContainerProcess {

    private final Shim shim;

    CliProcess(Shim shim) {
        this.shim = shim;
    }

    @Override
    public long pid() {
        return shim.pid();
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

    @Override
    public Optional<ExitStatus> waitFor(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(shim.exit().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("process " + shim.pid() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public ExitStatus waitFor() throws InterruptedException {
        try {
            return shim.exit().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("process " + shim.pid() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        // Until the shim has reported, the pid is its unreaped child: it cannot be another process yet.
        if (!shim.exit().isDone()) {
            ProcessHandle.of(shim.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        shim.closeStreams();
    }

    @Override
    public String toString() {
        return "exec'd process " + shim.pid();
    }
}
