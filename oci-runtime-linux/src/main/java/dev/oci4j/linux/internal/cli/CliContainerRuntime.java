package dev.oci4j.linux.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oci4j.linux.Container;
import dev.oci4j.linux.ContainerProcess;
import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.ContainerRuntimeException;
import dev.oci4j.linux.ExitStatus;
import dev.oci4j.linux.RunResult;
import dev.oci4j.linux.RuntimeOptions;
import dev.oci4j.linux.Stdio;
import dev.oci4j.linux.internal.jna.ConsoleSocket;
import dev.oci4j.linux.internal.jna.PtyMaster;
import dev.oci4j.runtime.Features;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.State;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives an OCI runtime command line (runc, crun; youki and runsc take the same commands):
 * {@code --root}, {@code --log}, {@code --systemd-cgroup} and extra global flags before every
 * subcommand. Containers and exec'd processes are started under a {@link ShimScript shim} that
 * reaps them, so an exit code and a killing signal reach the caller even for detached ones. When
 * crun meets a hybrid cgroup host, each of its commands that sets up cgroups runs in a private mount
 * namespace with the cgroup2 mount detached ({@code unshare}, util-linux).
 */
public final class CliContainerRuntime implements ContainerRuntime {

    private static final String WORK_PREFIX = "oci4j-rt-";
    private static final Pattern WORK_DIR = Pattern.compile("oci4j-rt-(\\d{1,18})-\\d+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final String STOP_SIGNAL = "org.opencontainers.image.stopSignal";
    private static final Duration CONSOLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PAUSE_SETTLE = Duration.ofSeconds(5);
    /** Tree reads of a few fields (config.json, runtime state): binding a whole Spec cost ~1 ms a run. */
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The commands that make or change cgroups, where crun checks the cgroup layout and refuses a
     * hybrid one: only they go through the unshare wrapper. The others (start, state, kill, delete,
     * list, features) work unwrapped, and three process starts fewer (unshare, sh, umount) matter
     * most to delete, which follows every run.
     */
    private static final Set<String> SETS_UP_CGROUPS = Set.of("create", "run", "exec", "pause", "resume", "update");

    private final String name;
    private final Path binary;
    private final Path root;
    private final List<String> globalFlags;
    private final boolean systemdCgroup;
    private final Optional<String> detachMount;
    private final Duration grace;
    private final ProcessFactory factory;
    private final int prctl;
    /**
     * perl by its path, found once: by name, the JVM's exec tries every directory on PATH before the
     * right one (eight failed execve calls a shim on this build machine).
     */
    private final String perl;
    private final Path work;
    private final AtomicLong counter = new AtomicLong();
    private final Set<CliContainer> open = ConcurrentHashMap.newKeySet();
    /**
     * Deletions still under way after {@code run}, by container id: {@code run} returns as soon as the
     * exit status and output are known, and every later call naming the id waits for its deletion.
     */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> deleting = new ConcurrentHashMap<>();
    private final AtomicReference<CompletableFuture<Spawned>> warm = new AtomicReference<>();
    /**
     * The threads that read the shims' reports, drain output and start warm shims. Reused rather than
     * started per run: {@code Thread.start} waits until the new thread runs, and a run needed four,
     * each a trip through the scheduler on the container's critical path (milliseconds on a busy host).
     */
    private final ExecutorService threads;
    private volatile boolean closed;
    private final Thread shutdownHook;

    /**
     * @param detachMount a cgroup2 mount point to detach before the commands that set up cgroups (crun on a hybrid host)
     */
    public CliContainerRuntime(String name, Path binary, RuntimeOptions options, Optional<String> detachMount,
            ProcessFactory factory) throws IOException {
        this.name = name;
        this.binary = binary;
        this.root = options.root().orElseGet(() -> defaultRoot(name));
        this.globalFlags = options.globalFlags();
        this.systemdCgroup = options.systemdCgroup();
        this.detachMount = detachMount;
        this.grace = options.stopGracePeriod();
        this.factory = factory;
        this.prctl = ShimScript.prctlNumber().orElseThrow(() -> new IOException("no prctl syscall number for "
                + System.getProperty("os.arch") + ": the shim cannot become a subreaper here"));
        this.perl = CliRuntimeProvider.findOnPath("perl").map(Path::toString).orElse("perl");
        Files.createDirectories(root);
        // Short: Unix socket paths are limited to 107 bytes. The pid in the name lets a later JVM
        // remove what one killed with SIGKILL (no shutdown hook) left behind.
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        sweepWorkDirs(tmp);
        this.work = Files.createTempDirectory(tmp, WORK_PREFIX + ProcessHandle.current().pid() + "-");
        AtomicLong threadCount = new AtomicLong();
        java.util.concurrent.ThreadFactory threadFactory = r -> {
            Thread t = new Thread(r, "oci4j-" + name + "-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // After close() shuts the pool down, a run still in flight (close racing a run on another thread)
        // gets a thread of its own rather than a RejectedExecutionException in the middle of its work.
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threadFactory, (r, pool) -> threadFactory.newThread(r).start());
        this.shutdownHook = new Thread(this::cleanUpAtExit, "oci4j-" + name + "-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Removes the work directories (sockets, pid files, logs) of JVMs that are gone: a runtime
     * removes its own on close, but a JVM killed with SIGKILL cannot.
     */
    static void sweepWorkDirs(Path tmp) {
        try (var dirs = Files.newDirectoryStream(tmp, WORK_PREFIX + "*")) {
            for (Path dir : dirs) {
                Matcher m = WORK_DIR.matcher(dir.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    try (var files = Files.list(dir)) {
                        for (Path f : (Iterable<Path>) files::iterator) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Another JVM sweeping the same directory, or one we may not read: nothing of ours is at stake.
        }
    }

    static Path defaultRoot(String name) {
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        boolean root = "root".equals(System.getProperty("user.name"));
        return root || xdg == null ? Path.of("/run/oci4j", name) : Path.of(xdg, "oci4j", name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path root() {
        return root;
    }

    Duration stopGracePeriod() {
        return grace;
    }

    /** The command line for {@code args}: the runtime with its global flags, wrapped when crun needs it. */
    List<String> command(Optional<Path> log, List<String> args) {
        return command(log, args, needsDetach(args));
    }

    /** Whether {@code args} must run where the cgroup2 mount is detached (crun on a hybrid host). */
    private boolean needsDetach(List<String> args) {
        return detachMount.isPresent() && !args.isEmpty() && SETS_UP_CGROUPS.contains(args.get(0));
    }

    private List<String> command(Optional<Path> log, List<String> args, boolean wrapped) {
        List<String> c = new ArrayList<>();
        if (wrapped) {
            c.addAll(List.of("unshare", "--mount", "--propagation", "private",
                    "sh", "-c", "umount -l \"$0\" && mount -t tmpfs -o nosuid,nodev,noexec tmpfs \"$0\" && exec \"$@\"",
                    detachMount.get()));
        }
        c.add(binary.toString());
        c.add("--root=" + root);
        log.ifPresent(l -> c.add("--log=" + l));
        if (systemdCgroup) {
            c.add("--systemd-cgroup");
        }
        c.addAll(globalFlags);
        c.addAll(args);
        return c;
    }

    // --- life cycle

    @Override
    public Container create(String id, Path bundle, Stdio stdio) throws IOException {
        Path dir = checkBundle(id, bundle);
        settle(id);
        return launch("create", id, dir, stdio, l -> args(List.of("create", "--bundle", dir.toString(), "--pid-file",
                l.pidFile().toString()), l.console(), List.of(id)));
    }

    @Override
    public RunResult run(String id, Path bundle, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        Path dir = checkBundle(id, bundle);
        settle(id);
        BundleFacts facts = BundleFacts.read(dir);
        Stdio stdio = facts.terminal() ? Stdio.terminal() : Stdio.pipes();
        CliContainer c = launch("run", id, dir, stdio, facts, true, l -> args(List.of("run", "--detach", "--bundle",
                dir.toString(), "--pid-file", l.pidFile().toString()), l.console(), List.of(id)));
        try {
            Shim.Output output = c.output().orElseGet(() -> new Shim.Output(drain(threads, c.stdout()),
                    drain(threads, c.stderr())));
            return collect(c.id(), output, c.exit(), timeout, c::close, facts.terminal() ? () -> { } : c::closeStdin);
        } finally {
            c.close();
        }
    }

    @Override
    public RunResult exec(String id, List<String> args, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        Shim shim = startExec(id, args, Stdio.pipes(), true);
        return collect(id, shim.output().orElseThrow(), shim.exit(), timeout, () -> kill(id, "KILL"), shim::closeStdin);
    }

    @Override
    public ContainerProcess exec(String id, List<String> args, Stdio stdio) throws IOException {
        return new CliProcess(startExec(id, args, stdio, false));
    }

    private Shim startExec(String id, List<String> args, Stdio stdio, boolean capture) throws IOException {
        settle(checkId(id));
        if (args.isEmpty()) {
            throw new IllegalArgumentException("exec into " + id + ": no command given");
        }
        return startShim("exec", id, stdio, l -> {
            List<String> flags = new ArrayList<>(List.of("exec", "--detach", "--pid-file", l.pidFile().toString()));
            if (!l.console().isEmpty()) {
                flags.add("--tty");
            }
            return args(flags, l.console(), concat(List.of(id), args));
        }, false, capture);
    }

    private static List<String> args(List<String> head, List<String> console, List<String> tail) {
        return concat(concat(head, console), tail);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static RunResult collect(String id, Shim.Output output, CompletableFuture<ExitStatus> exit,
            Duration timeout, IoAction onTimeout, IoAction closeStdin)
            throws IOException, InterruptedException, TimeoutException {
        closeStdin.run();
        try {
            ExitStatus status = exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new RunResult(status, output.stdout().get(30, TimeUnit.SECONDS),
                    output.stderr().get(30, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            onTimeout.run();
            throw new TimeoutException(id + " did not end within " + timeout);
        } catch (ExecutionException e) {
            throw new IOException(id + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static CompletableFuture<byte[]> drain(Executor threads, InputStream in) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        threads.execute(() -> {
            try (in) {
                f.complete(in.readAllBytes());
            } catch (IOException e) {
                f.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return f;
    }

    /** What the runtime needs to know from a bundle's config.json before starting it. */
    record BundleFacts(String stopSignal, boolean terminal) {
        static BundleFacts read(Path bundle) {
            try {
                JsonNode config = JSON.readTree(bundle.resolve("config.json").toFile());
                JsonNode signal = config.path("annotations").path(STOP_SIGNAL);
                return new BundleFacts(signal.isTextual() ? signal.asText() : "TERM",
                        config.path("process").path("terminal").asBoolean(false));
            } catch (IOException | RuntimeException e) {
                // the runtime will say what is wrong with config.json
                return new BundleFacts("TERM", false);
            }
        }
    }

    private CliContainer launch(String op, String id, Path bundle, Stdio stdio, Function<Launch, List<String>> args)
            throws IOException {
        return launch(op, id, bundle, stdio, BundleFacts.read(bundle), false, args);
    }

    private CliContainer launch(String op, String id, Path bundle, Stdio stdio, BundleFacts facts,
            boolean deleteAfterExit, Function<Launch, List<String>> args) throws IOException {
        if (facts.terminal() != stdio.isTerminal()) {
            throw new IllegalArgumentException(facts.terminal()
                    ? "bundle " + bundle + " asks for a terminal (process.terminal in config.json): create it with"
                            + " Stdio.terminal(), or write the bundle without one"
                    : "Stdio.terminal() for bundle " + bundle + ", whose config.json has no terminal: set"
                            + " process.terminal (ContainerOptions.Builder.terminal(true))");
        }
        // run captures its output, unless it goes to a terminal
        Shim shim = startShim(op, id, stdio, args, deleteAfterExit, deleteAfterExit && isPipes(stdio));
        CliContainer c = new CliContainer(this, id, bundle, shim, facts.stopSignal());
        open.add(c);
        return c;
    }

    /** What the runtime command is built from: the pid file, and the console socket flags (empty without a terminal). */
    record Launch(Path pidFile, List<String> console) {
    }

    private Shim startShim(String op, String id, Stdio stdio, Function<Launch, List<String>> args) throws IOException {
        return startShim(op, id, stdio, args, false, false);
    }

    /**
     * Starts the runtime command under a shim (a warm one for pipes) and waits for its report.
     *
     * @param deleteAfterExit whether the shim deletes the container once it has ended (run)
     * @param capture whether the process's output is read to its end into {@link Shim#output()} (pipes only)
     */
    private Shim startShim(String op, String id, Stdio stdio, Function<Launch, List<String>> args,
            boolean deleteAfterExit, boolean capture) throws IOException {
        long n = counter.incrementAndGet();
        Path pidFile = work.resolve(n + ".pid");
        Path log = work.resolve(n + ".log");
        ConsoleSocket console = null;
        Spawned shim = null;
        try {
            console = stdio.isTerminal() ? ConsoleSocket.listen(work.resolve(n + ".tty")) : null;
            List<String> runtimeArgs = args.apply(new Launch(pidFile, console == null ? List.of()
                    : List.of("--console-socket", console.path().toString())));
            // The shim detaches the cgroup2 mount itself where it knows the syscalls: no unshare(1) wrapper.
            boolean shimDetaches = needsDetach(runtimeArgs) && ShimScript.detachNumbers().isPresent();
            String line = ShimScript.commandLine(pidFile.toString(), shimDetaches ? detachMount : Optional.empty(),
                    command(Optional.of(log), runtimeArgs, needsDetach(runtimeArgs) && !shimDetaches));
            shim = isPipes(stdio) ? takeWarm() : spawn(stdio);
            // Output that is captured is read from the start, by threads already waiting when the process
            // ends: at its end they are woken with the JVM's report, not after it.
            Optional<Shim.Output> output = capture ? Optional.of(new Shim.Output(
                    drain(threads, shim.process().getInputStream()), drain(threads, shim.process().getErrorStream())))
                    : Optional.empty();
            shim.channel().write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            String report = shim.control().readLine();
            Process process = shim.process();
            if (report == null || !report.startsWith("created ")) {
                shim.channel().close();
                int code = -1;
                if (report != null && report.matches("failed \\d+")) {
                    code = (Integer.parseInt(report.substring(7)) >> 8) & 0xff;
                }
                process.waitFor(10, TimeUnit.SECONDS);
                String why = RuntimeLog.read(log);
                throw new ContainerRuntimeException(op, id, code, why.isEmpty()
                        ? (report == null ? "the shim (perl) ended before reporting" : report) : why);
            }
            String[] created = report.substring(8).trim().split(" ", 2);
            long pid = Long.parseLong(created[0]);
            String cgroups = created.length < 2 ? ""
                    : new String(HexFormat.of().parseHex(created[1]), StandardCharsets.UTF_8);
            // A process that ended before the shim read its cgroups (an OOM kill at once, say) shows
            // the root cgroup; the runtime's state still names the container's own until the delete.
            Optional<Path> memory = Shim.memoryCgroup(cgroups).filter(p -> !Shim.isHierarchyRoot(p))
                    .or(() -> memoryCgroupFromState(id));
            Optional<PtyMaster> terminal = Optional.empty();
            if (console != null) {
                try {
                    // The runtime sent the terminal before its command returned: it is waiting in the socket.
                    terminal = Optional.of(console.receive(CONSOLE_TIMEOUT));
                } catch (IOException e) {
                    shim.channel().close();
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    if (!op.equals("exec")) {
                        try {
                            delete(id, true);
                        } catch (IOException again) {
                            e.addSuppressed(again);
                        }
                    }
                    throw new ContainerRuntimeException(op, id, -1, e.getMessage());
                }
            }
            Optional<Shim.AfterExit> after = deleteAfterExit
                    ? Optional.of(new Shim.AfterExit(command(Optional.empty(), List.of("delete", "--force", id)),
                            work.resolve(n + ".delete")))
                    : Optional.empty();
            Shim started = Shim.started(threads, process, pid, memory, terminal, output, after, shim.control(),
                    shim.channel());
            shim = null;
            return started;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(op + " " + id + ": interrupted", e);
        } finally {
            if (shim != null) {
                shim.discard();
            }
            if (console != null) {
                console.close();
            }
            Files.deleteIfExists(pidFile);
            Files.deleteIfExists(log);
        }
    }

    /**
     * The container's memory cgroup as the runtime recorded it: runc's {@code state.json}
     * ({@code cgroup_paths}), crun's {@code status} ({@code cgroup-path}); empty for others.
     */
    private Optional<Path> memoryCgroupFromState(String id) {
        Path dir = root.resolve(id);
        try {
            Path runc = dir.resolve("state.json");
            if (Files.isRegularFile(runc)) {
                JsonNode paths = JSON.readTree(runc.toFile()).path("cgroup_paths");
                String memory = paths.path("memory").asText(paths.path("").asText(""));
                return memory.isEmpty() ? Optional.empty() : Optional.of(Path.of(memory));
            }
            Path crun = dir.resolve("status");
            if (Files.isRegularFile(crun)) {
                String path = JSON.readTree(crun.toFile()).path("cgroup-path").asText("");
                if (path.isEmpty()) {
                    return Optional.empty();
                }
                Path v1 = Path.of("/sys/fs/cgroup/memory" + path);
                return Optional.of(Files.isDirectory(v1) ? v1 : Path.of("/sys/fs/cgroup" + path));
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the exit status goes without the OOM flag
        }
        return Optional.empty();
    }

    private static boolean isPipes(Stdio stdio) {
        return !stdio.isTerminal() && stdio.in() == Redirect.PIPE && stdio.out() == Redirect.PIPE
                && stdio.err() == Redirect.PIPE;
    }

    /** A shim started and connected, waiting for its command. */
    record Spawned(Process process, SocketChannel channel, BufferedReader control) {
        /** Ends a shim that will not be used: it reads the end of its socket and exits. */
        void discard() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
    }

    /** Starts a shim and waits until it has connected back. */
    private Spawned spawn(Stdio stdio) throws IOException {
        Path socket = work.resolve(counter.incrementAndGet() + ".sock");
        int[] detach = ShimScript.detachNumbers().orElse(new int[3]);
        List<String> cmd = List.of(perl, "-e", ShimScript.SOURCE, Integer.toString(prctl),
                Integer.toString(ShimScript.setsidNumber().orElseThrow()), socket.toString(),
                Integer.toString(detach[0]), Integer.toString(detach[1]), Integer.toString(detach[2]));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Process process = factory.start(new ProcessBuilder(cmd)
                    .redirectInput(stdio.in()).redirectOutput(stdio.out()).redirectError(stdio.err()));
            // A shim that dies before connecting (no perl, say) must not leave accept() blocked.
            process.onExit().thenRun(() -> closeQuietly(server));
            try {
                SocketChannel channel = server.accept();
                return new Spawned(process, channel, Shim.reader(channel));
            } catch (ClosedChannelException e) {
                throw failure(process);
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    /**
     * A shim with pipes for stdio, started ahead (a Perl start, the largest cost after the runtime's
     * own, then lies off the container's critical path); the next one starts in the background.
     */
    private Spawned takeWarm() throws IOException {
        CompletableFuture<Spawned> ready = warm.getAndSet(null);
        Spawned s = null;
        if (ready != null) {
            try {
                s = ready.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                s = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a shim", e);
            }
            if (s != null && !s.process().isAlive()) {
                s = null;
            }
        }
        if (s == null) {
            s = spawn(Stdio.pipes());
        }
        warmNext();
        return s;
    }

    private void warmNext() {
        CompletableFuture<Spawned> next = new CompletableFuture<>();
        if (closed || !warm.compareAndSet(null, next)) {
            return;
        }
        threads.execute(() -> {
            try {
                next.complete(spawn(Stdio.pipes()));
            } catch (IOException | RuntimeException e) {
                next.completeExceptionally(e);
            }
            if (closed) {
                discardWarm();
            }
        });
    }

    private void discardWarm() {
        CompletableFuture<Spawned> w = warm.getAndSet(null);
        if (w != null) {
            w.thenAccept(Spawned::discard);
        }
    }

    private ContainerRuntimeException failure(Process shim) {
        int code = -1;
        try {
            shim.waitFor(10, TimeUnit.SECONDS);
            code = shim.isAlive() ? -1 : shim.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ContainerRuntimeException("start shim", "", code,
                "the shim (perl) ended before connecting; its message went to the container's stderr");
    }

    private static void closeQuietly(ServerSocketChannel server) {
        try {
            server.close();
        } catch (IOException e) {
            // closing to unblock accept(): nothing to do
        }
    }

    // --- plain commands

    @Override
    public Optional<State> state(String id) throws IOException {
        settle(checkId(id));
        if (!Files.isDirectory(root.resolve(id))) {
            return Optional.empty();
        }
        return Optional.of(RuntimeJson.readState(call("state", id, List.of("state", id))));
    }

    @Override
    public List<String> list() throws IOException {
        settleAll();
        List<String> ids = new ArrayList<>();
        for (String line : new String(call("list", "", List.of("list", "-q")), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                ids.add(line.strip());
            }
        }
        return ids;
    }

    @Override
    public void start(String id) throws IOException {
        call("start", settle(checkId(id)), List.of("start", id));
    }

    @Override
    public void kill(String id, String signal) throws IOException {
        call("kill", settle(checkId(id)), List.of("kill", id, signal));
    }

    @Override
    public void delete(String id, boolean force) throws IOException {
        call("delete", settle(checkId(id)), force ? List.of("delete", "--force", id) : List.of("delete", id));
        open.removeIf(c -> c.id().equals(id));
    }

    @Override
    public void pause(String id) throws IOException {
        call("pause", settle(checkId(id)), List.of("pause", id));
        // crun on cgroup v1 can return while the freezer still says FREEZING (seen under load): state
        // would say running, and a stop would wait on a process about to freeze. Wait for "paused".
        long deadline = System.nanoTime() + PAUSE_SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<State> s = state(id);
            if (s.isEmpty() || s.get().status().value().equals("paused")) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("pause " + id + ": interrupted while waiting for the freezer", e);
            }
        }
    }

    @Override
    public void resume(String id) throws IOException {
        call("resume", settle(checkId(id)), List.of("resume", id));
    }

    @Override
    public Features features() throws IOException {
        return RuntimeJson.readFeatures(call("features", "", List.of("features")));
    }

    /** Runs one command to its end, returning its stdout; a non-zero exit is a {@link ContainerRuntimeException}. */
    byte[] call(String op, String id, List<String> args) throws IOException {
        Path err = work.resolve(counter.incrementAndGet() + ".err");
        Process p = factory.start(new ProcessBuilder(command(Optional.empty(), args))
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(err.toFile()));
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ContainerRuntimeException(op, id, -1, "no answer within " + CALL_TIMEOUT);
            }
            if (p.exitValue() != 0) {
                throw new ContainerRuntimeException(op, id, p.exitValue(), Files.readString(err));
            }
            return out;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(op + " " + id + ": interrupted", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    // --- bookkeeping

    void forget(CliContainer c) {
        open.remove(c);
    }

    /**
     * Records the deletion a shim runs after {@code run}; should it fail (or the shim die), the
     * runtime's own {@code delete --force} follows on the same thread.
     */
    void deletingInBackground(String id, CompletableFuture<Boolean> shimDeleted) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        deleting.put(id, done);
        shimDeleted.whenComplete((ok, error) -> {
            try {
                if (!Boolean.TRUE.equals(ok)) {
                    call("delete", id, List.of("delete", "--force", id));
                }
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            } finally {
                deleting.remove(id, done);
            }
        });
    }

    /** Waits for the deletion of {@code id} after a run, if one is under way; returns the id. */
    private String settle(String id) throws IOException {
        CompletableFuture<Void> d = deleting.get(id);
        if (d != null) {
            try {
                d.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // The runtime command that follows reports what is left of the container.
            } catch (TimeoutException e) {
                throw new IOException("container " + id + ": its deletion after run took over " + CALL_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("container " + id + ": interrupted while its deletion after run finished", e);
            }
        }
        return id;
    }

    /** Waits for every deletion under way after a run. */
    private void settleAll() throws IOException {
        for (String id : List.copyOf(deleting.keySet())) {
            settle(id);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        CompletableFuture<Spawned> w = warm.getAndSet(null);
        if (w != null) {
            try {
                w.get(10, TimeUnit.SECONDS).discard();
            } catch (ExecutionException | TimeoutException e) {
                // it did not start: nothing to end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        IOException first = null;
        for (CliContainer c : List.copyOf(open)) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        try {
            settleAll();
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        try (var files = Files.list(work)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(work);
        // Running tasks (the report of a detached container's shim) go on; idle threads end now.
        threads.shutdown();
        if (first != null) {
            throw first;
        }
    }

    /** At JVM exit: kill and delete what is still open, without a grace period. */
    private void cleanUpAtExit() {
        try {
            settleAll();
        } catch (IOException e) {
            // best effort while the JVM exits
        }
        for (CliContainer c : List.copyOf(open)) {
            try {
                c.stop(Duration.ZERO);
                c.delete(true);
            } catch (IOException | RuntimeException e) {
                // best effort while the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("container id \"" + id
                    + "\": expected 1 to 128 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return id;
    }

    private static Path checkBundle(String id, Path bundle) {
        checkId(id);
        Path dir = bundle.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            throw new IllegalArgumentException("bundle " + dir + " has no config.json");
        }
        return dir;
    }

    @Override
    public String toString() {
        return name + " (" + binary + ", root " + root + ")";
    }
}
