package dev.oci4j.examples;

import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.Credentials;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code oci login REGISTRY --creds USER:PASS}: checks the credentials, then stores them in the auth file. */
@Command(name = "login", description = "Check credentials against a registry and store them.")
final class LoginCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "REGISTRY")
    String host;

    @Override
    public Integer call() {
        try {
            if (registry.creds == null) {
                throw new IllegalArgumentException("--creds USER:PASSWORD is required");
            }
            String name = Reference.of(host, "x").registry();
            registry.client(List.of(name)).ping(name);
            registry.files().store(name, Credentials.parse(registry.creds));
            spec.commandLine().getOut().println("Login Succeeded");
            return 0;
        } catch (IOException | IllegalArgumentException | DistributionFormatException e) {
            spec.commandLine().getErr().println("oci login: " + host + ": " + CliErrors.describe(e));
            return 1;
        }
    }
}
