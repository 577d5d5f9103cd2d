package dev.oci4j.image.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real tools (skopeo, umoci) the interop tests compare against. */
final class Tools {

    private Tools() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Skips the test, saying why, when {@code name} is not on the PATH. */
    static void assumeInstalled(String name) {
        assumeTrue(find(name) != null, name + " is not installed on this machine (not on PATH); CI installs it");
    }

    /** Skips the test when not running as root, which umoci needs to create owned files and device-free trees. */
    static void assumeRoot() {
        assumeTrue(isRoot(), "needs root to unpack files with their owners (running as "
                + System.getProperty("user.name") + ")");
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static Path find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs a command, failing the test with its output when it exits non-zero. */
    static Result run(String... command) {
        Result r = runAllowingFailure(command);
        assertThat(r.exitCode())
                .as("%s failed:%nstdout: %s%nstderr: %s", String.join(" ", command), r.stdout(), r.stderr())
                .isZero();
        return r;
    }

    static Result runAllowingFailure(String... command) {
        try {
            Path out = Files.createTempFile("tool", ".out");
            Path err = Files.createTempFile("tool", ".err");
            try {
                Process p = new ProcessBuilder(List.of(command))
                        .redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static List<String> args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object o : parts) {
            out.add(o.toString());
        }
        return out;
    }
}
