package dev.oci4j.examples;

import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.ImagePusher;
import dev.oci4j.image.Digest;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oci push oci:DIR[:REF] docker://REF}: an image of a layout to a registry; prints its digest. */
@Command(name = "push", description = "Push an image from an OCI image layout to a registry.")
final class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "oci:DIR[:REF]")
    String source;

    @Parameters(index = "1", paramLabel = "docker://REF")
    String destination;

    /** For picocli, which fills the fields in. */
    PushCommand() {
    }

    /** {@code oci push SOURCE DESTINATION} with no option, for {@link DirectVerbs}. */
    PushCommand(String source, String destination) {
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
            ImageLocation from = ImageLocation.parse(source);
            Reference to = RegistryOptions.reference(destination);
            ImageLayout layout = from.openLayout();
            Digest d = ImagePusher.of(registry.client(List.of(to.registry()), bar)).push(layout, from.resolve(layout),
                    to.tag().isPresent() || to.digest().isPresent() ? to : to.withTag("latest"));
            bar.close();
            out.println(d);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("oci push: " + destination + ": " + CliErrors.describe(e));
            return 1;
        }
    }
}
