package dev.oci4j.examples;

import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.RegistryClient;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oci referrers docker://REF}: the manifests that refer to an image, one a line. */
@Command(name = "referrers", description = "List the referrers of an image (API, or the fallback tag).")
final class ReferrersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--artifact-type", paramLabel = "TYPE", description = "Only referrers of this artifact type.")
    String artifactType;

    @Parameters(index = "0", paramLabel = "docker://REF")
    String image;

    @Override
    public Integer call() {
        try {
            Reference ref = RegistryOptions.reference(image);
            RegistryClient client = registry.client(List.of(ref.registry()));
            Digest subject = ref.digest().isPresent() ? ref.digest().get() : client.fetchManifest(ref).digest();
            for (Descriptor d : client.referrers(ref, subject, Optional.ofNullable(artifactType).map(MediaType::of))
                    .manifests()) {
                spec.commandLine().getOut().println(d.digest() + " " + d.artifactType().map(MediaType::value).orElse("-"));
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("oci referrers: " + image + ": " + CliErrors.describe(e));
            return 1;
        }
    }
}
