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

    private static void oneLineExitOne(CommandRun run, String... contains) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("oci registry serve: ").contains(contains).doesNotContain("\n");
    }

    @Test
    void aMissingOrMalformedHtpasswdIsOneLineAndExitOne() throws Exception {
        Path missing = dir.resolve("missing");
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--htpasswd", missing.toString()),
                "no such file or directory", missing.toString());
        Path md5 = Files.writeString(dir.resolve("htpasswd"), "alice:$apr1$salt$hash\n");
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--htpasswd", md5.toString()),
                md5 + ": line 1: ", "not bcrypt");
        Path directory = Files.createDirectories(dir.resolve("adir"));
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--htpasswd", directory.toString()),
                directory.toString());
    }

    @Test
    void badPemFilesAreOneLineAndExitOne() throws Exception {
        Path garbage = Files.writeString(dir.resolve("cert.pem"), "not pem\n");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--tls-cert", garbage.toString(),
                "--tls-key", key.toString()), garbage + ": not a PEM file");
        Path missing = dir.resolve("nokey.pem");
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--tls-cert", garbage.toString(),
                "--tls-key", missing.toString()), garbage.toString());
    }

    @Test
    void badConfigurationCreatesNoStorageDirectory() throws Exception {
        Path md5 = Files.writeString(dir.resolve("htpasswd"), "alice:$apr1$salt$hash\n");
        Path garbage = Files.writeString(dir.resolve("cert.pem"), "not pem\n");
        Path storage = dir.resolve("never/created");
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--storage", storage.toString(),
                "--htpasswd", md5.toString()), md5.toString());
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--storage", storage.toString(),
                "--htpasswd", dir.resolve("missing").toString()), "missing");
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--storage", storage.toString(),
                "--tls-cert", garbage.toString(), "--tls-key", garbage.toString()), garbage.toString());
        assertThat(dir.resolve("never")).doesNotExist();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:" + taken.getLocalPort(),
                    "--storage", storage.toString()), "cannot listen on");
        }
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void optionsThatNeedEachOtherAreOneLineAndExitOne() {
        CommandRun cert = CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--tls-cert", "c.pem");
        oneLineExitOne(cert, "--tls-cert and --tls-key go together");
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--token-auth"),
                "--token-auth needs --htpasswd");
        oneLineExitOne(CommandRun.of("registry", "serve", "--listen", "127.0.0.1:0", "--anonymous-pull"),
                "--anonymous-pull needs --htpasswd");
    }
}
