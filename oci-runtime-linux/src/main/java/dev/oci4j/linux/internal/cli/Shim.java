package dev.oci4j.linux.internal.cli;

import dev.oci4j.linux.ExitStatus;
import dev.oci4j.linux.internal.jna.PtyMaster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A running {@link ShimScript}: its process (whose stdio is the container's), the container
 * process id it reported, and the exit status it will report. The status is completed on a
 * daemon thread reading the shim's socket; the OOM flag is read from the container's memory
 * cgroup before anyone can delete the container.
 */
final class Shim {

    private final Process process;
    private final long pid;
    private final Optional<PtyMaster> terminal;
    private final Optional<AfterExit> afterExit;
    private final Optional<Output> output;
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private final CompletableFuture<Boolean> afterExitDone = new CompletableFuture<>();

    /**
     * A command the shim runs once the container's process has ended and its status is read (the
     * runtime's delete, for {@code run}), writing its output to {@code output}.
     */
    record AfterExit(List<String> command, Path output) {
    }

    /** The process's standard output and error, each read to its end. */
    record Output(CompletableFuture<byte[]> stdout, CompletableFuture<byte[]> stderr) {
    }

    private Shim(Process process, long pid, Optional<PtyMaster> terminal, Optional<Output> output,
            Optional<AfterExit> afterExit) {
        this.process = process;
        this.pid = pid;
        this.terminal = terminal;
        this.output = output;
        this.afterExit = afterExit;
    }

    /**
     * @param threads where the shim's report is read (a thread that waits for the process's end)
     * @param memory the container's memory cgroup directory, where its OOM count is read at exit
     * @param output the process's output as it is being captured, if it is
     */
    static Shim started(Executor threads, Process process, long pid, Optional<Path> memory,
            Optional<PtyMaster> terminal, Optional<Output> output, Optional<AfterExit> afterExit,
            BufferedReader control, SocketChannel channel) {
        Shim shim = new Shim(process, pid, terminal, output, afterExit);
        Boolean ended = null;
        try {
            // A process that had ended when the shim reported its creation has its exit status in the
            // same read: taken here, not through a thread that would wake this one (two hand-offs).
            if (control.ready()) {
                ended = shim.exited(control.readLine(), memory);
            }
        } catch (IOException e) {
            shim.exit.completeExceptionally(e);
            ended = false;
        }
        Boolean known = ended;
        threads.execute(() -> shim.readExit(control, channel, memory, known));
        return shim;
    }

    static BufferedReader reader(SocketChannel channel) {
        return new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.US_ASCII));
    }

    /**
     * Completes the exit status from the shim's report, with the OOM flag read from the cgroup;
     * false when the report is no exit status (the shim lost the process, or ended).
     */
    private boolean exited(String line, Optional<Path> memory) {
        if (line != null && line.startsWith("exit ")) {
            // The status is the caller's as soon as it is known; the delete that follows (run) is
            // bookkeeping the runtime waits for only where it matters (the same id, list, close).
            exit.complete(ExitStatus.fromWaitStatus(Integer.parseInt(line.substring(5).trim()))
                    .withOomKilled(oomKills(memory) > 0));
            return true;
        }
        exit.completeExceptionally(new IOException("the shim of process " + pid
                + " ended without its exit status (" + (line == null ? "no report" : line) + ")"));
        return false;
    }

    /** @param ended whether the exit status is already known (null: not yet read) */
    private void readExit(BufferedReader control, SocketChannel channel, Optional<Path> memory, Boolean ended) {
        try (channel) {
            if (ended != null ? ended : exited(control.readLine(), memory)) {
                // Only now, with the OOM count read from the cgroup, may the delete remove it.
                if (afterExit.isPresent()) {
                    List<String> words = new java.util.ArrayList<>(List.of(afterExit.get().output().toString()));
                    words.addAll(afterExit.get().command());
                    channel.write(ByteBuffer.wrap(ShimScript.line(words).getBytes(StandardCharsets.UTF_8)));
                    String done = control.readLine();
                    Files.deleteIfExists(afterExit.get().output());
                    afterExitDone.complete(done != null && done.equals("done 0"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the status may be known; the runtime deletes the container itself
            exit.completeExceptionally(e);
        } finally {
            afterExitDone.complete(false);
        }
    }

    Process process() {
        return process;
    }

    long pid() {
        return pid;
    }

    CompletableFuture<ExitStatus> exit() {
        return exit;
    }

    /** The process's output as it is being captured (run, and exec with a timeout); empty otherwise. */
    Optional<Output> output() {
        return output;
    }

    /** Whether the shim runs a command after the exit (the runtime's delete, for run). */
    boolean hasAfterExit() {
        return afterExit.isPresent();
    }

    /**
     * Completes once the command run after the exit (the runtime's delete) has ended: true when it
     * succeeded, false when it failed or never ran (the shim died, no command was given).
     */
    CompletableFuture<Boolean> afterExitDone() {
        return afterExitDone;
    }

    /** The pseudo-terminal master the runtime sent, when the process has a terminal. */
    Optional<PtyMaster> terminal() {
        return terminal;
    }

    /** The process's standard input: the terminal's when it has one, else the pipe to the shim. */
    OutputStream stdin() {
        return terminal.<OutputStream>map(PtyMaster::outputStream).orElseGet(process::getOutputStream);
    }

    /** The process's standard output: the terminal's (output and error merged) when it has one, else the pipe. */
    InputStream stdout() {
        return terminal.<InputStream>map(PtyMaster::inputStream).orElseGet(process::getInputStream);
    }

    /** The process's standard error: empty on a terminal, which carries it in {@link #stdout()}. */
    InputStream stderr() {
        return terminal.isPresent() ? InputStream.nullInputStream() : process.getErrorStream();
    }

    /** Closes the process's standard input (its end of file), not its terminal. */
    void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Closes standard input and the terminal: a process still on it gets SIGHUP. */
    void closeStreams() {
        closeStdin();
        if (terminal.isPresent()) {
            try {
                terminal.get().close();
            } catch (IOException e) {
                // closing a descriptor being dropped: nothing to do
            }
        }
    }

    /**
     * The memory cgroup directory named in a {@code /proc/PID/cgroup} text: the v1 memory hierarchy,
     * else the unified one.
     */
    static Optional<Path> memoryCgroup(String cgroups) {
        String unified = null;
        for (String line : cgroups.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && java.util.Arrays.asList(f[1].split(",")).contains("memory")) {
                return Optional.of(Path.of("/sys/fs/cgroup/memory" + f[2]));
            }
            if (f.length == 3 && f[0].equals("0")) {
                unified = f[2];
            }
        }
        if (unified != null && Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
            return Optional.of(Path.of("/sys/fs/cgroup" + unified));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code cgroup} is a hierarchy's root: what {@code /proc/PID/cgroup} shows for a process
     * that has already ended (a zombie), whatever cgroup it ran in.
     */
    static boolean isHierarchyRoot(Path cgroup) {
        return cgroup.equals(Path.of("/sys/fs/cgroup/memory")) || cgroup.equals(Path.of("/sys/fs/cgroup"));
    }

    /** The {@code oom_kill} count of a memory cgroup (v1 memory.oom_control, v2 memory.events). */
    static long oomKills(Optional<Path> cgroup) {
        if (cgroup.isEmpty()) {
            return 0;
        }
        for (String file : new String[] {"memory.oom_control", "memory.events"}) {
            Path p = cgroup.get().resolve(file);
            try {
                for (String line : Files.readAllLines(p)) {
                    if (line.startsWith("oom_kill ")) {
                        return Long.parseLong(line.substring(9).trim());
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not this cgroup version, or gone
            }
        }
        return 0;
    }
}
