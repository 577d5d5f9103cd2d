package dev.oci4j.examples;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.ContainerRuntimes;
import dev.oci4j.linux.RuntimeOptions;
import dev.oci4j.linux.bundle.BundlePreparer;
import dev.oci4j.linux.bundle.LayerCache;
import dev.oci4j.linux.bundle.ContainerOptions;
import dev.oci4j.linux.bundle.PreparedBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the container commands share: the runtime roots, finding a container by name, exit 125 for bad input. */
final class ContainerCli {

    /** docker's and podman's status for "the tool failed", distinct from any container's own. */
    static final int TOOL_FAILED = 125;

    static final List<String> BACKENDS = List.of("runc", "crun");

    private ContainerCli() {
    }

    /** Where {@code oci} keeps a backend's container state. */
    static Path root(String backend) {
        return Path.of("/run/oci4j", backend);
    }

    /** Where {@code oci run} keeps a container's bridge network, one directory per container name. */
    static Path networks() {
        return Path.of("/run/oci4j/networks");
    }

    /** Where {@code oci run -d} keeps bundles, one directory per container name. */
    static Path bundles() {
        return Path.of("/run/oci4j/bundles");
    }

    /** Opens {@code backend} (else {@code -Doci4j.runtime}, else the first usable of runc, crun) with oci's root for it. */
    static ContainerRuntime open(String backend) throws IOException {
        String chosen = backend != null ? backend : System.getProperty(RuntimeOptions.BACKEND_PROPERTY);
        if (chosen != null) {
            return ContainerRuntimes.open(RuntimeOptions.builder().backend(chosen).root(root(chosen)).build());
        }
        List<String> reasons = new java.util.ArrayList<>();
        for (String b : BACKENDS) {
            try {
                return open(b);
            } catch (IllegalStateException e) {
                reasons.add(e.getMessage());
            }
        }
        throw new IllegalStateException(String.join("; ", reasons));
    }

    /** The backend whose root holds container {@code name}. */
    static Optional<String> locate(String name) {
        return BACKENDS.stream().filter(b -> Files.isDirectory(root(b).resolve(name))).findFirst();
    }

    /** A bundle whose rootfs is a full copy: for bundles people keep ({@code oci bundle}). */
    static PreparedBundle prepare(String image, Path dir, ContainerOptions options) throws IOException {
        return prepare(image, dir, options, null);
    }

    /** A bundle over {@code cache} (an overlay where the host allows it), or a full copy when it is null. */
    static PreparedBundle prepare(String image, Path dir, ContainerOptions options, LayerCache cache)
            throws IOException {
        ImageLocation location = ImageLocation.parse(image);
        ImageLayout layout = location.openLayout();
        Descriptor entry = location.resolve(layout);
        return BundlePreparer.prepare(layout, entry, Platform.host(), dir, options, cache);
    }

    /** Parses {@code 64m}, {@code 1g}, {@code 512k} or a number of bytes. */
    static long bytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.isEmpty() && "kmg".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmg".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n > 0 && n <= Long.MAX_VALUE / unit) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("memory \"" + text + "\": expected a positive size such as 64m, 1g or 65536");
    }

    static int fail(PrintWriter err, String command, Throwable e) {
        err.println("oci " + command + ": " + CliErrors.describe(e));
        err.flush();
        return TOOL_FAILED;
    }
}
