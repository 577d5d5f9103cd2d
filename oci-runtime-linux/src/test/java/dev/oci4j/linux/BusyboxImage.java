package dev.oci4j.linux;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A one-layer image holding a static busybox, a passwd with root and alice, built with the image builder. */
public final class BusyboxImage {

    public static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final String[] APPLETS = {"sh", "echo", "cat", "id", "hostname", "true", "false", "sleep",
        "touch", "ls", "pwd", "env", "kill", "dd", "head", "tail", "yes", "wc", "mkdir", "rm", "printf", "test", "tty", "stty"};

    public final ImageLayout layout;
    public final Descriptor entry;

    private BusyboxImage(ImageLayout layout, Descriptor entry) {
        this.layout = layout;
        this.entry = entry;
    }

    /** Builds the image into a new layout under {@code dir}, as ref {@code busybox}. */
    public static BusyboxImage build(Path dir) throws IOException {
        Path rootfs = Files.createDirectories(dir.resolve("src-rootfs"));
        Files.createDirectories(rootfs.resolve("bin"));
        Files.createDirectories(rootfs.resolve("etc"));
        Files.createDirectories(rootfs.resolve("tmp"));
        Files.createDirectories(rootfs.resolve("home/alice"));
        Files.copy(BUSYBOX, rootfs.resolve("bin/busybox"));
        for (String applet : APPLETS) {
            Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Files.writeString(rootfs.resolve("etc/passwd"),
                "root:x:0:0:root:/:/bin/sh\nalice:x:1000:1000:Alice:/home/alice:/bin/sh\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nalice:x:1000:\naudio:x:29:alice\n");
        ImageLayout layout = ImageLayout.openOrCreate(dir.resolve("layout"));
        ImageBuilder.fromScratch()
                .platform(Platform.host())
                .sourceDateEpoch(Instant.ofEpochSecond(1_700_000_000))
                .addLayer(rootfs)
                .cmd("/bin/sh", "-c", "echo hello")
                .putEnv("PATH", "/bin")
                .stopSignal("SIGTERM")
                .putLabel("org.opencontainers.image.title", "busybox")
                .writeTo(layout, "busybox");
        return new BusyboxImage(layout, layout.resolve("busybox").orElseThrow());
    }
}
