package dev.oci4j.examples;

import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.ImagePuller;
import dev.oci4j.distribution.client.ImagePusher;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oci copy SRC DST}: any mix of {@code oci:} and {@code docker://}; prints the digest. */
@Command(name = "copy", description = "Copy an image between registries (docker://) and layouts (oci:).")
final class CopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "Platform to pick when pulling from an index.")
    String platform;

    @Option(names = "--all-platforms", description = "Copy every platform when pulling.")
    boolean allPlatforms;

    @Parameters(index = "0", paramLabel = "SRC")
    String source;

    @Parameters(index = "1", paramLabel = "DST")
    String destination;

    /** For picocli, which fills the fields in. */
    CopyCommand() {
    }

    /** {@code oci copy SOURCE DESTINATION} with no option, for {@link DirectVerbs}. */
    CopyCommand(String source, String destination) {
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
            boolean fromRegistry = RegistryOptions.isDocker(source);
            boolean toRegistry = RegistryOptions.isDocker(destination);
            List<String> registries = new ArrayList<>();
            if (fromRegistry) {
                registries.add(RegistryOptions.reference(source).registry());
            }
            if (toRegistry) {
                registries.add(RegistryOptions.reference(destination).registry());
            }
            Object digest;
            if (fromRegistry && toRegistry) {
                digest = ImagePusher.of(registry.client(registries, bar)).copy(RegistryOptions.reference(source),
                        RegistryOptions.reference(destination));
            } else if (fromRegistry) {
                Reference ref = RegistryOptions.reference(source);
                ImageLocation to = ImageLocation.parse(destination);
                ImagePuller p = ImagePuller.of(registry.client(registries, bar)).allPlatforms(allPlatforms);
                if (platform != null) {
                    p = p.platform(Platform.parse(platform)).allPlatforms(allPlatforms);
                }
                try (NewLayout destination = NewLayout.at(to.dir())) {
                    digest = p.pull(ref, destination.open(),
                            to.ref().filter(r -> !r.isEmpty()).orElse(ref.tagOrDefault().orElse("latest"))).named().digest();
                    destination.keep();
                }
            } else if (toRegistry) {
                ImageLocation from = ImageLocation.parse(source);
                ImageLayout layout = from.openLayout();
                Reference to = RegistryOptions.reference(destination);
                digest = ImagePusher.of(registry.client(registries, bar)).push(layout, from.resolve(layout),
                        to.tag().isPresent() || to.digest().isPresent() ? to : to.withTag("latest"));
            } else {
                throw new IllegalArgumentException("one of SRC and DST must be docker://REF; for layouts use oci layout");
            }
            bar.close();
            out.println(digest);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("oci copy: " + source + " -> " + destination + ": " + CliErrors.describe(e));
            return 1;
        }
    }
}
