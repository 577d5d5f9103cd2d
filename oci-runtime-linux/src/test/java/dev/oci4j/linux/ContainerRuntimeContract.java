package dev.oci4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Platform;
import dev.oci4j.linux.bundle.BundlePreparer;
import dev.oci4j.linux.bundle.ContainerOptions;
import dev.oci4j.linux.bundle.LayerCache;
import dev.oci4j.linux.bundle.PreparedBundle;
import dev.oci4j.linux.bundle.RootfsMethod;
import dev.oci4j.runtime.ContainerStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every backend must do with a real busybox image: output, exit statuses, the configuration
 * honoured, limits enforced, exec, kill, and nothing left behind. A backend's test is a subclass
 * naming it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContainerRuntimeContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger IDS = new AtomicInteger();

    private Path tmp;

    private BusyboxImage image;
    private RuntimeOptions options;
    private ContainerRuntime runtime;

    /** The backend's name, as {@link ContainerRuntimes} knows it. */
    protected abstract String backend();

    @BeforeAll
    void buildImage(@TempDir Path dir) throws IOException {
        tmp = dir;
        options = RuntimeOptions.builder().backend(backend()).root(tmp.resolve("state"))
                .stopGracePeriod(Duration.ofSeconds(2)).build();
        RuntimeTools.require(backend(), options);
        image = BusyboxImage.build(tmp.resolve("image"));
    }

    @BeforeEach
    void open() throws IOException {
        runtime = ContainerRuntimes.open(options);
        assertThat(runtime.name()).isEqualTo(backend());
    }

    @AfterEach
    void close() throws IOException {
        runtime.close();
    }

    private PreparedBundle bundle(ContainerOptions o) throws IOException {
        return BundlePreparer.prepare(image.layout, image.entry, Platform.host(),
                tmp.resolve("bundles").resolve("b" + IDS.incrementAndGet()), o, LayerCache.at(tmp.resolve("layers")));
    }

    private PreparedBundle bundle(String script) throws IOException {
        return bundle(ContainerOptions.builder().cmd(List.of("/bin/sh", "-c", script)).build());
    }

    private static String id() {
        return "t" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
    }

    private RunResult run(PreparedBundle b) throws Exception {
        try {
            return runtime.run(id(), b.dir(), TIMEOUT);
        } finally {
            b.delete();
        }
    }

    @Test
    void stdoutAndStderrAreCapturedSeparatelyWithTheExitCode() throws Exception {
        RunResult r = run(bundle("echo out; echo err >&2; exit 3"));
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.status().exitCode()).hasValue(3);
        assertThat(r.status().killedBySignal()).isFalse();
    }

    @Test
    void argumentsWithNewlinesAndSpacesReachTheProcessIntact() throws Exception {
        // The shim reads its command as one line: each argument travels hex-encoded.
        RunResult r = run(bundle(ContainerOptions.builder()
                .cmd(List.of("/bin/sh", "-c", "echo \"$1\"\necho two", "sh", "a  b\tc")).build()));
        assertThat(r.stdout()).isEqualTo("a  b\tc\ntwo\n");
    }

    @Test
    void theImageCommandRunsAndExitsZero() throws Exception {
        RunResult r = run(bundle(ContainerOptions.DEFAULTS));
        assertThat(r.stdout()).isEqualTo("hello\n");
        assertThat(r.status().success()).isTrue();
    }

    @Test
    void envCwdUserAndHostnameAreHonoured() throws Exception {
        RunResult r = run(bundle(ContainerOptions.builder()
                .cmd(List.of("/bin/sh", "-c", "echo $GREETING; pwd; id -u; id -g; id -G; hostname"))
                .putEnv("GREETING", "hi").workingDir("/home/alice").user("alice").hostname("box").build()));
        assertThat(r.stdout().split("\n")).containsExactly("hi", "/home/alice", "1000", "1000", "1000 29", "box");
    }

    @Test
    void aReadOnlyRootIsEnforced() throws Exception {
        RunResult r = run(bundle(ContainerOptions.builder().cmd(List.of("touch", "/x")).readonlyRoot(true).build()));
        assertThat(r.status().success()).isFalse();
        assertThat(r.stderr()).containsIgnoringCase("read-only");
    }

    @Test
    void aBindMountIsVisibleAndAReadOnlyOneUnwritable() throws Exception {
        Path rw = Files.createDirectories(tmp.resolve("rw"));
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        Files.writeString(ro.resolve("file"), "from the host");
        RunResult r = run(bundle(ContainerOptions.builder()
                .cmd(List.of("/bin/sh", "-c", "cat /ro/file; echo; echo written > /rw/out; touch /ro/new"))
                .addBind(rw, "/rw", false).addBind(ro, "/ro", true).build()));
        assertThat(r.stdout()).isEqualTo("from the host\n");
        assertThat(rw.resolve("out")).hasContent("written");
        assertThat(ro.resolve("new")).doesNotExist();
        assertThat(r.stderr()).containsIgnoringCase("read-only");
    }

    @Test
    void aPidsLimitHolds() throws Exception {
        RunResult r = run(bundle(ContainerOptions.builder().pidsLimit(4)
                .cmd(List.of("/bin/sh", "-c", "for i in 1 2 3 4 5 6 7 8; do sleep 2 & done; wait")).build()));
        assertThat(r.stderr()).containsIgnoringCase("fork");
    }

    @Test
    void aMemoryLimitKillsAnAllocatingProcessAndTheOomIsReported() throws Exception {
        // Often the process is killed before the shim reads its cgroups (a zombie shows the root
        // cgroup): several runs, so that both ways of finding the memory cgroup are taken.
        PreparedBundle b = bundle(ContainerOptions.builder().memoryLimit(16L << 20)
                .cmd(List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=64M", "count=1")).build());
        try {
            for (int i = 0; i < 8; i++) {
                RunResult r = runtime.run(id(), b.dir(), TIMEOUT);
                assertThat(r.status().signal()).as("run %d", i).hasValue(9);
                assertThat(r.status().oomKilled()).as("run %d", i).isTrue();
            }
        } finally {
            b.delete();
        }
    }

    @Test
    void aSignalDeathIsReportedAsSuch() throws Exception {
        PreparedBundle b = bundle(ContainerOptions.builder().cmd(List.of("sleep", "60")).build());
        try (Container c = runtime.create(id(), b.dir(), Stdio.discard())) {
            assertThat(c.state().status()).isEqualTo(ContainerStatus.CREATED);
            c.start();
            assertThat(c.state().status()).isEqualTo(ContainerStatus.RUNNING);
            c.kill("KILL");
            ExitStatus s = c.waitFor(TIMEOUT).orElseThrow();
            assertThat(s.signal()).hasValue(9);
            assertThat(s.exitCode()).isEmpty();
            assertThat(s.shellCode()).isEqualTo(137);
        } finally {
            b.delete();
        }
    }

    @Test
    void execRunsInsideARunningContainer() throws Exception {
        PreparedBundle b = bundle(ContainerOptions.builder().cmd(List.of("sleep", "60")).hostname("inside").build());
        try (Container c = runtime.create(id(), b.dir(), Stdio.discard())) {
            c.start();
            RunResult r = c.exec(List.of("/bin/sh", "-c", "hostname; exit 4"), TIMEOUT);
            assertThat(r.stdout()).isEqualTo("inside\n");
            assertThat(r.status().exitCode()).hasValue(4);
        } finally {
            b.delete();
        }
    }

    /** Reads a terminal on a thread of its own, so a test can wait for text while the process runs. */
    private static final class Screen {
        private final java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        private final Thread reader;

        Screen(java.io.InputStream in) {
            reader = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        synchronized (seen) {
                            seen.write(buf, 0, n);
                            seen.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the test fails on what it did not see
                }
            }, "screen");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits until {@code text} has appeared, failing after the timeout with what was seen. */
        String await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            synchronized (seen) {
                while (!text().contains(text)) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    assertThat(left).as("waiting for \"%s\" on the terminal; it showed: %s", text, text()).isPositive();
                    seen.wait(left);
                }
                return text();
            }
        }

        /** Waits for the end of the stream (no process holds the terminal any more). */
        String end() throws InterruptedException {
            reader.join(TIMEOUT.toMillis());
            assertThat(reader.isAlive()).as("the terminal did not end; it showed: %s", text()).isFalse();
            return text();
        }
    }

    @Test
    void aTerminalSessionAnswersTtyAndSeesResizes() throws Exception {
        // $((6*7)) prints 42 while the terminal's echo of what was typed shows the expression: what is
        // asserted is the shell's answer, not the echo.
        PreparedBundle b = bundle(ContainerOptions.builder().terminal(true)
                .cmd(List.of("/bin/sh", "-c", "tty; test -t 0 && echo stdin-is-a-tty; test -t 1 && echo stdout-too;"
                        + " stty size; read line; echo got-$line; stty size; exit 5")).build());
        try (Container c = runtime.create(id(), b.dir(), Stdio.terminal())) {
            Terminal t = c.terminal().orElseThrow();
            assertThat(c.stdout()).isSameAs(t.inputStream());
            t.resize(100, 30);
            Screen screen = new Screen(t.inputStream());
            c.start();
            screen.await("30 100");
            t.resize(120, 40);
            t.outputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
            t.outputStream().flush();
            assertThat(c.waitFor(TIMEOUT).orElseThrow().exitCode()).hasValue(5);
            String shown = screen.end();
            assertThat(shown).containsPattern("/dev/pts/\\d+").contains("stdin-is-a-tty", "stdout-too", "got-hello",
                    "40 120");
        } finally {
            b.delete();
        }
    }

    @Test
    void runOfABundleWithATerminalCapturesWhatTheTerminalShowed() throws Exception {
        RunResult r = run(bundle(ContainerOptions.builder().terminal(true)
                .cmd(List.of("/bin/sh", "-c", "tty; echo to-stderr >&2; exit 3")).build()));
        assertThat(r.stdout()).containsPattern("/dev/pts/\\d+\r\n").contains("to-stderr\r\n");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status().exitCode()).hasValue(3);
    }

    @Test
    void execWithATerminalGetsOneOfItsOwn() throws Exception {
        PreparedBundle b = bundle(ContainerOptions.builder().cmd(List.of("sleep", "60")).build());
        try (Container c = runtime.create(id(), b.dir(), Stdio.discard())) {
            c.start();
            try (ContainerProcess p = c.exec(List.of("/bin/sh"), Stdio.terminal())) {
                Terminal t = p.terminal().orElseThrow();
                Screen screen = new Screen(p.stdout());
                t.resize(90, 20);
                p.stdin().write("tty; test -t 0 && echo $((6*7)); stty size; exit 4\n".getBytes(StandardCharsets.UTF_8));
                assertThat(p.waitFor(TIMEOUT).orElseThrow().exitCode()).hasValue(4);
                String shown = screen.end();
                assertThat(shown).containsPattern("/dev/pts/\\d+").contains("42\r\n", "20 90");
            }
            // A plain exec still has pipes, no terminal.
            try (ContainerProcess p = c.exec(List.of("/bin/sh", "-c", "test -t 0 || echo no-tty"), Stdio.pipes())) {
                p.stdin().close();
                assertThat(p.terminal()).isEmpty();
                assertThat(new String(p.stdout().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("no-tty\n");
                assertThat(p.waitFor(TIMEOUT).orElseThrow().success()).isTrue();
            }
        } finally {
            b.delete();
        }
    }

    @Test
    void aTerminalMustBeAskedForByTheBundleAndTheCaller() throws Exception {
        PreparedBundle plain = bundle("true");
        PreparedBundle tty = bundle(ContainerOptions.builder().terminal(true).cmd(List.of("true")).build());
        try {
            assertThatThrownBy(() -> runtime.create(id(), plain.dir(), Stdio.terminal()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("terminal(true)");
            assertThatThrownBy(() -> runtime.create(id(), tty.dir(), Stdio.pipes()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Stdio.terminal()");
        } finally {
            plain.delete();
            tty.delete();
        }
    }

    @Test
    void aUserNamespaceMapsTheContainersRootToAnUnprivilegedHostId() throws Exception {
        long base = 100000 + 65536L * (IDS.incrementAndGet() % 8);
        PreparedBundle b = bundle(ContainerOptions.builder().userNamespace(base, base, 65536)
                .cmd(List.of("/bin/sh", "-c", "id -u; id -g; cat /proc/self/uid_map; touch /made-by-root"))
                .build());
        try {
            // runc mounts the rootfs as the mapped root, which must be able to reach it.
            assertThat(b.warnings()).anyMatch(w -> w.contains("cannot be searched by the container's root"));
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            // The layers were copied with their ownership shifted: root's files are now base's.
            assertThat(b.rootfsMethod()).isEqualTo(RootfsMethod.COPY);
            assertThat(Files.getAttribute(b.rootfs().resolve("bin"), "unix:uid")).isEqualTo((int) base);
            assertThat(Files.getAttribute(b.rootfs().resolve("home/alice"), "unix:uid")).isEqualTo((int) base);
            RunResult r = runtime.run(id(), b.dir(), TIMEOUT);
            assertThat(r.status().success()).as(r.stderr()).isTrue();
            String[] lines = r.stdout().split("\n");
            assertThat(lines[0]).isEqualTo("0");
            assertThat(lines[1]).isEqualTo("0");
            assertThat(lines[2].trim().split("\\s+")).containsExactly("0", Long.toString(base), "65536");
            // What root in the container made belongs on the host to the mapped, unprivileged id.
            assertThat(Files.getAttribute(b.rootfs().resolve("made-by-root"), "unix:uid")).isEqualTo((int) base);
            assertThat(Files.getAttribute(b.rootfs().resolve("made-by-root"), "unix:gid")).isEqualTo((int) base);
        } finally {
            b.delete();
        }
        // alice (1000) runs as base + 1000 on the host: she can write a bind-mounted directory that id owns.
        Path out = Files.createDirectories(tmp.resolve("userns-out-" + IDS.incrementAndGet()));
        Files.setAttribute(out, "unix:uid", (int) base + 1000);
        PreparedBundle alice = bundle(ContainerOptions.builder().userNamespace(base, base, 65536).user("alice")
                .addBind(out, "/out", false).cmd(List.of("/bin/sh", "-c", "id -u; touch /out/mine")).build());
        try {
            RunResult r = runtime.run(id(), alice.dir(), TIMEOUT);
            assertThat(r.stdout()).as(r.stderr()).isEqualTo("1000\n");
            assertThat(Files.getAttribute(out.resolve("mine"), "unix:uid")).isEqualTo((int) base + 1000);
        } finally {
            alice.delete();
        }
    }

    @Test
    void pauseAndResume() throws Exception {
        PreparedBundle b = bundle("sleep 30");
        try (Container c = runtime.create(id(), b.dir(), Stdio.discard())) {
            c.start();
            c.pause();
            assertThat(c.state().status().value()).isEqualTo("paused"); // runc and crun report it, beyond the spec's four
            c.resume();
            assertThat(c.state().status()).isEqualTo(ContainerStatus.RUNNING);
        } finally {
            b.delete();
        }
    }

    @Test
    void closeStopsAndDeletesAPausedContainer() throws Exception {
        PreparedBundle b = bundle("sleep 30");
        String id = id();
        try {
            try (Container c = runtime.create(id, b.dir(), Stdio.discard())) {
                c.start();
                c.pause();
            }
            assertThat(runtime.state(id)).isEmpty();
            assertThat(processesMentioning(b.dir().toString())).isEmpty();
        } finally {
            b.delete();
        }
    }

    @Test
    void closeStopsAProcessThatIgnoresTermAndDeletesIt() throws Exception {
        PreparedBundle b = bundle(ContainerOptions.builder().cmd(List.of("sleep", "60")).build());
        String id = id();
        Container c = runtime.create(id, b.dir(), Stdio.discard());
        c.start();
        c.close(); // sleep as PID 1 has no TERM handler: TERM is ignored, KILL after the grace period
        assertThat(c.waitFor(Duration.ZERO)).get().extracting(ExitStatus::signal).isNotNull();
        assertThat(runtime.state(id)).isEmpty();
        b.delete();
    }

    @Test
    void killAndDeleteOfARunningContainer() throws Exception {
        PreparedBundle b = bundle(ContainerOptions.builder().cmd(List.of("sleep", "60")).build());
        String id = id();
        Container c = runtime.create(id, b.dir(), Stdio.pipes());
        c.start();
        runtime.kill(id, "TERM"); // ignored by PID 1 without a handler
        assertThat(c.waitFor(Duration.ofMillis(300))).isEmpty();
        runtime.delete(id, true);
        assertThat(c.waitFor(TIMEOUT).orElseThrow().signal()).hasValue(9);
        assertThat(runtime.state(id)).isEmpty();
        assertThat(runtime.list()).doesNotContain(id);
        b.delete();
    }

    @Test
    void aMissingBundleAndABadIdAreRefused() {
        assertThatThrownBy(() -> runtime.create("x", tmp.resolve("nothing"), Stdio.discard()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config.json");
        assertThatThrownBy(() -> runtime.state("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRuntimeFailureCarriesTheRuntimesMessage() throws Exception {
        PreparedBundle b = bundle(ContainerOptions.builder().cmd(List.of("/no/such/binary")).build());
        try {
            assertThatThrownBy(() -> runtime.run(id(), b.dir(), TIMEOUT))
                    .isInstanceOf(ContainerRuntimeException.class)
                    .hasMessageContaining("/no/such/binary");
        } finally {
            b.delete();
        }
    }

    @Test
    void aRunningContainerHasACgroupDirectoryTheContractCanSee() throws Exception {
        // The positive control for the cgroup assertion below: it does find a live container's cgroup.
        PreparedBundle b = bundle("sleep 30");
        String id = id();
        try (Container c = runtime.create(id, b.dir(), Stdio.discard())) {
            c.start();
            assertThat(cgroupDirectoriesNamed(List.of(id))).isNotEmpty();
        }
        assertThat(cgroupDirectoriesNamed(List.of(id))).isEmpty();
        b.delete();
    }

    @Test
    void statsReportTheCgroupsMemoryCpuAndProcesses() throws Exception {
        PreparedBundle b = bundle(ContainerOptions.builder().cmd(List.of("/bin/sh", "-c", "sleep 30"))
                .memoryLimit(64L << 20).pidsLimit(16).build());
        String id = id();
        try (Container c = runtime.create(id, b.dir(), Stdio.discard())) {
            c.start();
            ContainerStats s = runtime.stats(id);
            assertThat(s.memoryLimit()).hasValue(64L << 20);
            assertThat(s.memoryBytes()).isPositive();
            assertThat(s.cpuNanos()).isPositive();
            assertThat(s.pids()).isBetween(1L, 16L);
        }
        assertThatThrownBy(() -> runtime.stats(id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(id);
        b.delete();
    }

    @Test
    void throughTheApiARunContainerIsGoneAsSoonAsRunReturns() throws Exception {
        // run may finish the runtime's delete in the background; calls naming the id wait for it.
        PreparedBundle b = bundle("echo $$");
        try {
            String id = id();
            for (int i = 0; i < 3; i++) {
                assertThat(runtime.run(id, b.dir(), TIMEOUT).stdout()).isEqualTo("1\n");
                assertThat(runtime.state(id)).isEmpty();
            }
            runtime.run(id, b.dir(), TIMEOUT);
            assertThat(runtime.list()).doesNotContain(id);
            runtime.run(id, b.dir(), TIMEOUT);
            try (Container c = runtime.create(id, b.dir(), Stdio.discard())) {
                assertThat(c.state().status()).isEqualTo(ContainerStatus.CREATED);
            }
        } finally {
            b.delete();
        }
    }

    @Test
    void theNextRuntimeRemovesTheWorkDirectoryOfAJvmKilledWithSigkill() throws IOException {
        Path tmpdir = Path.of(System.getProperty("java.io.tmpdir"));
        // Far from the pids being handed out now, so that none is taken between the check and the sweep.
        long dead = Long.parseLong(Files.readString(Path.of("/proc/sys/kernel/pid_max")).trim()) - 1;
        while (ProcessHandle.of(dead).isPresent()) {
            dead--;
        }
        Path stale = Files.createDirectory(tmpdir.resolve("oci4j-rt-" + dead + "-" + System.nanoTime()));
        Files.writeString(stale.resolve("7.log"), "left by a JVM killed with SIGKILL");
        Path live = Files.createDirectory(tmpdir.resolve("oci4j-rt-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime()));
        try (ContainerRuntime next = ContainerRuntimes.open(options)) {
            assertThat(stale).doesNotExist();
            assertThat(live).exists();
        } finally {
            Files.deleteIfExists(live);
        }
    }

    @Test
    void fiftySequentialAndTenConcurrentLifeCyclesLeaveNothingBehind() throws Exception {
        // Other tests and programs mount and run containers on this machine at the same time: only
        // this test's own mounts, processes, cgroups and state are looked at.
        List<String> mountsBefore = mountsUnder(tmp);
        PreparedBundle b = bundle("echo $$");
        try {
            assertThat(b.rootfsMethod()).isEqualTo(RootfsMethod.OVERLAY);
            assertThat(mountsUnder(tmp)).anyMatch(m -> m.contains(b.dir().toString()));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String id = id();
                ids.add(id);
                assertThat(runtime.run(id, b.dir(), TIMEOUT).stdout()).isEqualTo("1\n");
            }
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<RunResult>> runs = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String id = id();
                    ids.add(id);
                    Callable<RunResult> call = () -> runtime.run(id, b.dir(), TIMEOUT);
                    runs.add(pool.submit(call));
                }
                for (Future<RunResult> f : runs) {
                    assertThat(f.get().status().success()).isTrue();
                }
            } finally {
                pool.shutdown();
            }
            // The runtime's root is this test class's own directory.
            assertThat(runtime.list()).isEmpty();
            try (Stream<Path> state = Files.list(runtime.root())) {
                assertThat(state).isEmpty();
            }
            assertThat(processesMentioning(b.dir().toString())).isEmpty();
            assertThat(cgroupDirectoriesNamed(ids)).isEmpty();
            assertThat(hiddenUnderCgroupMounts(ids)).isEmpty();
        } finally {
            b.delete();
        }
        assertThat(mountsUnder(tmp)).isEqualTo(mountsBefore).noneMatch(m -> m.contains(b.dir().toString()));
        assertThat(b.dir()).doesNotExist();
    }

    /**
     * Directories under /sys/fs/cgroup named after one of {@code ids}: on cgroup v1 one per
     * controller (/sys/fs/cgroup/memory/...), on v2 one in the unified tree; a runtime without
     * cgroupsPath nests them under its own cgroup, so a few levels are searched.
     */
    private static List<Path> cgroupDirectoriesNamed(List<String> ids) throws IOException {
        List<Path> found = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>(ids);
        Files.walkFileTree(Path.of("/sys/fs/cgroup"), java.util.Set.of(), 6, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                    java.nio.file.attribute.BasicFileAttributes attrs) {
                if (dir.getFileName() != null && names.contains(dir.getFileName().toString())) {
                    found.add(dir);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /**
     * Entries named after one of {@code ids} in the filesystem that holds /sys/fs/cgroup itself (a tmpfs
     * on a v1 or hybrid host), beneath the cgroup mounts where a walk of /sys/fs/cgroup cannot see them:
     * crun, run with the cgroup2 mount detached on a hybrid host, once left {@code unified/ID/cgroup.procs}
     * there for every container. Seen through a non-recursive bind mount of /sys/fs/cgroup.
     */
    private List<Path> hiddenUnderCgroupMounts(List<String> ids) throws Exception {
        Path peek = Files.createDirectory(tmp.resolve("cgroup-peek-" + System.nanoTime()));
        run("mount", "--bind", "/sys/fs/cgroup", peek.toString());
        try (Stream<Path> top = Files.list(peek)) {
            List<Path> found = new ArrayList<>();
            for (Path dir : top.filter(Files::isDirectory).toList()) {
                for (String id : ids) {
                    if (Files.exists(dir.resolve(id), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        found.add(Path.of("/sys/fs/cgroup").resolve(dir.getFileName().toString()).resolve(id));
                    }
                }
            }
            return found;
        } finally {
            run("umount", peek.toString());
            Files.delete(peek);
        }
    }

    private static void run(String... command) throws Exception {
        dev.oci4j.testing.TestEnvironment.requireTool(command[0]);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
    }

    /** The mount points in /proc/self/mountinfo at or below {@code dir}, without the mount ids (which are reused). */
    public static List<String> mountsUnder(Path dir) throws IOException {
        String prefix = dir.toAbsolutePath().toString();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            if (f.length > 4 && (f[4].equals(prefix) || f[4].startsWith(prefix + "/"))) {
                out.add(f[4] + " " + line.substring(line.indexOf(" - ") + 3));
            }
        }
        return out;
    }

    private static List<Long> processesMentioning(String text) throws IOException {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (p.getFileName().toString().matches("\\d+")) {
                    try {
                        String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                        if (cmd.contains(text)) {
                            out.add(Long.parseLong(p.getFileName().toString()));
                        }
                    } catch (IOException e) {
                        // gone meanwhile
                    }
                }
            }
        }
        return out;
    }
}
