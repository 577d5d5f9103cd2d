package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real runtimes the tests compare against, and compares JSON as trees. */
final class Tools {

    private static final ObjectMapper TREES = new ObjectMapper();

    private Tools() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static boolean isRootOnLinux() throws IOException {
        return System.getProperty("os.name").equals("Linux")
                && ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    }

    static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        try {
            java.lang.Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result runOk(Path dir, List<String> command) throws IOException, InterruptedException {
        Result r = run(dir, command);
        assertThat(r.exitCode()).as("%s failed: %s", command, r.stderr()).isZero();
        return r;
    }

    static JsonNode tree(byte[] json) throws IOException {
        return TREES.readTree(json);
    }

    static JsonNode parse(String json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode tree) throws IOException {
        return TREES.writeValueAsBytes(tree);
    }

    static JsonNode tree(String json) throws IOException {
        return TREES.readTree(json.getBytes(StandardCharsets.UTF_8));
    }
}
