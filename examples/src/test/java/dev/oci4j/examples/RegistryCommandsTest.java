package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.LocalRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oci pull/push/copy/tags/login/logout} in-process, against a real docker-registry on 127.0.0.1. */
class RegistryCommandsTest {

    @TempDir
    static Path shared;
    static LocalRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        registry = LocalRegistry.start(Files.createDirectories(shared.resolve("registry")), "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    /** {@code oci build} of a one-file image tagged {@code tag} into {@code layout}; its digest. */
    String build(Path layout, String tag, String content) throws IOException {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs-" + tag));
        Files.writeString(rootfs.resolve("hello.txt"), content);
        CommandRun run = CommandRun.of("build", "--layer", rootfs.toString(), "--platform", "linux/amd64",
                "--tag", tag, "oci:" + layout);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().strip();
    }

    static String ok(CommandRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("quiet when not on a terminal").isEmpty();
        return run.out().strip();
    }

    String docker(String repoAndTag) {
        return "docker://" + registry.host() + "/" + repoAndTag;
    }

    @Test
    void pushThenPullPrintsTheDigestSkopeoSeesAndTheLayoutVerifies() throws IOException {
        Path src = dir.resolve("src");
        String built = build(src, "v1", "hello registry\n");

        assertThat(ok(CommandRun.of("push", "oci:" + src + ":v1", docker("cli/app:v1")))).isEqualTo(built);
        Commands.Result raw = Commands.runOk("skopeo", "--insecure-policy", "inspect", "--tls-verify=false", "--raw",
                docker("cli/app:v1"));
        assertThat(dev.oci4j.image.Digest.sha256(raw.stdoutBytes()).toString()).isEqualTo(built);

        Path dst = dir.resolve("dst");
        assertThat(ok(CommandRun.of("pull", docker("cli/app:v1"), "oci:" + dst + ":pulled"))).isEqualTo(built);
        ImageLayout pulled = ImageLayout.open(dst);
        assertThat(pulled.resolve("pulled").orElseThrow().digest().toString()).isEqualTo(built);
        assertThat(pulled.verify().problems()).isEmpty();
    }

    @Test
    void copyMovesImagesBetweenRegistriesAndLayoutsInAnyMix() throws IOException {
        Path src = dir.resolve("src");
        String built = build(src, "v2", "copy me\n");

        assertThat(ok(CommandRun.of("copy", "oci:" + src + ":v2", docker("cli/copy-a:v2")))).isEqualTo(built);
        assertThat(ok(CommandRun.of("copy", docker("cli/copy-a:v2"), docker("cli/copy-b:v2")))).isEqualTo(built);
        Path back = dir.resolve("back");
        assertThat(ok(CommandRun.of("copy", docker("cli/copy-b:v2"), "oci:" + back))).isEqualTo(built);
        assertThat(ImageLayout.open(back).resolve("v2").orElseThrow().digest().toString())
                .as("the tag names the image in the layout when DST has no :REF").isEqualTo(built);
    }

    @Test
    void tagsAreListedSortedOnePerLine() throws IOException {
        Path src = dir.resolve("src");
        build(src, "1", "tags\n");
        for (String tag : new String[] {"b", "a", "2"}) {
            ok(CommandRun.of("push", "oci:" + src + ":1", docker("cli/tags:" + tag)));
        }
        assertThat(ok(CommandRun.of("tags", docker("cli/tags")))).isEqualTo("2\na\nb");
    }

    @Test
    void anUnknownTagIsOneLineWithTheRegistrysCodeAndLeavesNoName() throws IOException {
        Path dst = dir.resolve("dst");
        CommandRun run = CommandRun.of("pull", docker("cli/none:missing"), "oci:" + dst + ":x");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("oci pull: " + docker("cli/none:missing") + ": ")
                .contains("MANIFEST_UNKNOWN").doesNotContain("\n");
        assertThat(!Files.exists(dst.resolve("index.json")) || ImageLayout.open(dst).resolve("x").isEmpty()).isTrue();
    }

    @Test
    void anUnreachableRegistryIsOneLineNamingTheImageAndExitOne() {
        CommandRun run = CommandRun.of("pull", "docker://127.0.0.1:1/app:1", "oci:" + dir.resolve("l") + ":1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("oci pull: docker://127.0.0.1:1/app:1: ").doesNotContain("\n")
                .contains("127.0.0.1:1 cannot be reached: connection refused");
        // The layout did not exist before the pull: a failed pull leaves none behind.
        assertThat(dir.resolve("l")).doesNotExist();
        CommandRun unknownHost = CommandRun.of("pull", "docker://no-such-host.invalid/app:1", "oci:" + dir.resolve("u"));
        assertThat(unknownHost.exitCode()).isEqualTo(1);
        assertThat(unknownHost.err()).contains("unknown host no-such-host.invalid");
        assertThat(dir.resolve("u")).doesNotExist();
    }

    @Test
    void aMalformedReferenceNamesThePartThatIsWrong() {
        CommandRun run = CommandRun.of("tags", "docker://Example.com/UPPER");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("repository").doesNotContain("\tat ");
        CommandRun wrongTransport = CommandRun.of("push", "oci:" + dir, "registry/app");
        assertThat(wrongTransport.exitCode()).isEqualTo(1);
        assertThat(wrongTransport.err()).contains("docker://");
    }

    @Test
    void pullPushAndCopyWithoutPicocliPrintAndExitAsPicocliDoes() throws IOException {
        Path src = dir.resolve("src");
        build(src, "v1", "direct");
        String[][] commandLines = {
            {"push", "oci:" + src + ":v1", docker("cli/direct:v1")},
            {"pull", docker("cli/direct:v1"), "oci:" + dir.resolve("dst") + ":v1"},
            {"copy", docker("cli/direct:v1"), docker("cli/direct-copy:v1")},
            {"copy", "oci:" + src + ":v1", "oci:" + dir.resolve("other")},
            {"pull", docker("cli/none:missing"), "oci:" + dir.resolve("none") + ":x"},
            {"pull", "docker://127.0.0.1:1/app:1", "oci:" + dir.resolve("l") + ":1"},
            {"pull", "docker://Example.com/UPPER", "oci:" + dir.resolve("l") + ":1"},
            {"push", "oci:" + dir.resolve("missing") + ":v1", docker("cli/direct:v2")},
            {"push", "oci:" + src + ":nosuchtag", docker("cli/direct:v2")},
            {"push", "oci:" + src, "registry/app"},
        };
        for (String[] args : commandLines) {
            CommandRun picocli = CommandRun.viaPicocli(args);
            CommandRun direct = CommandRun.of(args);
            assertThat(direct).as("oci %s", String.join(" ", args)).isEqualTo(picocli);
        }
        assertThat(DirectVerbs.run("pull", "--tls-verify=false", docker("cli/direct:v1"))).isEqualTo(DirectVerbs.PICOCLI);
        assertThat(DirectVerbs.run("pull", "@args.txt", "oci:x")).isEqualTo(DirectVerbs.PICOCLI);
        assertThat(DirectVerbs.run("pull", docker("cli/direct:v1"), "-")).isEqualTo(DirectVerbs.PICOCLI);
        assertThat(DirectVerbs.run("pull", docker("cli/direct:v1"), "")).isEqualTo(DirectVerbs.PICOCLI);
        assertThat(DirectVerbs.run("pull", docker("cli/direct:v1"))).isEqualTo(DirectVerbs.PICOCLI);
        assertThat(DirectVerbs.run("tags", docker("cli/direct"), "x")).isEqualTo(DirectVerbs.PICOCLI);
    }

    @Test
    void logoutWithoutLoginSaysSo() {
        CommandRun run = CommandRun.of("logout", "--authfile", dir.resolve("auth.json").toString(), "localhost:5000");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not logged in");
    }
}
