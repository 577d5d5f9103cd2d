package dev.oci4j.examples.bench;

import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Specs;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * First-call and steady-state times of parsing and validating an image manifest and a runtime
 * config.json. Each operation runs in fresh JVMs ({@code --runs} of them; medians reported): the
 * first call is timed inside the child, then the same call in a loop for the steady state.
 *
 * <pre>
 * java -cp CLASSPATH dev.oci4j.examples.bench.StartupBenchmark [--runs 7] [--loop 2000] [--library-cp CP]
 * </pre>
 *
 * The child reaches the libraries by reflection, so {@code --library-cp} may name the jars of an
 * older oci4j (whose report types lived elsewhere) to measure before and after with one benchmark.
 */
public final class StartupBenchmark {

    private static final String[] OPERATIONS = {"parse-manifest", "validate-manifest", "parse-config", "validate-config"};

    private StartupBenchmark() {
    }

    /**
     * Runs the benchmark and prints its table.
     *
     * @param args {@code [--runs N] [--loop N] [--library-cp CP]}
     * @throws Exception when a step fails; the benchmark stops there
     */
    public static void main(String[] args) throws Exception {
        int runs = 7;
        int loop = 2000;
        String libraryCp = System.getProperty("java.class.path");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--loop" -> loop = Integer.parseInt(args[++i]);
                case "--library-cp" -> libraryCp = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String cp = libraryCp + File.pathSeparator + ownLocation();
        // runc spec's config.json, as this library writes it; children read the file, not a codec.
        Path config = Files.createTempFile("startup-config", ".json");
        Files.write(config, RuntimeJson.write(Specs.defaultLinux()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("%-18s %12s %12s %14s%n", "operation", "first call", "JVM total", "steady state");
        for (String op : OPERATIONS) {
            double[] first = new double[runs];
            double[] total = new double[runs];
            double[] steady = new double[runs];
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                String out = Procs.run(java, "-cp", cp, Probe.class.getName(), op, Integer.toString(loop), config.toString());
                total[r] = (System.nanoTime() - start) / 1e9;
                String[] f = out.strip().split(" ");
                first[r] = Double.parseDouble(f[0]);
                steady[r] = Double.parseDouble(f[1]);
            }
            System.out.printf(Locale.ROOT, "%-18s %9.0f ms %9.0f ms %11.1f µs%n", op, Report.median(first) * 1e3,
                    Report.median(total) * 1e3, Report.median(steady) * 1e6);
        }
        Files.delete(config);
    }

    private static String ownLocation() throws Exception {
        return Path.of(StartupBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Runs in the fresh JVM: prints the first call's seconds and the steady state's seconds per call. */
    public static final class Probe {

        private static final byte[] MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":"
                + "\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":"
                + "\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":32654}],"
                + "\"annotations\":{\"org.opencontainers.image.created\":\"2024-01-02T03:04:05Z\"}}")
                .getBytes(StandardCharsets.UTF_8);

        private Probe() {
        }

        /**
         * Times one operation in this JVM and prints the first call's seconds and the steady state's
         * seconds per call.
         *
         * @param args {@code OPERATION LOOP DOCUMENT_FILE}
         * @throws Exception when the operation fails
         */
        public static void main(String[] args) throws Exception {
            Op op = op(args[0], Files.readAllBytes(Path.of(args[2])));
            int loop = Integer.parseInt(args[1]);
            long start = System.nanoTime();
            op.run();
            double first = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < loop; i++) {
                op.run(); // warm-up
            }
            start = System.nanoTime();
            for (int i = 0; i < loop; i++) {
                op.run();
            }
            double steady = (System.nanoTime() - start) / 1e9 / loop;
            System.out.println(first + " " + steady);
        }

        private static Class<?> load(String name) throws ClassNotFoundException {
            return Class.forName(name, false, Probe.class.getClassLoader());
        }

        interface Op {
            void run() throws Exception;
        }

        /** Looks the methods up without initializing a class: the first call pays for that, as in an application. */
        private static Op op(String name, byte[] config) throws Exception {
            Class<?> imageJson = load("dev.oci4j.image.ImageJson");
            // Older jars have an ImageJson instance (standard()); newer ones static methods, as RuntimeJson.
            Method standard = java.util.Arrays.stream(imageJson.getMethods())
                    .filter(m -> m.getName().equals("standard") && m.getParameterCount() == 0).findFirst().orElse(null);
            Method readManifest = imageJson.getMethod("readManifest", byte[].class);
            Class<?> manifestClass = load("dev.oci4j.image.ImageManifest");
            Method validateManifest = load("dev.oci4j.image.ImageValidator").getMethod("validate", manifestClass);
            Class<?> runtimeJson = load("dev.oci4j.runtime.RuntimeJson");
            Method readSpec = runtimeJson.getMethod("readSpec", byte[].class);
            Class<?> specClass = load("dev.oci4j.runtime.Spec");
            Method validateSpec = load("dev.oci4j.runtime.RuntimeValidator").getMethod("validate", specClass);
            return switch (name) {
                case "parse-manifest" -> () -> readManifest.invoke(standard == null ? null : standard.invoke(null), (Object) MANIFEST);
                case "validate-manifest" -> () -> validateManifest.invoke(null,
                        readManifest.invoke(standard == null ? null : standard.invoke(null), (Object) MANIFEST));
                case "parse-config" -> () -> readSpec.invoke(null, (Object) config);
                case "validate-config" -> () -> validateSpec.invoke(null, readSpec.invoke(null, (Object) config));
                default -> throw new IllegalArgumentException("unknown operation " + name);
            };
        }
    }
}
