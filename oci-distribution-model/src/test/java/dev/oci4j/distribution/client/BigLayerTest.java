package dev.oci4j.distribution.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.layout.Blob;
import dev.oci4j.image.layout.BlobWriter;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.LocalRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB layer pushes and pulls in a JVM with a 64 MiB heap: blobs stream from file to socket and
 * from socket to file, never through a byte array of their size.
 */
class BigLayerTest {

    static final long GIB = 1024L * 1024 * 1024;
    static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    /** One image whose single layer is 1 GiB of incompressible bytes (an uncompressed layer: its digest is its diff_id). */
    static Descriptor bigImage(ImageLayout layout) throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(1);
        random.nextBytes(chunk);
        Blob layer;
        try (BlobWriter w = layout.newBlobWriter()) {
            for (long written = 0; written < GIB; written += chunk.length) {
                // A fresh prefix per MiB, so no two chunks are alike.
                long salt = random.nextLong();
                for (int i = 0; i < 8; i++) {
                    chunk[i] = (byte) (written >>> (8 * i));
                    chunk[8 + i] = (byte) (salt >>> (8 * i));
                }
                w.write(chunk);
            }
            layer = w.commit();
        }
        Descriptor config = layout.writeJson(MediaType.OCI_CONFIG, ("{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layer.digest() + "\"]}}")
                .getBytes(StandardCharsets.UTF_8));
        return layout.tag("big", layout.writeManifest(ImageManifest.builder().config(config)
                .addLayer(Descriptor.of(MediaType.OCI_LAYER_TAR, layer.digest(), layer.size())).build()));
    }

    /** Runs {@link BigLayerMain} in a child JVM with {@link #HEAP}; its stdout lines. */
    List<String> child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), BigLayerMain.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(args[0] + " of 1 GiB did not finish within 10 minutes");
        }
        assertThat(p.exitValue()).as(args[0] + " with " + HEAP + ": " + Files.readString(err)).isZero();
        return Files.readAllLines(out);
    }

    @Test
    void aOneGibLayerPushesAndPullsWithA64MibHeap() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")), "")) {
            ImageLayout src = ImageLayout.create(dir.resolve("src"));
            Descriptor manifest = bigImage(src);
            String image = registry.host() + "/big:1";

            List<String> pushed = child("push", src.root().toString(), "big", image);
            assertThat(pushed.get(0)).isEqualTo(manifest.digest().toString());
            Files.walk(src.root()).sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());

            Path dst = dir.resolve("dst");
            List<String> pulled = child("pull", image, dst.toString(), "big");
            assertThat(pulled.get(0)).isEqualTo(manifest.digest().toString());
            ImageLayout layout = ImageLayout.open(dst);
            Descriptor layer = layout.parseManifest(layout.resolve("big").orElseThrow()).value().layers().get(0);
            assertThat(layout.blobSize(layer.digest())).isEqualTo(GIB);
        }
    }
}
