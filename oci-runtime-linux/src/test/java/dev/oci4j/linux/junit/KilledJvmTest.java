package dev.oci4j.linux.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.oci4j.testing.Commands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A JVM killed with SIGKILL in the middle of a container test leaves its container running, its
 * overlay and namespace mounted, its veth, IP and iptables rules in place; the next run's sweep
 * removes all of it. Only this test's own names are looked at.
 */
class KilledJvmTest {

    @Test
    void theNextRunSweepsWhatAKilledJvmLeft(@TempDir Path base) throws Exception {
        TestImages.requireNetworking("runc");
        Path layout = TestImages.busybox();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + Session.BASE_PROPERTY + "=" + base, "-Doci4j.test.layout=" + layout, Child.class.getName())
                .redirectErrorStream(true).start();
        String id;
        int hostPort;
        StringBuilder output = new StringBuilder();
        try {
            String ready = readyLine(child, output).get(180, TimeUnit.SECONDS);
            assertThat(ready).as(output.toString()).startsWith("READY ");
            id = ready.split(" ")[1];
            hostPort = Integer.parseInt(ready.split(" ")[2]);
        } finally {
            child.destroyForcibly();   // SIGKILL: no shutdown hook, no extension callback runs
            child.waitFor(30, TimeUnit.SECONDS);
        }
        String session = id.split("-")[1];
        Path sessionDir = base.resolve(session);
        try {
            checkLeftoversAndSweep(base, id, hostPort, session, sessionDir);
        } finally {
            Session.sweep(base);   // a failed assertion must not leave the killed run's mounts to the next test
        }
    }

    private static void checkLeftoversAndSweep(Path base, String id, int hostPort, String session, Path sessionDir)
            throws Exception {

        // What the killed run left: the container still serves, its mounts and rules are there.
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hostPort + "/")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).isEqualTo("still here\n");
        assertThat(mountsUnder(sessionDir)).hasSizeGreaterThanOrEqualTo(2);   // overlay rootfs, netns
        assertThat(natRulesNaming(id)).isNotEmpty();
        assertThat(Path.of("/sys/class/net", Session.PREFIX + session)).exists();
        assertThat(cgroupsNamed(id)).isNotEmpty();

        assertThat(Session.sweep(base)).containsExactly(session);

        assertThat(mountsUnder(sessionDir)).isEmpty();
        assertThat(natRulesNaming(id)).isEmpty();
        assertThat(Path.of("/sys/class/net", Session.PREFIX + session)).doesNotExist();
        assertThat(cgroupsNamed(id)).isEmpty();
        assertThat(sessionDir).doesNotExist();   // runtime state, bundles, netns files, IP allocations
        assertThat(leasesOf(sessionDir)).isEmpty();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(id)).toList())
                .isEmpty();
    }

    private static CompletableFuture<String> readyLine(Process child, StringBuilder output) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("READY ")) {
                        return line;
                    }
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
                return "child ended";
            } catch (IOException e) {
                return "child output unreadable: " + e;
            }
        });
    }

    private static List<String> mountsUnder(Path dir) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.split(" ")[4].startsWith(dir.toString())).toList();
    }

    private static List<String> natRulesNaming(String id) {
        List<String> rules = new ArrayList<>();
        for (String table : new String[] {"nat", "filter"}) {
            Commands.runOk("iptables", "-t", table, "-S").stdout().lines().filter(l -> l.contains(id))
                    .forEach(rules::add);
        }
        return rules;
    }

    private static List<Path> cgroupsNamed(String id) throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("/sys/fs/cgroup"), 4)) {
            return s.filter(p -> p.getFileName() != null && p.getFileName().toString().contains(id)).toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private static List<Path> leasesOf(Path sessionDir) throws IOException {
        Path leases = Path.of(System.getProperty("oci4j.cni.leases", "/run/oci4j/cni/subnets"));
        if (!Files.isDirectory(leases)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(leases)) {
            return s.filter(p -> {
                try {
                    return Files.readString(p).startsWith(sessionDir.toString());
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    /** The child JVM: runs {@link Sleeper} through the launcher, as a build tool would. */
    public static final class Child {
        public static void main(String[] args) {
            org.junit.platform.launcher.listeners.SummaryGeneratingListener summary =
                    new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Sleeper.class)).build(), summary);
            summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 30);
        }
    }

    /** A container test that reports its container and then waits to be killed. */
    @OciContainers(runtime = "runc")
    static class Sleeper {

        @Container
        OciContainer web = OciContainer.fromLayout(Path.of(System.getProperty("oci4j.test.layout")), "busybox")
                .command(TestImages.httpd("still here")).addPort(80)
                .waitingFor(WaitStrategy.forPort(80).withTimeout(Duration.ofSeconds(120)));

        @Test
        void waitsToBeKilled() throws InterruptedException {
            System.out.println("READY " + web.id() + " " + web.hostPort(80));
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
