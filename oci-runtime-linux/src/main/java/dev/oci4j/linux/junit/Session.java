package dev.oci4j.linux.junit;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.ContainerRuntimes;
import dev.oci4j.linux.RuntimeOptions;
import dev.oci4j.linux.bundle.LayerCache;
import dev.oci4j.linux.bundle.PreparedBundle;
import dev.oci4j.linux.network.BridgeNetwork;
import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.ImagePuller;
import dev.oci4j.distribution.client.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What one test run (a launcher run, or a JVM for containers started without the extension) owns,
 * all of it under one directory named by a random session id: the runtimes' state, bundles, logs,
 * pulled images and the bridge network. Every name it gives out (container ids, the bridge) starts
 * with {@link #PREFIX} and the session id, so a later run finds and removes what a killed run left:
 * an {@code owner} file names the process (pid and start time) and a session whose owner is gone
 * is swept when the next session opens. It references no JUnit type, so {@link OciContainer#start()}
 * works without JUnit on the class path.
 */
final class Session implements AutoCloseable {

    static final String PREFIX = "oci4jt";
    static final String BASE_PROPERTY = "oci4j.junit.dir";
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static volatile Session standalone;

    private final String id;
    private final Path dir;
    private final LayerCache layers;
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, ContainerRuntime> runtimes = new ConcurrentHashMap<>();
    private final Map<String, Descriptor> pulled = new ConcurrentHashMap<>();
    private final Set<OciContainer> live = ConcurrentHashMap.newKeySet();
    private final Object networkLock = new Object();
    private BridgeNetwork network;
    private ImageLayout images;
    private boolean closed;

    private Session(String id, Path dir) {
        this.id = id;
        this.dir = dir;
        this.layers = LayerCache.defaultCache();
    }

    /** The directory under which every session lives: {@code -Doci4j.junit.dir}, else /run/oci4j/junit. */
    static Path base() {
        return Path.of(System.getProperty(BASE_PROPERTY, "/run/oci4j/junit")).toAbsolutePath().normalize();
    }

    /** Opens a new session after sweeping what dead sessions left. */
    static Session open() throws IOException {
        Path base = Files.createDirectories(base());
        sweep(base);
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path dir = Files.createDirectory(base.resolve(id));
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(dir.resolve("owner"), self.pid() + " " + startTime(self.pid()).orElse("?") + "\n");
        return new Session(id, dir);
    }

    /** The JVM-wide session for containers started without the extension; closed when the JVM exits. */
    static Session standalone() throws IOException {
        Session s = standalone;
        if (s == null) {
            synchronized (Session.class) {
                s = standalone;
                if (s == null) {
                    Session opened = open();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            opened.close();
                        } catch (IOException | RuntimeException e) {
                            // The runtimes' own hooks are racing this one; only a real failure is worth a line.
                            if (!String.valueOf(e.getMessage()).contains("Shutdown in progress")) {
                                System.err.println("oci4j: " + e.getMessage());
                            }
                        }
                    }, "oci4j-junit-session"));
                    standalone = s = opened;
                }
            }
        }
        return s;
    }

    String id() {
        return id;
    }

    Path dir() {
        return dir;
    }

    LayerCache layers() {
        return layers;
    }

    /** A new container id: the prefix, the session id and a counter, unique on the host. */
    String newContainerId() {
        return PREFIX + "-" + id + "-" + counter.incrementAndGet();
    }

    ContainerRuntime runtime(String backend) throws IOException {
        String key = backend == null ? "" : backend;
        synchronized (runtimes) {
            checkOpen();
            ContainerRuntime r = runtimes.get(key);
            if (r == null) {
                RuntimeOptions.Builder o = RuntimeOptions.builder().stopGracePeriod(STOP_GRACE);
                if (!key.isEmpty()) {
                    o.backend(key);
                }
                // The state directory names the backend, so the sweep knows which one to ask.
                String name = key;
                if (name.isEmpty()) {
                    Path probeRoot = dir.resolve("state").resolve(".probe");
                    try (ContainerRuntime probe = ContainerRuntimes.open(o.root(probeRoot).build())) {
                        name = probe.name();
                    }
                    Files.deleteIfExists(probeRoot);
                }
                r = ContainerRuntimes.open(o.backend(name).root(dir.resolve("state").resolve(name)).build());
                runtimes.put(key, r);
            }
            return r;
        }
    }

    BridgeNetwork network() throws IOException {
        synchronized (networkLock) {
            checkOpen();
            if (network == null) {
                network = BridgeNetwork.create(PREFIX + id, dir.resolve("network"));
            }
            return network;
        }
    }

    /** Pulls {@code reference} once per session into the session's layout. */
    synchronized ImageAndEntry pull(String reference) throws IOException {
        checkOpen();
        if (images == null) {
            images = ImageLayout.openOrCreate(dir.resolve("images"));
        }
        Descriptor d = pulled.get(reference);
        if (d == null) {
            String ref = "pulled-" + pulled.size();
            d = ImagePuller.of(RegistryClient.builder().build()).pull(Reference.parse(reference), images, ref).named();
            pulled.put(reference, d);
        }
        return new ImageAndEntry(images, d);
    }

    record ImageAndEntry(ImageLayout layout, Descriptor entry) {
    }

    void started(OciContainer c) {
        live.add(c);
    }

    void stopped(OciContainer c) {
        live.remove(c);
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the oci4j test session " + id + " is closed");
        }
    }

    /** Stops what is still running, closes the runtimes, removes the network and the directory. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        IOException failure = null;
        for (OciContainer c : List.copyOf(live)) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                failure = add(failure, e);
            }
        }
        for (ContainerRuntime r : runtimes.values()) {
            try {
                r.close();
            } catch (IOException | RuntimeException e) {
                failure = add(failure, e);
            }
        }
        try {
            // Its runtimes have deleted its containers; asking a runtime again would open one, which
            // registers a shutdown hook: impossible when this runs in one (the standalone session).
            remove(dir, false);
        } catch (IOException e) {
            failure = add(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException add(IOException first, Exception next) {
        IOException e = next instanceof IOException io ? io : new IOException(next.toString(), next);
        if (first == null) {
            return e;
        }
        first.addSuppressed(e);
        return first;
    }

    // --- sweeping

    /**
     * Removes every session under {@code base} whose owner process is gone.
     *
     * @return the ids of the sessions removed
     */
    static List<String> sweep(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<String> swept = new java.util.ArrayList<>();
        IOException failure = null;
        try (Stream<Path> s = Files.list(base)) {
            for (Path d : s.toList()) {
                if (Files.isDirectory(d) && !ownerAlive(d)) {
                    try {
                        remove(d);
                        swept.add(d.getFileName().toString());
                    } catch (IOException e) {
                        failure = add(failure, e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return swept;
    }

    private static boolean ownerAlive(Path session) {
        try {
            String[] owner = Files.readString(session.resolve("owner")).trim().split(" ");
            long pid = Long.parseLong(owner[0]);
            return startTime(pid).map(t -> t.equals(owner[1])).orElse(false);
        } catch (IOException | RuntimeException e) {
            // No readable owner: a session being created right now has one within milliseconds, so
            // only a directory older than a minute without one is abandoned.
            try {
                return Files.getLastModifiedTime(session).toMillis() > System.currentTimeMillis() - 60_000;
            } catch (IOException gone) {
                return true;
            }
        }
    }

    /** Field 22 of /proc/PID/stat: the start time, which tells a process from a later one with its pid. */
    static Optional<String> startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(f[19]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Kills the processes of, and removes, the cgroups named for the session's containers: what is
     * left when the runtime's state went before its containers (a state directory deleted by hand).
     * Both layouts: {@code /sys/fs/cgroup/ID} (v2) and {@code /sys/fs/cgroup/CONTROLLER/ID} (v1).
     */
    static void removeCgroups(String idPrefix) throws IOException {
        Path root = Path.of("/sys/fs/cgroup");
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> found = new java.util.ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            for (Path p : top.toList()) {
                if (p.getFileName().toString().startsWith(idPrefix)) {
                    found.add(p);
                } else if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
                    try (Stream<Path> sub = Files.list(p)) {
                        sub.filter(c -> c.getFileName().toString().startsWith(idPrefix) && Files.isDirectory(c))
                                .forEach(found::add);
                    } catch (IOException e) {
                        // a controller we cannot list holds none of ours
                    }
                }
            }
        }
        IOException failure = null;
        for (Path cg : found) {
            Path procs = cg.resolve("cgroup.procs");
            for (int attempt = 0; attempt < 50 && Files.exists(cg); attempt++) {
                try {
                    for (String pid : Files.readAllLines(procs)) {
                        if (!pid.isBlank()) {
                            ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
                        }
                    }
                    Files.deleteIfExists(cg);   // rmdir: succeeds once the cgroup is empty
                } catch (IOException e) {
                    if (attempt == 49) {
                        failure = add(failure, e);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException i) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while emptying " + cg, i);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Removes a session directory and what it stands for: containers still known to a runtime
     * (force-deleted, which kills them and removes their cgroups), overlay bundles (unmounted), the
     * bridge network (CNI DEL, namespaces unmounted, bridge deleted, subnet released).
     */
    static void remove(Path session) throws IOException {
        remove(session, true);
    }

    private static void remove(Path session, boolean askRuntimes) throws IOException {
        IOException failure = null;
        Path state = session.resolve("state");
        if (askRuntimes && Files.isDirectory(state)) {
            try (Stream<Path> s = Files.list(state)) {
                for (Path backendRoot : s.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                    try (ContainerRuntime r = ContainerRuntimes.open(RuntimeOptions.builder()
                            .backend(backendRoot.getFileName().toString()).root(backendRoot)
                            .stopGracePeriod(Duration.ZERO).build())) {
                        for (String c : r.list()) {
                            try {
                                r.delete(c, true);
                            } catch (IOException e) {
                                failure = add(failure, e);
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        failure = add(failure, e);
                    }
                }
            }
        }
        try {
            removeCgroups(PREFIX + "-" + session.getFileName() + "-");
        } catch (IOException e) {
            failure = add(failure, e);
        }
        Path bundles = session.resolve("bundles");
        if (Files.isDirectory(bundles)) {
            try (Stream<Path> s = Files.list(bundles)) {
                for (Path b : s.toList()) {
                    try {
                        PreparedBundle.remove(b);
                    } catch (IOException e) {
                        failure = add(failure, e);
                    }
                }
            }
        }
        try {
            BridgeNetwork.remove(session.resolve("network"));
        } catch (IOException e) {
            failure = add(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
        try (Stream<Path> s = Files.walk(session)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
