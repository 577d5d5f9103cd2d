package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code oci.jar} under a 128 MiB heap, fed a device whose size reads as 0 and a pipe
 * that never ends: every reader stops at the codec's limit, so none runs out of memory, and each
 * command ends in one line, never a stack trace.
 */
class HostileInputJarIT {

    /** Far below what an unbounded read of /dev/zero reaches before the JVM gives up (2 GiB). */
    private static final String HEAP = "-Xmx128m";
    private static final Path DEV_ZERO = Path.of("/dev/zero");

    @TempDir
    Path dir;

    @Test
    void validateOfDevZeroStopsAtTheLimit() throws Exception {
        Result run = oci(false, "validate", DEV_ZERO.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("/dev/zero: document is larger than the limit of 4194304 bytes");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void validateOfAnEndlessPipeStopsAtTheLimit() throws Exception {
        Result run = oci(true, "validate", "-");

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("<stdin>: document is larger than the limit of 4194304 bytes");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void layoutCommandsStopAtTheLimitWhenIndexJsonIsDevZero() throws Exception {
        Path layout = dir.resolve("layout");
        Files.createDirectories(layout);
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.createSymbolicLink(layout.resolve("index.json"), DEV_ZERO);

        for (List<String> args : List.of(List.of("layout", "ls", layout.toString()),
                List.of("layout", "gc", layout.toString()),
                List.of("inspect", "oci:" + layout),
                List.of("unpack", "oci:" + layout, dir.resolve("rootfs").toString()),
                List.of("build", "--from", "oci:" + layout, "--tag", "v1", "oci:" + dir.resolve("out")))) {
            Result run = oci(false, args.toArray(String[]::new));

            assertThat(run.exit()).as("%s: %s", args, run.err()).isIn(1, 2);
            assertThat(run.err().lines()).as("%s", args).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("oci " + args.get(0)).contains("index.json", "larger than the limit");
        }
        Result verify = oci(false, "layout", "verify", layout.toString());
        assertThat(verify.exit()).as(verify.err()).isIn(1, 2);
        assertThat(verify.out() + verify.err()).contains("larger than the limit").doesNotContain("\tat ");
    }

    private record Result(int exit, String out, String err) {
    }

    /** Runs the jar; with {@code endlessStdin} a thread writes spaces into its standard input until it exits. */
    private Result oci(boolean endlessStdin, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("oci.jar", "target/oci.jar");
        assertThat(Path.of(jar)).as("the packaged command").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-jar", jar));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (!endlessStdin) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = builder.start();
        Thread feeder = null;
        if (endlessStdin) {
            feeder = new Thread(() -> {
                byte[] spaces = new byte[64 * 1024];
                Arrays.fill(spaces, (byte) ' ');
                try (OutputStream in = p.getOutputStream()) {
                    while (true) {
                        in.write(spaces);
                    }
                } catch (IOException e) {
                    // The command stopped reading and exited: the pipe is closed. That is the point.
                }
            }, "endless-stdin");
            feeder.setDaemon(true);
            feeder.start();
        }
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        assertThat(ended).as("oci %s ends within a minute", String.join(" ", args)).isTrue();
        if (feeder != null) {
            feeder.join(10_000);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
