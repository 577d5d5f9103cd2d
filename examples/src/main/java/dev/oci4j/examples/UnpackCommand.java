package dev.oci4j.examples;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageUnpacker;
import dev.oci4j.image.layer.ApplyResult;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci unpack}: applies an image's layers into a root filesystem directory. */
@Command(name = "unpack", mixinStandardHelpOptions = true,
        description = {"Apply an image's layers, verified, into ROOTFS_DIR (missing or empty).",
                "When REF names an index, the image for this machine's platform (or --platform) is used."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:unpacked", "1:the image could not be read or applied", "2:usage error"})
final class UnpackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "oci:DIR[:REF]", description = "the image")
    String image;

    @Parameters(index = "1", paramLabel = "ROOTFS_DIR", description = "where to unpack; created if missing, must be empty")
    Path rootfs;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "which image of an index; default: this machine's")
    String platform;

    @Override
    public Integer call() {
        ImageLocation location;
        Platform wanted;
        try {
            location = ImageLocation.parse(image);
            wanted = platform == null ? Platform.host() : Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            ImageLayout layout = location.openLayout();
            Descriptor entry = location.resolve(layout);
            requireEmpty(rootfs);
            Descriptor manifest = ImageUnpacker.manifestFor(layout, entry, wanted);
            ApplyResult result = ImageUnpacker.unpack(layout, manifest, wanted, rootfs);
            PrintWriter err = spec.commandLine().getErr();
            result.warnings().forEach(w -> err.println("oci unpack: warning: " + w));
            if (result.suppressedWarnings() > 0) {
                err.println("oci unpack: " + result.suppressedWarnings() + " more warnings");
            }
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println("unpacked " + manifest.digest() + " (" + result.diffIds().size() + " layers, "
                    + result.entries() + " entries) into " + rootfs);
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            return CliErrors.fail(spec.commandLine().getErr(), "unpack", e);
        }
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " exists and is not a directory");
        }
        try (Stream<Path> children = Files.list(dir)) {
            if (children.findAny().isPresent()) {
                throw new IllegalArgumentException(dir + " is not empty; unpack into a new or empty directory");
            }
        }
    }
}
