package dev.oci4j.linux.junit;

import dev.oci4j.linux.BusyboxImage;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The busybox image the extension's tests run, built once per JVM (a static field initializer needs
 * it before any extension runs), and the checks that the machine can run it.
 */
final class TestImages {

    private static Path layout;

    private TestImages() {
    }

    /** The image layout holding {@code busybox}, built on first use and deleted when the JVM exits. */
    static synchronized Path busybox() {
        if (layout == null) {
            try {
                Path dir = Files.createTempDirectory("oci4j-junit-image-");
                BusyboxImage.build(dir);
                layout = dir.resolve("layout");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return layout;
    }

    /** A shell command for a busybox httpd serving {@code text} on port 80, in the foreground. */
    static String[] httpd(String text) {
        return new String[] {"/bin/sh", "-c", "mkdir -p /www && echo '" + text + "' > /www/index.html"
                + " && echo httpd starting && exec /bin/busybox httpd -f -v -p 80 -h /www"};
    }

    /** Skips (or fails, in CI) unless containers with CNI networking can run here. */
    static void requireNetworking(String backend) {
        TestEnvironment.requireRoot("containers with CNI networking");
        TestEnvironment.requireTool(backend);
        TestEnvironment.requireTool("perl");
        TestEnvironment.requireTool("unshare");
        TestEnvironment.requireTool("ip");
        TestEnvironment.requireTool("iptables");
        for (String plugin : new String[] {"bridge", "host-local", "portmap"}) {
            TestEnvironment.requireCniPlugin(plugin);
        }
        TestEnvironment.requireFile(BusyboxImage.BUSYBOX, TestEnvironment.BUSYBOX_STATIC);
    }

    private static void delete(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
