package dev.oci4j.examples;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.ImageValidator;
import dev.oci4j.image.MediaType;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Specs;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Starts, on a daemon thread, the library work a verb is about to need, while the main thread builds the
 * verb's picocli model and parses its arguments (a tenth of a second or more in a fresh JVM, with the
 * second core idle): loading and linking the JSON codec (about a quarter of a second), or bootstrapping
 * Hibernate Validator (about a fifth). The main thread's first use of the same classes waits for a class
 * initialization in progress rather than repeating it, and later reuses the serializers and bean metadata
 * the warm-up built. Purely an optimization: each task works on a constant document in memory and its
 * result is dropped, so nothing it does changes the output, and any failure is left for the real work
 * to meet and report.
 */
final class Warmup implements Runnable {

    private static final byte[] INDEX = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":"
            + "\"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\"size\":0,"
            + "\"annotations\":{\"org.opencontainers.image.ref.name\":\"t\"}}]}").getBytes(StandardCharsets.UTF_8);

    private enum Task { IMAGE_JSON, RUNTIME_JSON, IMAGE_VALIDATOR }

    private final Task task;

    private Warmup(Task task) {
        this.task = task;
    }

    /**
     * The warm-up for {@code verb}, or null when there is none worth a thread: {@code --version} and
     * help need no library at all, and for them a second thread only competes for the cores.
     */
    static Warmup of(String verb) {
        switch (verb) {
            case "build": case "unpack": case "inspect": case "layout": case "bundle": case "run":
            case "pull": case "push": case "copy":
                return new Warmup(Task.IMAGE_JSON);
            case "spec":
                return new Warmup(Task.RUNTIME_JSON);
            case "validate":
                // Image documents are the common case. The JSON codec warms up on the main thread, which
                // reads and sniffs the files while this thread bootstraps the validator.
                return new Warmup(Task.IMAGE_VALIDATOR);
            default:
                return null;
        }
    }

    /** Starts the warm-up for {@code verb} on a daemon thread, if it has one. */
    static void start(String verb) {
        Warmup warmup = of(verb);
        if (warmup != null) {
            Thread t = new Thread(warmup, "oci4j-warmup");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void run() {
        try {
            work();
        } catch (RuntimeException | LinkageError e) {
            // Nothing to do: the command itself will meet and report whatever went wrong.
        }
    }

    /** The warm-up itself, failures thrown (for tests: a warm-up that fails is silently no warm-up). */
    void work() {
        switch (task) {
            case IMAGE_JSON -> ImageJson.write(ImageJson.readIndex(INDEX));
            // What oci spec prints: the spec is built, turned into a tree and indented.
            case RUNTIME_JSON -> RuntimeJson.writeIndented(Specs.defaultLinux());
            // The bootstrap, and the bean metadata of manifests and descriptors.
            case IMAGE_VALIDATOR -> {
                Descriptor config = Descriptor.builder().mediaType(MediaType.OCI_CONFIG)
                        .digest(Descriptor.EMPTY.digest()).size(2).build();
                Descriptor layer = config.toBuilder().mediaType(MediaType.OCI_LAYER_TAR_GZIP).build();
                if (!ImageValidator.validate(ImageManifest.builder().config(config).layers(List.of(layer)).build())
                        .isValid()) {
                    throw new IllegalStateException("the warm-up manifest does not validate");
                }
            }
            default -> throw new AssertionError(task);
        }
    }
}
