package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * No command ends in a stack trace: whatever a file, a pipe or a layout holds, every subcommand
 * prints one line saying what and why, and exits with its failure code. Devices and endless pipes
 * under a small heap are in {@link HostileInputJarIT}.
 */
class HostileInputTest {

    /** A number whose exponent fits no int: Jackson's BigDecimal parser throws NumberFormatException on it. */
    static final String HUGE = "1e9999999999";
    private static final String SHA = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";

    @TempDir
    Path dir;

    // ---- validate: exit 2 for what cannot be read, 1 for what breaks a rule

    @Test
    void validateOfAMissingFileSaysSoInOneLine() {
        CommandRun run = CommandRun.of("validate", dir.resolve("nope.json").toString());

        assertOneLine(run, 2);
        assertThat(run.err()).contains("nope.json: cannot read: no such file or directory");
    }

    @Test
    void validateOfADirectorySaysItCannotReadIt() {
        CommandRun run = CommandRun.of("validate", dir.toString());

        assertOneLine(run, 2);
        assertThat(run.err()).startsWith(dir + ": cannot read: ").containsIgnoringCase("directory");
    }

    @Test
    void validateOfGarbageSaysWhereTheJsonBreaks() throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.json"), new byte[] {'{', 0, (byte) 0xff, '"'});

        CommandRun run = CommandRun.of("validate", garbage.toString());

