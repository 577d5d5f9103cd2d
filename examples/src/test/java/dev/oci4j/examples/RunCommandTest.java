package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oci bundle} and {@code oci run} on a busybox image, through runc. */
class RunCommandTest {

    @TempDir
    static Path tmp;

    static String image;

    @BeforeAll
    static void build() throws IOException {
        TestEnvironment.requireRoot("oci run starts containers");
        TestEnvironment.requireTool("runc");
        TestEnvironment.requireFile(Path.of("/bin/busybox"), TestEnvironment.BUSYBOX_STATIC);
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"));
        Files.createSymbolicLink(rootfs.resolve("sh"), Path.of("busybox"));
        Files.createDirectories(tmp.resolve("rootfs/etc"));
        Files.writeString(tmp.resolve("rootfs/etc/passwd"), "root:x:0:0::/:/bin/sh\n");
        ImageBuilder.fromScratch().platform(Platform.host()).addLayer(tmp.resolve("rootfs"))
                .cmd("/bin/sh", "-c", "exit 3").putEnv("PATH", "/bin")
                .writeTo(ImageLayout.openOrCreate(tmp.resolve("layout")), "bb");
        image = "oci:" + tmp.resolve("layout") + ":bb";
    }

    @Test
    void runExitsWithTheContainersCode() {
        assertThat(CommandRun.of("run", "--runtime", "runc", image).exitCode()).isEqualTo(3);
        assertThat(CommandRun.of("run", "--runtime", "runc", image, "--", "/bin/sh", "-c", "exit 0").exitCode()).isZero();
    }

    @Test
    void argumentsAfterTheDoubleDashReplaceTheCmd() {
        assertThat(CommandRun.of("run", "--runtime", "runc", "-e", "N=7", image, "--", "/bin/sh", "-c", "exit $N")
                .exitCode()).isEqualTo(7);
    }

    @Test
    void runAndExecWithATerminalThroughBothRuntimes() {
        for (String runtime : new String[] {"runc", "crun"}) {
            TestEnvironment.requireTool(runtime);
            CommandRun run = CommandRun.of("run", "-t", "--runtime", runtime, image, "--", "/bin/sh", "-c",
                    "/bin/busybox tty; /bin/busybox test -t 0 && echo in-a-tty; exit 6");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
            assertThat(run.out()).containsPattern("/dev/pts/\\d+\r\n").contains("in-a-tty\r\n");

            String name = "oci4j-tty-test-" + runtime + "-" + ProcessHandle.current().pid();
            CommandRun detached = CommandRun.of("run", "-d", "--runtime", runtime, "--name", name, image, "--",
                    "/bin/busybox", "sleep", "60");
            assertThat(detached.exitCode()).as(detached.err()).isZero();
            try {
                CommandRun exec = CommandRun.of("exec", "-t", name, "--", "/bin/sh", "-c",
                        "/bin/busybox tty; exit 7");
                assertThat(exec.exitCode()).as(exec.err()).isEqualTo(7);
                assertThat(exec.out()).containsPattern("/dev/pts/\\d+\r\n");
            } finally {
                assertThat(CommandRun.of("rm", "-f", name).exitCode()).isZero();
            }
        }
    }

    @Test
    void badInputIsOneLineAndExit125() {
        CommandRun user = CommandRun.of("run", "--runtime", "runc", "-u", "nobody", image);
        assertThat(user.exitCode()).isEqualTo(125);
        assertThat(user.err()).contains("\"nobody\"").hasLineCount(1);
        assertThat(CommandRun.of("run", "--runtime", "runc", "oci:" + tmp.resolve("missing") + ":bb").exitCode()).isEqualTo(125);
        assertThat(CommandRun.of("run", "--runtime", "runc", "oci:" + tmp.resolve("layout") + ":nope").err()).contains("nope");
        assertThat(CommandRun.of("run", "--runtime", "runc", "--memory", "lots", image).exitCode()).isEqualTo(125);
        assertThat(CommandRun.of("run", "--runtime", "nosuch", image).exitCode()).isEqualTo(125);
    }

    @Test
    void publishedPortAnswersOn127001UntilRm() throws Exception {
        for (String plugin : new String[] {"bridge", "host-local", "portmap"}) {
            TestEnvironment.requireCniPlugin(plugin);
        }
        TestEnvironment.requireTool("iptables");
        TestEnvironment.requireTool("ip");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String name = "oci4j-p-" + port;
        CommandRun started = CommandRun.of("run", "--runtime", "runc", "-d", "--name", name, "-p", port + ":80", image,
                "--", "/bin/busybox", "sh", "-c", "/bin/busybox mkdir /www && echo published > /www/index.html"
                        + " && exec /bin/busybox httpd -f -p 80 -h /www");
        try {
            assertThat(started.exitCode()).as(started.err()).isZero();
            assertThat(started.err()).contains("port 80/tcp published on host port " + port);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/")).timeout(java.time.Duration.ofSeconds(5)).build();
            String body = null;
            for (int i = 0; i < 100 && body == null; i++) {
                try {
                    body = http.send(get, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(body).isEqualTo("published\n");
        } finally {
            assertThat(CommandRun.of("rm", "-f", name).exitCode()).isZero();
        }
        assertThat(Path.of("/run/oci4j/networks", name)).doesNotExist();
        assertThat(dev.oci4j.testing.Commands.runOk("iptables", "-t", "nat", "-S").stdout()).doesNotContain(name);
        assertThat(CommandRun.of("run", "--runtime", "runc", "--network", "host", "-p", "80", image).err())
                .contains("-p publishes ports on the bridge network");
    }

    @Test
    void bundleWritesRootfsAndConfigAndRefusesADirectoryInUse() throws IOException {
        Path dir = tmp.resolve("bundle");
        assertThat(CommandRun.of("bundle", image, dir.toString()).exitCode()).isZero();
        assertThat(dir.resolve("config.json")).isRegularFile();
        assertThat(dir.resolve("rootfs/bin/busybox")).isRegularFile();
        CommandRun again = CommandRun.of("bundle", image, dir.toString());
        assertThat(again.exitCode()).isEqualTo(125);
        assertThat(again.err()).contains("not empty");
    }
}
