package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration of {@code oci registry serve} is one clear line and exit status 1. */
class RegistryServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aPortInUseIsOneLineAndExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRun run = CommandRun.of("registry", "serve", "--listen", "127.0.0.1:" + taken.getLocalPort(), "--memory");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip()).startsWith("oci registry serve: ").contains("cannot listen on")
                    .contains(Integer.toString(taken.getLocalPort())).doesNotContain("\n");
        }
    }

    @Test
    void storageThatIsAFileIsOneLineAndExitOne() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        CommandRun run = CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--storage", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("oci registry serve: ").contains(file.toString()).doesNotContain("\n");
    }

    @Test
    void aBadListenAddressOrBothStoragesAreOneLineAndExitOne() {
        CommandRun port = CommandRun.of("registry", "serve", "--listen", "127.0.0.1:99999");
        assertThat(port.exitCode()).isEqualTo(1);
        assertThat(port.err().strip()).isEqualTo("oci registry serve: --listen 127.0.0.1:99999: the port must be 0 to 65535");
        CommandRun both = CommandRun.of("registry", "serve", "--memory", "--storage", dir.toString());
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err().strip()).isEqualTo("oci registry serve: --storage and --memory exclude each other");
    }
}