        assertOneLine(run, 2);
        assertThat(run.err()).contains("garbage.json: malformed JSON at line 1");
    }

    @Test
    void validateOfAnEndlessStandardInputStopsAtTheCodecsLimit() {
        CommandRun run = CommandRun.withStdin(endless(), "validate", "-");

        assertOneLine(run, 2);
        assertThat(run.err()).contains("<stdin>: document is larger than the limit of 4194304 bytes");
    }

    static Stream<Arguments> documentsWithHugeNumbers() {
        return Stream.of(
                Arguments.of("descriptor", "{\"mediaType\":\"application/octet-stream\",\"digest\":\"" + SHA
                        + "\",\"size\":" + HUGE + "}"),
                Arguments.of("manifest", "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + SHA
                        + "\",\"size\":" + HUGE + "},\"layers\":[]}"),
                Arguments.of("index", "{\"schemaVersion\":" + HUGE + ",\"manifests\":[]}"),
                Arguments.of("config", "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                        + "\"diff_ids\":[]},\"config\":{\"CpuShares\":" + HUGE + "}}"),
                Arguments.of("runtime-config", "{\"ociVersion\":\"1.2.0\",\"process\":{\"args\":[\"sh\"],\"cwd\":\"/\","
                        + "\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":" + HUGE + ",\"soft\":1}]},"
                        + "\"root\":{\"path\":\"rootfs\"}}"),
                Arguments.of("runtime-state", "{\"ociVersion\":\"1.2.0\",\"id\":\"c\",\"status\":\"running\",\"pid\":"
                        + HUGE + ",\"bundle\":\"/b\"}"),
                Arguments.of("runtime-features", "{\"ociVersionMin\":" + HUGE + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentsWithHugeNumbers")
    void validateOfAHugeNumberReportsItWithoutAStackTrace(String type, String json) throws IOException {
        Path file = Files.writeString(dir.resolve(type + ".json"), json);

        CommandRun sniffed = CommandRun.of("validate", file.toString());
        CommandRun forced = CommandRun.of("validate", "--type", type, file.toString());

        for (CommandRun run : List.of(sniffed, forced)) {
            if (type.equals("config")) {
                // CpuShares is no image-spec member: the number is kept as its text, as every unknown member is.
                assertThat(run.exitCode()).as(run.err()).isZero();
            } else {
                // 1 when the validator reports the number as a violation, 2 when the reader refuses it.
                assertThat(run.exitCode()).as(run.err()).isIn(1, 2);
            }
            assertNoStackTrace(run);
            assertThat(run.out() + run.err()).contains(file.toString());
        }
    }

    // ---- the commands that read a layout: inspect, unpack, build --from, layout ls|verify|gc

    static Stream<Arguments> hostileLayouts() {
        return Stream.of(
                Arguments.of("index.json is missing", false, (Layout) l -> Files.delete(l.resolve("index.json"))),
                Arguments.of("index.json is a directory", false, (Layout) l -> {
                    Files.delete(l.resolve("index.json"));
                    Files.createDirectory(l.resolve("index.json"));
                }),
                Arguments.of("oci-layout is a directory", false, (Layout) l -> {
                    Files.delete(l.resolve("oci-layout"));
                    Files.createDirectory(l.resolve("oci-layout"));
                }),
                Arguments.of("index.json is garbage", false, (Layout) l -> Files.writeString(l.resolve("index.json"), "{\"schema")),
                Arguments.of("oci-layout is garbage", false, (Layout) l -> Files.writeString(l.resolve("oci-layout"), "[[[")),
                Arguments.of("index.json holds a huge number", false, (Layout) l -> Files.writeString(l.resolve("index.json"),
                        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"digest\":\"" + SHA + "\",\"size\":" + HUGE + "}]}")),
                Arguments.of("the manifest holds a huge number", true, (Layout) l -> {
                    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + SHA
                            + "\",\"size\":" + HUGE + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
                    Digest digest = Digest.sha256(manifest);
                    Files.createDirectories(l.resolve("blobs/sha256"));
                    Files.write(l.resolve("blobs/sha256/" + digest.encoded()), manifest);
                    Files.writeString(l.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                            + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + digest + "\",\"size\":"
                            + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}]}");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLayouts")
    void everyCommandThatReadsALayoutFailsInOneLine(String what, boolean indexReadable, Layout spoil) throws IOException {
        Path layout = dir.resolve("layout");
        Files.createDirectories(layout);
        Files.writeString(layout.resolve("oci-layout"), OCI_LAYOUT);
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[]}");
        spoil.apply(layout);
        String image = "oci:" + layout;

        assertOneLine(CommandRun.of("inspect", image), 1);
        assertOneLine(CommandRun.of("unpack", image, dir.resolve("rootfs").toString()), 1);
        assertOneLine(CommandRun.of("build", "--from", image, "--tag", "v2", "oci:" + dir.resolve("out")), 1);
        for (String command : List.of("ls", "gc")) {
            CommandRun run = CommandRun.of("layout", command, layout.toString());
            if (indexReadable) {
                // ls lists the entry with the manifest's problem in its row; gc needs only index.json.
                assertThat(run.exitCode()).as(run.err()).isIn(0, 2);
                assertNoStackTrace(run);
            } else {
                assertOneLine(run, 2);
            }
        }
        CommandRun verify = CommandRun.of("layout", "verify", layout.toString());
        // verify reports what it finds in the layout (exit 1) or that it cannot read the layout (exit 2).
        assertThat(verify.exitCode()).as(verify.err()).isIn(1, 2);
        assertNoStackTrace(verify);
    }

    @Test
    void unpackIntoAFileAndBuildIntoAFileFailInOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path layout = dir.resolve("layout");
        assertThat(CommandRun.of("build", "--tag", "v1", "oci:" + layout).exitCode()).isZero();

        assertOneLine(CommandRun.of("unpack", "oci:" + layout, file.toString()), 1);
        assertOneLine(CommandRun.of("build", "--tag", "v1", "oci:" + file), 1);
        assertOneLine(CommandRun.of("build", "--tag", "v1", "--layer", file.toString(), "oci:" + layout), 1);
    }

    // ---- spec

    @Test
    void specIntoAMissingDirectoryOrOntoADirectoryFailsInOneLine() {
        assertOneLine(CommandRun.of("spec", "--output", dir.resolve("missing/config.json").toString()), 1);
        assertOneLine(CommandRun.of("spec", "--output", dir.toString()), 1);
    }

    // ---- the last line of defence

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the unexpected happened");
        }
    }

    @Command(name = "deep", exitCodeOnExecutionException = 2)
    static final class Deep implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new StackOverflowError();
        }
    }

    @Test
    void anExceptionNoCommandExpectedIsOneLineWithTheCommandsFailureCode() {
        StringWriter err = new StringWriter();
        CommandLine oci = Oci.commandLine().addSubcommand(new Boom()).addSubcommand(new Deep());
        oci.setErr(new PrintWriter(err));

        assertThat(Oci.execute(oci, "boom")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("oci boom: the unexpected happened" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(Oci.execute(oci, "deep")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("oci: input nested too deeply (stack overflow)" + System.lineSeparator());
    }

    /** A layout made hostile in one way. */
    interface Layout {
        void apply(Path layout) throws IOException;
    }

    /** Spaces without end, as from {@code yes ' ' | oci validate -}. */
    static InputStream endless() {
        return new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
    }

    private static void assertOneLine(CommandRun run, int exitCode) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(exitCode);
        assertNoStackTrace(run);
        assertThat(run.err().lines().toList()).as("stderr").hasSize(1);
    }

    private static void assertNoStackTrace(CommandRun run) {
        List<String> lines = new ArrayList<>(run.err().lines().toList());
        lines.addAll(run.out().lines().toList());
        assertThat(lines).as("output").noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by: ")
                || l.matches("^(Exception in thread|[a-z]+(\\.[a-zA-Z_$]+)+(Exception|Error)\\b).*"));
    }
}
