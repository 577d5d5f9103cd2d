package dev.oci4j.image.startup;

import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.ImageValidator;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.RuntimeValidator;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.Specs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a fresh JVM does in {@link QuietAndLazyStartupTest}: {@code read} only parses, {@code validate} validates too. */
public final class StartupMain {

    static final byte[] MANIFEST = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":"
            + "\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2},\"layers\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    private StartupMain() {
    }

    public static void main(String[] args) throws Exception {
        ImageManifest manifest = ImageJson.standard().readManifest(MANIFEST);
        Spec spec = RuntimeJson.readSpec(RuntimeJson.write(Specs.defaultLinux()));
        // Marks the end of reading in the -verbose:class output on stdout.
        System.out.println("=== read done");
        System.out.flush();
        if (args[0].equals("validate")) {
            check(ImageValidator.validate(manifest).isValid());
            check(ImageValidator.validate(MANIFEST, dev.oci4j.image.DocumentKind.MANIFEST).isValid());
            check(RuntimeValidator.validate(spec).isValid());
            Path dir = Files.createTempDirectory("startup-layout");
            check(ImageLayout.create(dir).verify().isValid());
        }
    }

    private static void check(boolean valid) {
        if (!valid) {
            throw new AssertionError("expected a valid document");
        }
    }
}
