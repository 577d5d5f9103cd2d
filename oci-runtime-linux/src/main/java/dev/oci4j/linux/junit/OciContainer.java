package dev.oci4j.linux.junit;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.linux.Container;
import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.ExitStatus;
import dev.oci4j.linux.RunResult;
import dev.oci4j.linux.Stdio;
import dev.oci4j.linux.bundle.BundlePreparer;
import dev.oci4j.linux.bundle.ContainerOptions;
import dev.oci4j.linux.bundle.PreparedBundle;
import dev.oci4j.linux.network.NetworkAttachment;
import dev.oci4j.linux.network.PortMapping;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A container for a test: what to run (an image from a layout or a registry, command, environment,
 * mounts, limits, published ports, a {@link WaitStrategy}) and, once started, the handle to it (its
 * published ports, logs, exit status, {@code exec}). Declared on a field with {@link dev.oci4j.linux.junit.Container
 * &#64;Container} under {@link OciContainers &#64;OciContainers}, the extension starts and stops it;
 * {@link #start()} and {@link #close()} do the same by hand.
 *
 * <pre>{@code
 * @Container
 * static OciContainer web = OciContainer.fromLayout(Path.of("target/images"), "busybox")
 *         .command("httpd", "-f", "-p", "80", "-h", "/www")
 *         .addBind(Path.of("src/test/www"), "/www", true)
 *         .addPort(80)
 *         .waitingFor(WaitStrategy.forPort(80));
 *
 * @Test
 * void answers() throws Exception {
 *     URI uri = URI.create("http://" + web.host() + ":" + web.hostPort(80) + "/");
 * }
 * }</pre>
 *
 * <p>Networking: with published ports (or {@link #network(Network)} {@code BRIDGE}) the container gets
 * its own network namespace on the run's CNI bridge; {@code HOST} shares the host's; otherwise it has
 * a private namespace with loopback only. The setters may be called until the container starts.
 */
public final class OciContainer implements AutoCloseable {

    /** How the container is networked. */
    public enum Network {
        /** A bridge network when ports are published, else a private namespace with loopback only. */
        AUTO,
        /** Its own namespace on the run's CNI bridge, with an address reachable from the host. */
        BRIDGE,
        /** The host's network namespace (the fallback where CNI cannot run). */
        HOST,
        /** A private namespace with loopback only. */
        NONE
    }

    private static final int REPORT_LINES = 50;

    private final String imageName;
    private final ImageLayout layout;
    private final Path layoutDir;
    private final String ref;
    private final String registryReference;
    private final ContainerOptions.Builder options = ContainerOptions.builder();
    private final List<PortMapping> ports = new ArrayList<>();
    private Network network = Network.AUTO;
    private WaitStrategy wait = WaitStrategy.none();
    private String backend;
    private String name;

    // set while running
    private Session session;
    private String id;
    private Path log;
    private NetworkAttachment attachment;
    private PreparedBundle bundle;
    private Container container;
    private ContainerRuntime runtime;

    private OciContainer(ImageLayout layout, Path layoutDir, String ref, String registryReference) {
        this.layout = layout;
        this.layoutDir = layoutDir;
        this.ref = ref;
        this.registryReference = registryReference;
        this.imageName = registryReference != null ? registryReference
                : (layout != null ? layout.root() : layoutDir) + ":" + ref;
    }

    /**
     * A container of the image named {@code ref} in the image layout at {@code layoutDir}.
     *
     * @param layoutDir an OCI image layout directory
     * @param ref the image's name in the layout ({@code org.opencontainers.image.ref.name})
     * @return the container, not started
     */
    public static OciContainer fromLayout(Path layoutDir, String ref) {
        return new OciContainer(null, Objects.requireNonNull(layoutDir, "layoutDir"), Objects.requireNonNull(ref, "ref"), null);
    }

    /**
     * A container of the image named {@code ref} in {@code layout}.
     *
     * @param layout an open image layout
     * @param ref the image's name in the layout
     * @return the container, not started
     */
    public static OciContainer fromLayout(ImageLayout layout, String ref) {
        return new OciContainer(Objects.requireNonNull(layout, "layout"), null, Objects.requireNonNull(ref, "ref"), null);
    }

    /**
     * A container of an image pulled from a registry when the container starts (once per test run
     * and reference), for this machine's platform. Loopback registries are spoken to over plain HTTP.
     *
     * @param reference a reference such as {@code 127.0.0.1:5000/app:1}
     * @return the container, not started
     * @throws IllegalArgumentException when the reference is malformed
     */
    public static OciContainer fromRegistry(String reference) {
        dev.oci4j.distribution.Reference.parse(reference);
        return new OciContainer(null, null, null, reference);
    }

    // --- what to run

    /**
     * Names the container in messages and reports; the default is the image.
     *
     * @param name a short name
     * @return this container
     */
    public OciContainer name(String name) {
        checkNotStarted();
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Replaces the image's Cmd.
     *
     * @param command the command and its arguments
     * @return this container
     */
    public OciContainer command(String... command) {
        checkNotStarted();
        options.cmd(List.of(command));
        return this;
    }

    /**
     * Replaces the image's Entrypoint (and drops its Cmd unless {@link #command} is set).
     *
     * @param entrypoint the entrypoint and its arguments
     * @return this container
     */
    public OciContainer entrypoint(String... entrypoint) {
        checkNotStarted();
        options.entrypoint(List.of(entrypoint));
        return this;
    }

    /**
     * Sets an environment variable, over the image's.
     *
     * @param name the variable's name
     * @param value its value
     * @return this container
     * @throws IllegalArgumentException when the name is empty or holds '='
     */
    public OciContainer putEnv(String name, String value) {
        checkNotStarted();
        options.putEnv(name, value);
        return this;
    }

    /**
     * Bind-mounts a host path into the container.
     *
     * @param source the host file or directory
     * @param destination the absolute path in the container
     * @param readOnly whether the container may only read it
     * @return this container
     * @throws IllegalArgumentException when the destination is relative
     */
    public OciContainer addBind(Path source, String destination, boolean readOnly) {
        checkNotStarted();
        options.addBind(source, destination, readOnly);
        return this;
    }

    /**
     * Mounts an empty tmpfs.
     *
     * @param destination the absolute path in the container
     * @return this container
     * @throws IllegalArgumentException when the destination is relative
     */
    public OciContainer addTmpfs(String destination) {
        checkNotStarted();
        options.addTmpfs(destination);
        return this;
    }

    /**
     * Limits the container's memory (its cgroup's {@code memory.max}).
     *
     * @param bytes the limit
     * @return this container
     * @throws IllegalArgumentException when below 4096
     */
    public OciContainer memoryLimit(long bytes) {
        checkNotStarted();
        options.memoryLimit(bytes);
        return this;
    }

    /**
     * Limits the number of processes and threads.
     *
     * @param limit the limit
     * @return this container
     * @throws IllegalArgumentException when below 1
     */
    public OciContainer pidsLimit(long limit) {
        checkNotStarted();
        options.pidsLimit(limit);
        return this;
    }

    /**
     * Limits CPU time: {@code quota} microseconds every {@code period} microseconds.
     *
     * @param quota CPU time per period, at least 1000
     * @param period the period, 1000 to 1000000
     * @return this container
     * @throws IllegalArgumentException when out of range
     */
    public OciContainer cpuQuota(long quota, long period) {
        checkNotStarted();
        options.cpuQuota(quota, period);
        return this;
    }

    /**
     * Any other option of the container ({@code user}, {@code workingDir}, {@code readonlyRoot}, ...).
     *
     * @param edit changes to the options
     * @return this container
     */
    public OciContainer options(Consumer<ContainerOptions.Builder> edit) {
        checkNotStarted();
        edit.accept(options);
        return this;
    }

    /**
     * Publishes a TCP port on a free host port; {@link #hostPort(int)} tells which.
     *
     * @param containerPort the port the container listens on
     * @return this container
     * @throws IllegalArgumentException when out of range
     */
    public OciContainer addPort(int containerPort) {
        return addPort(PortMapping.tcp(0, containerPort));
    }

    /**
     * Publishes a port as {@code mapping} says (a fixed host port collides across parallel tests:
     * prefer host port 0).
     *
     * @param mapping the mapping
     * @return this container
     */
    public OciContainer addPort(PortMapping mapping) {
        checkNotStarted();
        ports.add(Objects.requireNonNull(mapping, "mapping"));
        return this;
    }

    /**
     * Chooses the networking (default {@link Network#AUTO}).
     *
     * @param network the networking
     * @return this container
     */
    public OciContainer network(Network network) {
        checkNotStarted();
        this.network = Objects.requireNonNull(network, "network");
        return this;
    }

    /**
     * When the started container counts as ready (default: as soon as it runs).
     *
     * @param strategy the strategy
     * @return this container
     */
    public OciContainer waitingFor(WaitStrategy strategy) {
        checkNotStarted();
        this.wait = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * Runs this container on the named backend instead of the test class's (or the best available).
     *
     * @param backend {@code runc}, {@code crun}, ...
     * @return this container
     */
    public OciContainer runtime(String backend) {
        checkNotStarted();
        this.backend = Objects.requireNonNull(backend, "backend");
        return this;
    }

    // --- life cycle

    /**
     * Starts the container in this JVM's own session (without the extension) and waits until it is
     * ready. Close it (try-with-resources) to stop and remove it.
     *
     * @return this container
     * @throws IOException when the image, the bundle, the network or the runtime fails
     * @throws InterruptedException when interrupted while waiting
     * @throws IllegalStateException when already started
     * @throws ContainerStartException when the container exits or is not ready in time
     */
    public OciContainer start() throws IOException, InterruptedException {
        return start(Session.standalone(), null);
    }

    synchronized OciContainer start(Session s, String defaultBackend) throws IOException, InterruptedException {
        checkNotStarted();
        session = s;
        id = s.newContainerId();
        runtime = s.runtime(backend != null ? backend : defaultBackend);
        s.started(this);
        try {
            log = Files.createDirectories(s.dir().resolve("logs")).resolve(id + ".log");
            Files.createFile(log);
            ContainerOptions.Builder o = options.build().toBuilder();
            Network n = network == Network.AUTO ? (ports.isEmpty() ? Network.NONE : Network.BRIDGE) : network;
            if (n == Network.HOST) {
                o.hostNetwork(true);
            } else if (n == Network.BRIDGE) {
                attachment = s.network().attach(id, ports);
                o.networkNamespace(attachment.netns());
            } else if (!ports.isEmpty()) {
                throw new IllegalStateException(displayName() + ": ports are published only on the bridge network,"
                        + " and network(" + network + ") was chosen");
            }
            ImageLayout l;
            Descriptor entry;
            if (registryReference != null) {
                Session.ImageAndEntry pulled = s.pull(registryReference);
                l = pulled.layout();
                entry = pulled.entry();
            } else {
                l = layout != null ? layout : ImageLayout.open(layoutDir);
                entry = l.resolve(ref).orElseThrow(() -> new IllegalArgumentException("no image named \"" + ref
                        + "\" in " + l.root()));
            }
            bundle = BundlePreparer.prepare(l, entry, Platform.host(), s.dir().resolve("bundles").resolve(id), o.build(),
                    s.layers());
            container = runtime.create(id, bundle.dir(), Stdio.of(Redirect.from(Path.of("/dev/null").toFile()),
                    Redirect.appendTo(log.toFile()), Redirect.appendTo(log.toFile())));
            container.start();
            awaitReady();
            return this;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            try {
                close();
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.timeout().toNanos();
        while (true) {
            if (wait.probe().ready(this)) {
                return;
            }
            Optional<ExitStatus> exited = container.waitFor(Duration.ZERO);
            if (exited.isPresent()) {
                throw new ContainerStartException(displayName() + " exited (" + exited.get() + ") before "
                        + wait.description(), logsForReport());
            }
            if (System.nanoTime() > deadline) {
                throw new ContainerStartException(displayName() + " was not ready within " + wait.timeout()
                        + ": waited for " + wait.description(), logsForReport());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Kills the container (SIGKILL at once, as Testcontainers does: a test's container needs no
     * graceful stop) and removes it, its bundle and its network namespace. Its logs stay readable until the test run ends. Closing a
     * container that is not running does nothing.
     *
     * @throws IOException when something could not be removed (the rest still is)
     */
    @Override
    public synchronized void close() throws IOException {
        IOException failure = null;
        if (container != null) {
            try {
                // A test is over: no graceful stop, as Testcontainers' stop() kills too. SIGKILL
                // also spares a PID 1 without a TERM handler (busybox httpd) the grace period.
                if (container.waitFor(Duration.ZERO).isEmpty()) {
                    container.kill("KILL");
                    container.waitFor(Duration.ofSeconds(10));
                }
            } catch (IOException e) {
                // It ended meanwhile; close() reports whatever is really wrong.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                container.close();
            } catch (IOException e) {
                failure = e;
            }
            container = null;
        }
        if (bundle != null) {
            try {
                bundle.close();
            } catch (IOException e) {
                failure = add(failure, e);
            }
            bundle = null;
        }
        if (attachment != null) {
            try {
                attachment.close();
            } catch (IOException e) {
                failure = add(failure, e);
            }
            attachment = null;
        }
        if (session != null) {
            session.stopped(this);
            session = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException add(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    // --- the running container

    /**
     * Whether the container was started and not closed.
     *
     * @return true between {@link #start()} and {@link #close()}
     */
    public synchronized boolean isStarted() {
        return container != null;
    }

    /**
     * The runtime's id of the container: {@code oci4jt-SESSION-N}, unique on the host.
     *
     * @return the id
     * @throws IllegalStateException before the container is started
     */
    public synchronized String id() {
        if (id == null) {
            throw new IllegalStateException(displayName() + " has not been started");
        }
        return id;
    }

    /**
     * The host to connect to for published ports.
     *
     * @return {@code 127.0.0.1}
     */
    public String host() {
        return "127.0.0.1";
    }

    /**
     * The host port published for a TCP container port; with host networking, the port itself.
     *
     * @param containerPort the port in the container
     * @return the port to connect to on {@link #host()}
     * @throws IllegalStateException when not started
     * @throws IllegalArgumentException when the port is not published
     */
    public synchronized int hostPort(int containerPort) {
        requireStarted();
        if (attachment == null) {
            if (network == Network.HOST) {
                return containerPort;
            }
            throw new IllegalArgumentException(displayName() + " publishes no ports: it has no bridge network");
        }
        return attachment.hostPort(containerPort).orElseThrow(() -> new IllegalArgumentException(displayName()
                + " does not publish port " + containerPort + "; published: " + attachment.ports()));
    }

    /**
     * The container's address on the bridge network.
     *
     * @return the IPv4 address, empty without a bridge network
     * @throws IllegalStateException when not started
     */
    public synchronized Optional<String> ipAddress() {
        requireStarted();
        return attachment == null ? Optional.empty() : Optional.of(attachment.ipAddress());
    }

    /** Where this JVM reaches {@code containerPort}: the published port, the bridge address, or loopback. */
    synchronized InetSocketAddress address(int containerPort) {
        requireStarted();
        if (attachment != null) {
            Optional<Integer> published = attachment.hostPort(containerPort);
            return published.isPresent() ? new InetSocketAddress(host(), published.get())
                    : new InetSocketAddress(attachment.ipAddress(), containerPort);
        }
        return new InetSocketAddress(host(), containerPort);
    }

    /**
     * Everything the container wrote to stdout and stderr so far, interleaved as written.
     *
     * @return the output as UTF-8
     * @throws IOException when the log cannot be read
     * @throws IllegalStateException when never started
     */
    public String logs() throws IOException {
        Path l;
        synchronized (this) {
            l = log;
        }
        if (l == null) {
            throw new IllegalStateException(displayName() + " has not been started");
        }
        return Files.exists(l) ? Files.readString(l, StandardCharsets.UTF_8) : "";
    }

    /**
     * The container's output as lines.
     *
     * @return the lines so far
     * @throws IOException when the log cannot be read
     */
    public List<String> logLines() throws IOException {
        String s = logs();
        return s.isEmpty() ? List.of() : List.of(s.split("\r?\n"));
    }

    /**
     * Runs a command inside the running container.
     *
     * @param command the command and its arguments
     * @return its exit status and output
     * @throws IOException when the runtime fails
     * @throws InterruptedException when interrupted
     * @throws TimeoutException when it runs longer than 60 seconds (it is killed)
     */
    public RunResult exec(String... command) throws IOException, InterruptedException, TimeoutException {
        return exec(Duration.ofSeconds(60), command);
    }

    /**
     * Runs a command inside the running container, with a timeout.
     *
     * @param timeout how long it may run
     * @param command the command and its arguments
     * @return its exit status and output
     * @throws IOException when the runtime fails
     * @throws InterruptedException when interrupted
     * @throws TimeoutException when it runs longer than {@code timeout}
     */
    public RunResult exec(Duration timeout, String... command) throws IOException, InterruptedException, TimeoutException {
        Container c;
        synchronized (this) {
            requireStarted();
            c = container;
        }
        return c.exec(List.of(command), timeout);
    }

    /**
     * Waits for the container's process to end.
     *
     * @param timeout how long to wait
     * @return its exit status, empty when it still runs
     * @throws InterruptedException when interrupted
     * @throws IllegalStateException when not started
     */
    public Optional<ExitStatus> waitForExit(Duration timeout) throws InterruptedException {
        Container c;
        synchronized (this) {
            requireStarted();
            c = container;
        }
        return c.waitFor(timeout);
    }

    /**
     * The exit code, once the process has ended by itself.
     *
     * @return the exit code, empty while it runs or when a signal ended it
     * @throws InterruptedException when interrupted
     */
    public OptionalInt exitCode() throws InterruptedException {
        return waitForExit(Duration.ZERO).map(ExitStatus::exitCode).orElse(OptionalInt.empty());
    }

    /** The last lines of output as a {@link ContainerLogs}, for a failure report. */
    ContainerLogs logsForReport() {
        List<String> lines;
        try {
            lines = logLines();
        } catch (IOException | IllegalStateException e) {
            lines = List.of("(logs unreadable: " + e.getMessage() + ")");
        }
        int from = Math.max(0, lines.size() - REPORT_LINES);
        return new ContainerLogs(displayName() + (id != null ? " [" + id + "]" : ""), lines.subList(from, lines.size()),
                lines.size());
    }

    /** Whether this container has written a log (it was started, in this run). */
    synchronized boolean hasLog() {
        return log != null;
    }

    String displayName() {
        return name != null ? name : imageName;
    }

    private void requireStarted() {
        if (container == null) {
            throw new IllegalStateException(displayName() + " is not running: start it first (or declare it with"
                    + " @Container under @OciContainers)");
        }
    }

    private synchronized void checkNotStarted() {
        if (container != null) {
            throw new IllegalStateException(displayName() + " is already started; configure it before it starts");
        }
    }

    @Override
    public String toString() {
        return "OciContainer{" + displayName() + (id != null ? ", " + id : "") + "}";
    }
}
