package dev.oci4j.examples;

import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layer.Compression;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Builds an image from a directory into an OCI image layout, reproducibly: run it twice, anywhere,
 * and the manifest digest is the same.
 *
 * <pre>{@code java dev.oci4j.examples.BuildImage ROOTFS_DIR LAYOUT_DIR}</pre>
 * The result works with the usual tools: {@code skopeo inspect oci:LAYOUT_DIR:hello},
 * {@code umoci unpack --image LAYOUT_DIR:hello bundle}.
 */
public final class BuildImage {

    private BuildImage() {
    }

    /**
     * Runs the example.
     *
     * @param args {@code ROOTFS_DIR LAYOUT_DIR}
     * @throws IOException when the directory cannot be read or the layout written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BuildImage ROOTFS_DIR LAYOUT_DIR");
            System.exit(2);
        }
        Path rootfs = Path.of(args[0]);
        ImageLayout layout = ImageLayout.openOrCreate(Path.of(args[1]));

        BuiltImage image = ImageBuilder.fromScratch()
                // Pin what would otherwise come from this machine or this moment.
                .platform(Platform.parse("linux/amd64"))
                .sourceDateEpoch(Instant.ofEpochSecond(1_700_000_000))
                .compression(Compression.GZIP)
                // One layer with everything below rootfs; files are owned by root in the image.
                .addLayer(rootfs)
                // The image config: what a runtime starts, and with which environment.
                .entrypoint("/bin/sh", "-c")
                .cmd("echo hello from oci4j")
                .putEnv("PATH", "/usr/bin:/bin")
                .workingDir("/")
                .putLabel("org.opencontainers.image.title", "hello")
                // Layers, config and manifest are stored as blobs; the name goes into index.json.
                .writeTo(layout, "hello");

        System.out.println("wrote " + image.digest() + " as oci:" + layout.root() + ":hello");
        System.out.println("  config " + image.configDescriptor().digest());
        image.manifest().layers().forEach(l -> System.out.println("  layer  " + l.digest() + " (" + l.size() + " bytes)"));
    }
}
