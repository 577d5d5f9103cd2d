package dev.oci4j.examples;

import dev.oci4j.distribution.Reference;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oci tags docker://REPO}: the repository's tags, sorted, one a line. */
@Command(name = "tags", description = "List a repository's tags, sorted.")
final class TagsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "docker://REPO")
    String repository;

    @Override
    public Integer call() {
        try {
            Reference ref = RegistryOptions.reference(repository);
            registry.client(List.of(ref.registry())).tags(ref).forEach(spec.commandLine().getOut()::println);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("oci tags: " + repository + ": " + CliErrors.describe(e));
            return 1;
        }
    }
}
