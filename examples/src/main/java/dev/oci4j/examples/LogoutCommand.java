package dev.oci4j.examples;

import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.Reference;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oci logout REGISTRY}: removes the registry's entry from the auth file. */
@Command(name = "logout", description = "Remove stored credentials for a registry.")
final class LogoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "REGISTRY")
    String host;

    @Override
    public Integer call() {
        try {
            String name = Reference.of(host, "x").registry();
            if (!registry.files().erase(name)) {
                throw new IllegalArgumentException("not logged in");
            }
            spec.commandLine().getOut().println("Removed login credentials for " + name);
            return 0;
        } catch (IOException | IllegalArgumentException | DistributionFormatException e) {
            spec.commandLine().getErr().println("oci logout: " + host + ": " + CliErrors.describe(e));
            return 1;
        }
    }
}
