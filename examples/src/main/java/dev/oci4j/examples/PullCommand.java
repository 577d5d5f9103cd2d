package dev.oci4j.examples;

import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.ImagePuller;
import dev.oci4j.distribution.client.PullResult;
import dev.oci4j.image.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oci pull docker://REF oci:DIR[:REF]}: an image from a registry into a layout; prints its digest. */
@Command(name = "pull", description = "Pull an image from a registry into an OCI image layout.")
final class PullCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "Platform to pick from an index (default: this host's).")
    String platform;

    @Option(names = "--all-platforms", description = "Copy every platform and the index itself.")
    boolean allPlatforms;

    @Parameters(index = "0", paramLabel = "docker://REF")
    String source;

    @Parameters(index = "1", paramLabel = "oci:DIR[:REF]")
    String destination;

    /** For picocli, which fills the fields in. */
    PullCommand() {
    }

    /** {@code oci pull SOURCE DESTINATION} with no option, for {@link DirectVerbs}. */
    PullCommand(String source, String destination) {
        this.registry = new RegistryOptions();
        this.source = source;
        this.destination = destination;
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command, printing to {@code out} and {@code err} (picocli's writers, or {@link DirectVerbs}'). */
    int run(PrintWriter out, PrintWriter err) {
        try (ProgressBar bar = ProgressBar.onTerminal(err)) {
            Reference ref = RegistryOptions.reference(source);
            ImageLocation to = ImageLocation.parse(destination);
            ImagePuller puller = ImagePuller.of(registry.client(List.of(ref.registry()), bar));
            if (platform != null) {
                puller = puller.platform(Platform.parse(platform));
            }
            String name = to.ref().filter(r -> !r.isEmpty()).orElse(ref.tagOrDefault().orElse("latest"));
            PullResult r;
            try (NewLayout destination = NewLayout.at(to.dir())) {
                r = puller.allPlatforms(allPlatforms).pull(ref, destination.open(), name);
                destination.keep();
            }
            bar.close();
            out.println(r.named().digest());
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("oci pull: " + source + ": " + CliErrors.describe(e));
            return 1;
        }
    }
}
