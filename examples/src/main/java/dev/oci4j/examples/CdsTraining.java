package dev.oci4j.examples;

import dev.oci4j.distribution.server.RegistryServer;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.layout.Blob;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The run the build records the class-data sharing archive from ({@code -XX:ArchiveClassesAtExit}, see
 * the examples module's pom and {@code src/main/sh/oci}): the common {@code oci} verbs once each, in one
 * JVM, on a small tree in a temporary directory, output discarded. Every class they load is then mapped
 * from the archive, already parsed and verified, by the {@code target/oci} launcher. Only class loading is
 * recorded, not compiled code, so the size of the work does not matter, only which paths it takes.
 *
 * <p>The registry verbs ({@code push}, {@code pull}, {@code copy}, {@code tags}) run against the embedded
 * registry on a free port of 127.0.0.1, in memory: the build needs no network. Without them in the
 * archive a cold {@code oci pull} loaded about 1,100 classes of the HTTP client from the JDK's modules and
 * spun its lambdas at run time, and compiling the class generator kept the JIT's only C2 thread busy for
 * most of a second while the layer's SHA-256 ran unoptimized. One image has a layer above the client's
 * 16 MiB chunk size, so the chunked upload's classes are recorded too.
 */
final class CdsTraining {

    private CdsTraining() {
    }

    /**
     * Runs the training commands; exits with 1 if one of them failed (the archive is still written, and
     * is still correct, since it only holds classes).
     *
     * @param args ignored
     * @throws IOException when the temporary directory cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("validate")) {
            validateOnly();
            return;
        }
        Path work = Files.createTempDirectory("oci4j-cds-");
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int failed = 0;
        try {
            Path tree = work.resolve("tree");
            writeTree(tree);
            Path manifest = work.resolve("manifest.json");
            Files.writeString(manifest, "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":"
                    + "\"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\"size\":0},"
                    + "\"layers\":[]}");
            Path config = work.resolve("config.json");
            String gz = "oci:" + work.resolve("gz") + ":t";
            String zst = "oci:" + work.resolve("zst") + ":t";
            String[][] commands = {
                {"help"},
                {"spec", "--output", config.toString()},
                {"validate", manifest.toString(), config.toString()},
                {"build", gz, "--layer", tree.toString(), "--cmd", "/bin/sh", "--env", "A=b"},
                {"build", zst, "--layer", tree.toString(), "--compression", "zstd"},
                {"inspect", gz},
                {"layout", "ls", work.resolve("gz").toString()},
                {"layout", "verify", work.resolve("gz").toString()},
                {"unpack", gz, work.resolve("rootfs-gz").toString()},
                {"unpack", zst, work.resolve("rootfs-zst").toString()},
            };
            System.setOut(sink);
            System.setErr(sink);
            failed += run(err, commands);
            ImageLayout big = ImageLayout.create(work.resolve("big"));
            zeroLayerImage(big, 17 * 1024 * 1024);
            try (RegistryServer registry = RegistryServer.start()) {
                String repo = "docker://" + registry.hostPort() + "/cds/";
                failed += run(err, new String[][] {
                    {"push", gz, repo + "gz:t"},
                    {"push", "oci:" + work.resolve("big") + ":t", repo + "big:t"},
                    {"pull", repo + "gz:t", "oci:" + work.resolve("pulled") + ":gz"},
                    {"pull", repo + "big:t", "oci:" + work.resolve("pulled") + ":big"},
                    // With an option, so through picocli (DirectVerbs runs the plain ones without it).
                    {"pull", "--tls-verify=true", repo + "gz:t", "oci:" + work.resolve("pulled") + ":gz2"},
                    {"copy", repo + "gz:t", repo + "copy:t"},
                    {"copy", repo + "big:t", "oci:" + work.resolve("copied") + ":t"},
                    {"tags", repo + "gz"},
                });
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            FileTrees.deleteTree(work);
        }
        if (failed > 0) {
            System.exit(1);
        }
    }

    /**
     * The training of the archive {@code oci validate} uses alone ({@code oci-validate.jsa}): every
     * document type, valid, invalid and malformed, as text and as {@code --json}. Mapping an archive costs
     * in proportion to its size, and the whole archive (every verb, some 4,700 classes) is about a third
     * larger than what validating needs: about 0.05 s of a 0.48 s run on this 2-core machine.
     */
    private static void validateOnly() throws IOException {
        Path work = Files.createTempDirectory("oci4j-cds-validate-");
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        String empty = "\"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"";
        String manifestType = "\"application/vnd.oci.image.manifest.v1+json\"";
        String[][] documents = {
            {"manifest.json", "{\"schemaVersion\":2,\"mediaType\":" + manifestType + ",\"config\":{\"mediaType\":"
                    + "\"application/vnd.oci.image.config.v1+json\",\"digest\":" + empty + ",\"size\":0},\"layers\":[]}"},
            {"index.json", "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":"
                    + "[{\"mediaType\":" + manifestType + ",\"digest\":" + empty + ",\"size\":0,\"platform\":"
                    + "{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}"},
            {"image-config.json", "{\"created\":\"2024-01-01T00:00:00Z\",\"architecture\":\"amd64\",\"os\":\"linux\","
                    + "\"config\":{\"Env\":[\"A=b\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + empty + "]},"
                    + "\"history\":[{\"created_by\":\"x\"}]}"},
            {"descriptor.json", "{\"mediaType\":" + manifestType + ",\"digest\":" + empty + ",\"size\":0}"},
            {"oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}"},
            {"state.json", "{\"ociVersion\":\"1.2.0\",\"id\":\"web\",\"status\":\"running\",\"pid\":4422,"
                    + "\"bundle\":\"/containers/web\"}"},
            {"invalid.json", "{\"schemaVersion\":3,\"mediaType\":" + manifestType + ",\"config\":{\"mediaType\":\"x\","
                    + "\"digest\":\"sha256:00\",\"size\":-1},\"layers\":[{}]}"},
            {"malformed.json", "{\"schemaVersion\":"},
        };
        int failed;
        try {
            List<String> files = new ArrayList<>();
            for (String[] document : documents) {
                files.add(Files.writeString(work.resolve(document[0]), document[1]).toString());
            }
            Path config = work.resolve("config.json");
            System.setOut(sink);
            System.setErr(sink);
            failed = run(err, new String[][] {{"spec", "--rootless", "--output", config.toString()}});
            files.add(config.toString());
            List<String[]> commands = new ArrayList<>();
            for (String file : files) {
                commands.add(new String[] {"validate", file});
            }
            List<String> all = new ArrayList<>(List.of("validate", "--json"));
            all.addAll(files);
            commands.add(all.toArray(String[]::new));
            commands.add(new String[] {"validate", "--type", "descriptor", work.resolve("descriptor.json").toString()});
            for (String[] command : commands) {
                Warmup warmup = Warmup.of(command[0]);
                if (warmup != null) {
                    warmup.run();
                }
                // Invalid and malformed documents are part of the training: their exit codes are expected.
                Oci.run(command);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            FileTrees.deleteTree(work);
        }
        if (failed > 0) {
            System.exit(1);
        }
    }

    private static int run(PrintStream err, String[][] commands) {
        // What Oci.main asks first (they answer only help, a bare oci and a plain spec): loaded from the jar
        // otherwise, on every run.
        TopLevelHelp.print(new String[] {"validate"});
        StoredSpec.print(new String[] {"validate"});
        int failed = 0;
        for (String[] command : commands) {
            // What Oci.main starts for the verb, in this thread: its classes belong in the archive too.
            Warmup warmup = Warmup.of(command[0]);
            if (warmup != null) {
                warmup.run();
            }
            if (Oci.run(command) != 0) {
                err.println("oci " + String.join(" ", command) + " failed during the CDS training run");
                failed++;
            }
        }
        return failed;
    }

    /** An image, tagged {@code t}, of one uncompressed layer of zeros (an empty tar archive, padded). */
    private static void zeroLayerImage(ImageLayout layout, int size) throws IOException {
        Blob layer = layout.writeBlob(new byte[size]);
        Descriptor config = layout.writeJson(MediaType.OCI_CONFIG, ("{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layer.digest() + "\"]}}")
                .getBytes(StandardCharsets.UTF_8));
        List<Descriptor> layers = new ArrayList<>();
        layers.add(Descriptor.of(MediaType.OCI_LAYER_TAR, layer.digest(), layer.size()));
        layout.tag("t", layout.writeManifest(ImageManifest.builder().config(config).layers(layers).build()));
    }

    /** Text files across a few directories, one of them larger than a gzip block, and a symlink. */
    private static void writeTree(Path tree) throws IOException {
        Random random = new Random(1);
        for (int d = 0; d < 4; d++) {
            Path dir = Files.createDirectories(tree.resolve("dir" + d));
            for (int f = 0; f < 8; f++) {
                StringBuilder text = new StringBuilder();
                int lines = d == 0 && f == 0 ? 20_000 : 40;
                for (int i = 0; i < lines; i++) {
                    text.append("line ").append(i).append(' ').append(random.nextInt(1000)).append('\n');
                }
                Files.writeString(dir.resolve("file" + f + ".txt"), text);
            }
        }
        Files.createSymbolicLink(tree.resolve("link"), Path.of("dir0/file0.txt"));
    }

}
