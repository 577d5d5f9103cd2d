package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oci validate FILE...} without picocli prints what picocli's run prints, on the same streams, with
 * the same exit status, for valid, invalid, malformed, unknown and unreadable files and standard input;
 * any command line with something to parse goes to picocli.
 */
class PlainValidateTest {

    private static final String EMPTY = "\"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"";

    @TempDir
    Path dir;

    @Test
    void plainCommandLinesPrintWhatPicocliPrints() throws Exception {
        Path manifest = write("manifest.json", "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":" + EMPTY + ",\"size\":0},"
                + "\"layers\":[],\"annotations\":{\"\u00e4\":\"\u20ac\"}}");
        Path invalid = write("invalid \u00fc.json", "{\"schemaVersion\":3,\"config\":{\"mediaType\":\"x\",\"digest\":\"sha256:00\","
                + "\"size\":-1},\"layers\":[{}]}");
        Path malformed = write("malformed.json", "{\"schemaVersion\":");
        Path unknown = write("unknown.json", "{\"foo\":1}");
        Path runtime = write("config.json", CommandRun.of("spec").out());
        String missing = dir.resolve("missing.json").toString();
        List<List<String>> lines = List.of(List.of(manifest.toString()), List.of(invalid.toString()),
                List.of(manifest.toString(), invalid.toString(), malformed.toString(), unknown.toString(), missing,
                        runtime.toString(), dir.toString()),
                List.of("-"));
        for (List<String> files : lines) {
            List<String> args = new ArrayList<>(List.of("validate"));
            args.addAll(files);
            String[] line = args.toArray(String[]::new);
            byte[] stdin = Files.readAllBytes(invalid);
            CommandRun plain = CommandRun.capturing(stdin, () -> DirectVerbs.run(line));
            CommandRun picocli = CommandRun.capturing(stdin, () -> Oci.execute(Oci.commandLine(line), line));
            assertThat(plain).as("oci %s", args).isEqualTo(picocli);
            assertThat(plain.exitCode()).as("oci %s", args).isBetween(0, 2);
        }
    }

    @Test
    void anythingToParseGoesToPicocli() {
        for (List<String> args : List.of(List.of("validate"), List.of("validate", "--json", "x.json"),
                List.of("validate", "x.json", "--type", "manifest"), List.of("validate", "--type=manifest", "x.json"),
                List.of("validate", "-h"), List.of("validate", "--"), List.of("validate", "@args"), List.of("validate", ""),
                List.of("validate", "x.json", "--help"), List.of("spec"), List.of("VALIDATE", "x.json"))) {
            assertThat(CommandRun.capturing(new byte[0], () -> DirectVerbs.run(args.toArray(String[]::new))))
                    .as("oci %s", args).isEqualTo(new CommandRun(-1, "", ""));
        }
        System.setProperty("picocli.trace", "DEBUG");
        try {
            assertThat(CommandRun.capturing(new byte[0], () -> DirectVerbs.run("validate", "x.json")).exitCode())
                    .isEqualTo(-1);
        } finally {
            System.clearProperty("picocli.trace");
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
