package dev.oci4j.runtime.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the runtime-spec model classes of {@code dev.oci4j.runtime} from the field table
 * {@code oci-runtime-model/src/codegen/runtime-spec.table}: one row per JSON member (JSON name,
 * Java name and type, Go omitempty, requirement level, Javadoc line), one header per class (name,
 * Javadoc, Go struct, spec section). Adding a member of a future runtime-spec release is one row.
 *
 * <p>The generated sources are committed; {@code GeneratedSourcesTest} fails when they differ from
 * what the table gives. After editing the table, regenerate them with
 * <pre>{@code
 * mvn -pl oci-runtime-model test -Dtest=GeneratedSourcesTest -Doci4j.regenerate=true
 * }</pre>
 * or run {@link #main} with the module directory as working directory.
 */
public final class RuntimeModelGenerator {

    /** Where the generated classes go, relative to the module directory. */
    static final String SOURCE_DIR = "src/main/java/dev/oci4j/runtime";

    private RuntimeModelGenerator() {
    }

    /**
     * Every generated file by its path relative to the module directory, with its exact content.
     *
     * @param moduleDir the oci-runtime-model directory
     * @return path to file content
     * @throws IOException if the table cannot be read
     */
    static Map<String, String> generate(Path moduleDir) throws IOException {
        ModelTable table = ModelTable.read(moduleDir.resolve(ModelTable.PATH));
        Map<String, String> out = new TreeMap<>();
        ModelClassWriter classes = new ModelClassWriter(table);
        table.classes().forEach(c -> out.put(SOURCE_DIR + "/" + c.name() + ".java", classes.write(c)));
        ValueSetWriter sets = new ValueSetWriter();
        table.valueSets().forEach(v -> out.put(SOURCE_DIR + "/" + v.name() + ".java", sets.write(v)));
        return out;
    }

    /**
     * Writes every generated file.
     *
     * @param moduleDir the oci-runtime-model directory
     * @return the number of files whose content changed
     * @throws IOException if a file cannot be read or written
     */
    static int writeAll(Path moduleDir) throws IOException {
        int changed = 0;
        for (Map.Entry<String, String> e : generate(moduleDir).entrySet()) {
            Path file = moduleDir.resolve(e.getKey());
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                Files.write(file, bytes);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Regenerates the sources.
     *
     * @param args optionally the module directory; the working directory otherwise
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path moduleDir = Path.of(args.length > 0 ? args[0] : ".");
        System.out.println(writeAll(moduleDir) + " generated files changed");
    }
}
