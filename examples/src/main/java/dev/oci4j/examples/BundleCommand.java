package dev.oci4j.examples;

import dev.oci4j.linux.bundle.ContainerOptions;
import dev.oci4j.linux.bundle.PreparedBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci bundle}: writes an OCI bundle (rootfs and config.json) for an image. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Write an OCI bundle (rootfs + config.json converted from the image config) into BUNDLE_DIR.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "125:bad input (unknown image, ref or user, a bundle directory in use)"})
final class BundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "oci:DIR[:REF]", description = "the image")
    String image;

    @Parameters(index = "1", paramLabel = "BUNDLE_DIR", description = "missing or empty")
    Path dir;

    @Override
    public Integer call() {
        try {
            PreparedBundle b = ContainerCli.prepare(image, dir, ContainerOptions.DEFAULTS);
            b.warnings().forEach(w -> spec.commandLine().getErr().println("oci bundle: warning: " + w));
            spec.commandLine().getOut().println("wrote " + b.dir() + " from " + b.manifest());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            return ContainerCli.fail(spec.commandLine().getErr(), "bundle", e);
        }
    }
}
