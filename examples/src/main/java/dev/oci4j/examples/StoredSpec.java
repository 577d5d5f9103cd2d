package dev.oci4j.examples;

import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Specs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What {@code oci spec} and {@code oci spec --output FILE} write, stored at build time: the default
 * config is a constant ({@code Specs.defaultLinux()}), and printing stored bytes needs neither picocli nor
 * the JSON codec nor the runtime model. Building the spec and indenting it through Jackson cost about a
 * third of a second in a fresh JVM; printing a stored text costs what {@code --version} costs.
 *
 * <p>The build runs {@link #main} after compiling (see the examples pom), which runs {@code oci spec}
 * through picocli as {@code main} does and stores what it printed. Only the plain command lines are
 * answered here ({@code spec}, {@code spec -o FILE}, {@code spec --output FILE}); {@code --rootless}
 * depends on the user running it, and any other form, a {@code picocli.*} system property or a missing
 * resource (classes compiled without the build) sends the command line to picocli.
 * {@code StoredSpecTest} checks the stored text against what {@link SpecCommand} prints.
 */
final class StoredSpec {

    /** The default config, as {@code oci spec --output FILE} writes it: no trailing newline. */
    static final String RESOURCE = "default-spec.json";

    private StoredSpec() {
    }

    /**
     * Prints or writes the stored default config if {@code args} asks for nothing else, with the output,
     * messages and exit status of {@link SpecCommand}.
     *
     * @param args the command line
     * @return the exit status, or -1 when picocli must handle the command line
     */
    static int print(String[] args) {
        Path output;
        if (args.length == 1 && args[0].equals("spec")) {
            output = null;
        } else if (args.length == 3 && args[0].equals("spec") && (args[1].equals("--output") || args[1].equals("-o"))
                && DirectVerbs.plain(args[2])) {
            output = Path.of(args[2]);
        } else {
            return -1;
        }
        if (DirectVerbs.picocliProperty()) {
            return -1;
        }
        byte[] json;
        try (InputStream in = StoredSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return -1;
            }
            json = in.readAllBytes();
        } catch (IOException e) {
            return -1;
        }
        PrintWriter out = DirectVerbs.writer(System.out, "sun.stdout.encoding");
        PrintWriter err = DirectVerbs.writer(System.err, "sun.stderr.encoding");
        if (out == null || err == null) {
            return -1;
        }
        if (output == null) {
            out.println(new String(json, StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }
        return SpecCommand.write(json, output, err);
    }

    /**
     * Writes the stored default config into the package's resource directory under {@code args[0]}, after
     * checking that picocli's {@code oci spec} prints exactly it, with a line separator.
     *
     * @param args the class output directory ({@code target/classes})
     * @throws IOException when the file cannot be written
     * @throws IllegalStateException when {@code oci spec} does not print the default config as expected
     */
    public static void main(String[] args) throws IOException {
        byte[] json = RuntimeJson.writeIndented(Specs.defaultLinux());
        TopLevelHelp.Rendered printed = TopLevelHelp.render(false, "spec");
        String expected = new String(json, StandardCharsets.UTF_8) + System.lineSeparator();
        if (printed.status() != 0 || !printed.err().isEmpty() || !printed.out().equals(expected)) {
            throw new IllegalStateException("oci spec no longer prints the default config as StoredSpec stores it: " + printed);
        }
        if (!Arrays.equals(json, printed.out().substring(0, printed.out().length() - System.lineSeparator().length())
                .getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalStateException("the default config does not survive a UTF-8 round trip");
        }
        Path dir = Path.of(args[0]).resolve(StoredSpec.class.getPackageName().replace('.', '/'));
        Files.createDirectories(dir);
        Files.write(dir.resolve(RESOURCE), json);
    }
}
