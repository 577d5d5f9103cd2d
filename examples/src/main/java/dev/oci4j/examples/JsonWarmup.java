package dev.oci4j.examples;

import dev.oci4j.image.ImageJson;
import java.nio.charset.StandardCharsets;

/**
 * Loads and links the JSON codec on a daemon thread while the main thread parses the command line.
 * A fresh JVM spends about a quarter of a second on Jackson's classes; every subcommand that touches
 * an image needs them, and the second core is idle that early. Purely an optimization: it reads a
 * constant document in memory, and any failure is left for the real work to report.
 */
final class JsonWarmup {

    private static final byte[] INDEX = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":"
            + "\"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\"size\":0,"
            + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"t\"}}]}").getBytes(StandardCharsets.UTF_8);

    private JsonWarmup() {
    }

    /**
     * Whether {@code verb} reads or writes image JSON only after other work the warm-up can overlap with
     * (a layout to open, a tree to scan). {@code validate} and {@code spec} need JSON at once, and
     * {@code --version} and help none: for them a second thread only competes for the cores.
     */
    static boolean helps(String verb) {
        switch (verb) {
            case "build": case "unpack": case "inspect": case "layout": case "bundle": case "run":
            case "pull": case "push": case "copy":
                return true;
            default:
                return false;
        }
    }

    static void start() {
        Thread t = new Thread(JsonWarmup::run, "oci4j-json-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            ImageJson.write(ImageJson.readIndex(INDEX));
        } catch (RuntimeException | LinkageError e) {
            // Nothing to do: the command itself will meet and report whatever went wrong.
        }
    }
}
