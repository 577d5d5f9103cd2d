package dev.oci4j.linux.internal.cli;

import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.RuntimeOptions;
import dev.oci4j.linux.spi.Availability;
import dev.oci4j.linux.spi.ContainerRuntimeProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A backend driving one OCI runtime binary through {@link CliContainerRuntime}. */
public abstract class CliRuntimeProvider implements ContainerRuntimeProvider {

    /** Whether this runtime refuses hybrid cgroup hosts and needs the cgroup2 mount detached. */
    protected abstract boolean refusesHybridCgroups();

    @Override
    public Availability probe(RuntimeOptions options) {
        Optional<Path> binary = binary(options);
        if (binary.isEmpty()) {
            return Availability.unavailable(options.binary().map(b -> b + " is not an executable file")
                    .orElse(name() + " not found on PATH (install the " + name() + " package)"));
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Availability.unavailable("needs root (rootless containers are not supported yet)");
        }
        if (findOnPath("perl").isEmpty()) {
            return Availability.unavailable("perl not found on PATH (the exit-status shim runs on perl-base)");
        }
        if (ShimScript.prctlNumber().isEmpty()) {
            return Availability.unavailable("architecture " + System.getProperty("os.arch") + " is not supported");
        }
        if (refusesHybridCgroups() && CgroupLayout.read().hybrid() && findOnPath("unshare").isEmpty()) {
            return Availability.unavailable("hybrid cgroup host and no unshare (util-linux) to hide cgroup2 from "
                    + name());
        }
        return Availability.available(binary.get().toString());
    }

    @Override
    public ContainerRuntime open(RuntimeOptions options) throws IOException {
        Path binary = binary(options).orElseThrow(() -> new IOException(name() + ": " + probe(options).reason()));
        CgroupLayout cgroups = CgroupLayout.read();
        Optional<String> detach = refusesHybridCgroups() && cgroups.hybrid() ? cgroups.unifiedMount() : Optional.empty();
        return new CliContainerRuntime(name(), binary, options, detach, ProcessFactory.SYSTEM);
    }

    private Optional<Path> binary(RuntimeOptions options) {
        if (options.binary().isPresent()) {
            Path b = options.binary().get();
            return Files.isRegularFile(b) && Files.isExecutable(b) ? Optional.of(b) : Optional.empty();
        }
        return findOnPath(name());
    }

    static Optional<Path> findOnPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
