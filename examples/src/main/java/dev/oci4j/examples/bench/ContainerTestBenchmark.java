package dev.oci4j.examples.bench;

import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.linux.junit.OciContainer;
import dev.oci4j.linux.junit.WaitStrategy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a container costs a JUnit test (what {@code @OciContainers} does before and after each test
 * with an instance {@code @Container}): from the test's start to a busybox httpd in its own network
 * namespace answering an HTTP GET from this JVM through its published port (bundle over cached
 * layers, CNI ADD with portmap, runtime create and start, port wait), and the full teardown (stop,
 * delete, CNI DEL, unmounts). Medians per backend, after warm-up runs. A program, not a timed test:
 *
 * <pre>
 * java -cp examples/target/oci.jar dev.oci4j.examples.bench.ContainerTestBenchmark [RUNS] [WORK_DIR]
 * </pre>
 */
public final class ContainerTestBenchmark {

    private ContainerTestBenchmark() {
    }

    /**
     * Runs the benchmark and prints a table.
     *
     * @param args the number of measured runs per backend (default 20) and a work directory
     * @throws Exception when a container fails
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("oci4j-junit-bench-");
        Path src = Files.createDirectories(work.resolve("busybox/bin"));
        Files.copy(Path.of("/bin/busybox"), src.resolve("busybox"));
        Files.createSymbolicLink(src.resolve("sh"), Path.of("busybox"));
        Path layout = work.resolve("layout");
        ImageBuilder.fromScratch().platform(Platform.host()).sourceDateEpoch(Instant.ofEpochSecond(0))
                .addLayer(src.getParent()).putEnv("PATH", "/bin").writeTo(ImageLayout.openOrCreate(layout), "busybox");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Map<String, List<Double>> t = new LinkedHashMap<>();
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        for (String backend : List.of("runc", "crun")) {
            for (int i = -3; i < runs; i++) {
                long start = System.nanoTime();
                OciContainer web = OciContainer.fromLayout(layout, "busybox").runtime(backend)
                        .command("/bin/sh", "-c", "/bin/busybox mkdir /www && echo ok > /www/index.html"
                                + " && exec /bin/busybox httpd -f -p 80 -h /www")
                        .addPort(80).waitingFor(WaitStrategy.forPort(80)).start();
                String body;
                try {
                    body = http.send(HttpRequest.newBuilder(URI.create("http://" + web.host() + ":" + web.hostPort(80)
                            + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
                } finally {
                    long ready = System.nanoTime();
                    web.close();
                    long gone = System.nanoTime();
                    if (i >= 0) {
                        t.computeIfAbsent(backend + ": test start to httpd answering", k -> new ArrayList<>())
                                .add((ready - start) / 1e6);
                        t.computeIfAbsent(backend + ": teardown", k -> new ArrayList<>()).add((gone - ready) / 1e6);
                        t.computeIfAbsent(backend + ": total", k -> new ArrayList<>()).add((gone - start) / 1e6);
                    }
                }
                if (!body.equals("ok\n")) {
                    throw new IllegalStateException("httpd answered " + body);
                }
            }
        }
        System.out.printf("%d runs per backend after 3 warm-up runs; load average before: %s; after: %s%n", runs, load,
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| what | median ms | min ms | max ms |");
        System.out.println("|---|---:|---:|---:|");
        for (Map.Entry<String, List<Double>> e : t.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("| %s | %.0f | %.0f | %.0f |%n", e.getKey(), Report.median(v), v[0], v[v.length - 1]);
        }
    }
}
