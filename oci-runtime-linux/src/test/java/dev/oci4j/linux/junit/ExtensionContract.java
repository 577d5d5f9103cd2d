package dev.oci4j.linux.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.linux.RunResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the extension gives a test on every backend: a busybox httpd in its own network namespace
 * answering this JVM on a published port, exec, environment, mounts, limits, logs, exit codes and
 * wait strategies. A backend's test is a subclass annotated {@code @OciContainers(runtime = ...)}.
 */
abstract class ExtensionContract {

    @TempDir
    static Path shared;

    @Container
    OciContainer web = OciContainer.fromLayout(TestImages.busybox(), "busybox")
            .name("web")
            .command(TestImages.httpd("hello from the container"))
            .putEnv("GREETING", "hi there")
            .addPort(80)
            .memoryLimit(64L << 20)
            .waitingFor(WaitStrategy.forPort(80).withTimeout(Duration.ofSeconds(30)));

    /** The backend the subclass names. */
    abstract String backend();

    @BeforeAll
    static void checkMachine(org.junit.jupiter.api.TestInfo info) {
        String backend = info.getTestClass().orElseThrow().getAnnotation(OciContainers.class).runtime();
        TestImages.requireNetworking(backend);
    }

    @Test
    void httpdAnswersThisJvmThroughThePublishedPort() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://" + web.host() + ":" + web.hostPort(80) + "/");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello from the container\n");
        // The container's own address on the bridge answers too.
        URI direct = URI.create("http://" + web.ipAddress().orElseThrow() + ":80/");
        assertThat(http.send(HttpRequest.newBuilder(direct).build(), HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo("hello from the container\n");
        assertThat(web.id()).startsWith(Session.PREFIX + "-");
    }

    @Test
    void execRunsInsideWithTheEnvironmentAndLimits() throws Exception {
        RunResult env = web.exec("/bin/sh", "-c", "echo \"$GREETING\"");
        assertThat(env.status().success()).isTrue();
        assertThat(env.stdout()).isEqualTo("hi there\n");
        // cgroup v2 names the limit memory.max, v1 (this CI's hybrid host) memory.limit_in_bytes.
        RunResult mem = web.exec("/bin/sh", "-c",
                "cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes");
        assertThat(mem.stdout().trim()).isEqualTo(String.valueOf(64L << 20));
        assertThat(web.exec("/bin/sh", "-c", "exit 7").status().exitCode()).hasValue(7);
    }

    @Test
    void logsExitCodeMountsAndLogLineWait() throws Exception {
        Path data = Files.createDirectories(shared.resolve("data-" + backend()));
        Files.writeString(data.resolve("note"), "from the host");
        try (OciContainer job = OciContainer.fromLayout(TestImages.busybox(), "busybox").runtime(backend())
                .command("/bin/sh", "-c", "cat /data/note; echo; echo ready; sleep 0.3; echo bye >&2; exit 3")
                .addBind(data, "/data", true)
                .waitingFor(WaitStrategy.forLogLine("ready").withTimeout(Duration.ofSeconds(30)))
                .start()) {
            assertThat(job.waitForExit(Duration.ofSeconds(30)).orElseThrow().exitCode()).hasValue(3);
            assertThat(job.exitCode()).hasValue(3);
            assertThat(job.logLines()).containsExactly("from the host", "ready", "bye");
        }
    }

    @Test
    void aCommandWaitAndAFailedWaitCarryingTheLogs() throws Exception {
        try (OciContainer c = OciContainer.fromLayout(TestImages.busybox(), "busybox").runtime(backend())
                .command("/bin/sh", "-c", "sleep 0.5; touch /tmp/ready; exec sleep 60")
                .waitingFor(WaitStrategy.forCommand("test", "-f", "/tmp/ready").withTimeout(Duration.ofSeconds(30)))
                .start()) {
            assertThat(c.exec("ls", "/tmp").stdout()).contains("ready");
        }
        OciContainer dying = OciContainer.fromLayout(TestImages.busybox(), "busybox").runtime(backend()).name("dying")
                .command("/bin/sh", "-c", "echo cannot open the database; exit 2")
                .waitingFor(WaitStrategy.forPort(5432).withTimeout(Duration.ofSeconds(30)))
                .addPort(5432);
        assertThatThrownBy(dying::start).isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("dying exited (exited 2)")
                .satisfies(e -> assertThat(e.getSuppressed()[0]).isInstanceOf(ContainerLogs.class)
                        .hasMessageContaining("cannot open the database"));
        assertThat(dying.isStarted()).isFalse();
    }

    @Test
    void hostNetworkIsTheExplicitFallback() throws IOException, InterruptedException {
        try (OciContainer c = OciContainer.fromLayout(TestImages.busybox(), "busybox").runtime(backend())
                .network(OciContainer.Network.HOST).command("sleep", "60").start()) {
            assertThat(c.ipAddress()).isEmpty();
            assertThat(c.hostPort(8080)).isEqualTo(8080);
        }
    }
}
