package dev.oci4j.examples;

import dev.oci4j.image.ImageValidator;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.SpecEditor;
import dev.oci4j.runtime.Specs;
import dev.oci4j.validation.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The README's first look at oci4j: build an image from a directory into a layout, validate what was
 * written, and write a runtime config that would run it.
 *
 * <pre>{@code java dev.oci4j.examples.QuickStart ROOTFS_DIR OUT_DIR}</pre>
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the example.
     *
     * @param args {@code ROOTFS_DIR OUT_DIR}
     * @throws IOException when the directory cannot be read or the output written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: QuickStart ROOTFS_DIR OUT_DIR");
            System.exit(2);
        }
        Path rootfs = Path.of(args[0]);
        Path out = Path.of(args[1]);

        ImageLayout layout = ImageLayout.openOrCreate(out.resolve("layout"));
        BuiltImage image = ImageBuilder.fromScratch()
                .platform(Platform.parse("linux/amd64"))
                .sourceDateEpoch(Instant.ofEpochSecond(1_700_000_000))   // same digest on every machine
                .addLayer(rootfs)
                .entrypoint("/bin/sh", "-c").cmd("echo hello from oci4j")
                .writeTo(layout, "hello");
        ValidationReport report = ImageValidator.validate(image.manifest());
        System.out.println(image.digest() + (report.isValid() ? " valid" : "\n" + report));
        Spec config = SpecEditor.of(Specs.defaultLinux()).args("/bin/sh", "-c", "echo hi").build();

        Files.write(out.resolve("config.json"), RuntimeJson.writeIndented(config));
        System.out.println("wrote " + out.resolve("config.json"));
    }
}
