package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.layer.GzipEngine;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code oci build}, {@code oci inspect} and {@code oci unpack}, run as the command line runs them. */
class ImageCommandsTest {

    record Run(int exitCode, String out, String err) {
    }

    @TempDir
    Path tmp;
    Path rootfs;

    @BeforeEach
    void tree() throws IOException {
        rootfs = tmp.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/os-release"), "NAME=cli\n");
        Files.createSymbolicLink(rootfs.resolve("etc/link"), Path.of("os-release"));
    }

    static Run oci(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Oci.commandLine(args);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Run build(String layout, String... extra) {
        String[] args = new String[extra.length + 6];
        args[0] = "build";
        args[1] = "--layer";
        args[2] = rootfs.toString();
        args[3] = "--source-date-epoch";
        args[4] = "1700000000";
        System.arraycopy(extra, 0, args, 5, extra.length);
        args[args.length - 1] = "oci:" + tmp.resolve(layout);
        return oci(args);
    }

    @Test
    void buildPrintsTheManifestDigestAndTheSameInputsGiveTheSameDigest() {
        Run a = build("a", "--tag", "v1", "--platform", "linux/amd64", "--cmd", "/bin/sh", "--env", "A=1");
        Run b = build("b", "--tag", "v1", "--platform", "linux/amd64", "--cmd", "/bin/sh", "--env", "A=1");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(a.out().strip()).matches("sha256:[0-9a-f]{64}");
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(tmp.resolve("a/oci-layout")).exists();
    }

    @Test
    void theIsalGzipEngineIsReproducibleOtherThanZlibAndUnpacks() throws IOException {
        TestEnvironment.require(GzipEngine.ISAL.isAvailable(), "ISA-L (libisal.so.2) is not loadable; it comes with"
                + " the Debian package " + TestEnvironment.LIBISAL.name());
        Run a = build("a", "--tag", "v1", "--gzip-engine", "isal");
        Run b = build("b", "--tag", "v1", "--gzip-engine", "isal");
        Run zlib = build("z", "--tag", "v1", "--gzip-engine", "zlib");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(zlib.out()).isNotEqualTo(a.out());
        Path target = tmp.resolve("isal-rootfs");
        Run unpack = oci("unpack", "oci:" + tmp.resolve("a") + ":v1", target.toString());
        assertThat(unpack.exitCode()).as(unpack.err()).isZero();
        assertThat(target.resolve("etc/os-release")).hasContent("NAME=cli");
        assertThat(build("c", "--tag", "v1", "--gzip-engine", "lzma").exitCode()).isEqualTo(2);
    }

    @Test
    void inspectPrintsDigestPlatformLayersAndConfig() {
        Run built = build("l", "--tag", "v1", "--platform", "linux/arm64/v8", "--compression", "zstd",
                "--entrypoint", "/bin/app", "--label", "k=v", "--user", "1000");
        Run inspect = oci("inspect", "oci:" + tmp.resolve("l") + ":v1");
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("\"digest\": \"" + built.out().strip() + "\"")
                .contains("\"platform\": \"linux/arm64/v8\"")
                .contains("application/vnd.oci.image.layer.v1.tar+zstd")
                .contains("\"diffID\": \"sha256:")
                .contains("\"Entrypoint\": [").contains("\"User\": \"1000\"").contains("\"k\": \"v\"");
    }

    @Test
    void withOneImageTheReferenceMayBeLeftOut() {
        build("l", "--tag", "only");
        assertThat(oci("inspect", "oci:" + tmp.resolve("l")).exitCode()).isZero();
    }

    @Test
    void unpackAppliesTheLayersIntoANewDirectory() throws IOException {
        build("l", "--tag", "v1");
        Path target = tmp.resolve("out/rootfs");
        Run unpack = oci("unpack", "oci:" + tmp.resolve("l") + ":v1", target.toString());
        assertThat(unpack.exitCode()).as(unpack.err()).isZero();
        assertThat(target.resolve("etc/os-release")).hasContent("NAME=cli");
        assertThat(Files.readSymbolicLink(target.resolve("etc/link"))).isEqualTo(Path.of("os-release"));
        assertThat(unpack.out()).contains("1 layers");

        Run again = oci("unpack", "oci:" + tmp.resolve("l") + ":v1", target.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("not empty");
    }

    @Test
    void buildOnABaseImageKeepsItsLayers() {
        build("base", "--tag", "base", "--cmd", "/bin/sh");
        Path more = tmp.resolve("rootfs");
        Run app = oci("build", "--from", "oci:" + tmp.resolve("base") + ":base", "--layer", more.toString(),
                "--tag", "app", "oci:" + tmp.resolve("app"));
        assertThat(app.exitCode()).as(app.err()).isZero();
        Run inspect = oci("inspect", "oci:" + tmp.resolve("app") + ":app");
        assertThat(inspect.out().split("\"diffID\"", -1)).hasSize(3);
        assertThat(inspect.out()).contains("\"Cmd\": [").contains("org.opencontainers.image.base.digest");
    }

    @Test
    void anUnknownReferenceFailsAndListsTheAvailableOnes() {
        build("l", "--tag", "one");
        build("l", "--tag", "two");
        Run r = oci("inspect", "oci:" + tmp.resolve("l") + ":three");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no image named \"three\"").contains("one, two");
        Run ambiguous = oci("unpack", "oci:" + tmp.resolve("l"), tmp.resolve("x").toString());
        assertThat(ambiguous.exitCode()).isEqualTo(1);
        assertThat(ambiguous.err()).contains("holds 2 images").contains("one, two");
    }

    @Test
    void aMissingLayoutFailsWithExitCodeOne() throws IOException {
        Run r = oci("inspect", "oci:" + tmp.resolve("nowhere"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no such directory");
        Files.createDirectories(tmp.resolve("plain"));
        assertThat(oci("inspect", "oci:" + tmp.resolve("plain")).err()).contains("not an OCI image layout");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(oci("inspect", "docker://busybox").exitCode()).isEqualTo(2);
        assertThat(build("l").exitCode()).as("no tag").isEqualTo(2);
        assertThat(build("l", "--tag", "v1", "--env", "NOVALUE").exitCode()).isEqualTo(2);
        assertThat(build("l", "--tag", "v1", "--compression", "lz4").exitCode()).isEqualTo(2);
        assertThat(build("l", "--tag", "bad tag").exitCode()).isEqualTo(2);
        assertThat(oci("build", "--bogus").exitCode()).isEqualTo(2);
    }

    @Test
    void aMissingLayerDirectoryFailsWithExitCodeOne() {
        Run r = oci("build", "--tag", "v1", "--layer", tmp.resolve("missing").toString(), "oci:" + tmp.resolve("l"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("oci build: ").contains("not a directory");
    }
}
