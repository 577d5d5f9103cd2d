package dev.oci4j.linux;

import dev.oci4j.linux.spi.Availability;
import dev.oci4j.linux.spi.ContainerRuntimeProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens a {@link ContainerRuntime} from the backends on the class or module path. An explicit
 * choice ({@link RuntimeOptions#backend()}, else the system property {@code oci4j.runtime}) wins;
 * otherwise the highest-priority backend whose probe passes. Nothing is cached: every call looks
 * again.
 */
public final class ContainerRuntimes {

    private ContainerRuntimes() {
    }

    /**
     * Opens the best available backend with default options, found through the thread's context class
     * loader.
     *
     * @return the runtime; close it to stop and delete the containers it still has open
     * @throws IllegalArgumentException when {@code -Doci4j.runtime} names a backend that does not exist
     * @throws IllegalStateException when no backend is usable, listing each one and why
     * @throws IOException when the chosen backend fails to open
     */
    public static ContainerRuntime open() throws IOException {
        return open(RuntimeOptions.defaults());
    }

    /**
     * Opens a backend found through the thread's context class loader (else this library's loader).
     *
     * @param options the backend to choose and how to run it
     * @return the runtime; close it to stop and delete the containers it still has open
     * @throws IllegalArgumentException when the chosen backend does not exist
     * @throws IllegalStateException when no backend is usable, listing each one and why
     * @throws IOException when the chosen backend fails to open
     */
    public static ContainerRuntime open(RuntimeOptions options) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return open(options, loader != null ? loader : ContainerRuntimes.class.getClassLoader());
    }

    /**
     * Opens a backend found through {@code loader}.
     *
     * @param options the backend to choose and how to run it
     * @param loader the class loader {@link java.util.ServiceLoader} searches for providers
     * @return the runtime; close it to stop and delete the containers it still has open
     * @throws IllegalArgumentException when the chosen backend does not exist
     * @throws IllegalStateException when no backend is usable, listing each one and why
     * @throws IOException when the chosen backend fails to open
     */
    public static ContainerRuntime open(RuntimeOptions options, ClassLoader loader) throws IOException {
        List<ContainerRuntimeProvider> providers = providers(loader);
        String wanted = options.backend().orElse(System.getProperty(RuntimeOptions.BACKEND_PROPERTY, ""));
        if (!wanted.isEmpty()) {
            for (ContainerRuntimeProvider p : providers) {
                if (p.name().equals(wanted)) {
                    Availability a = p.probe(options);
                    if (!a.isAvailable()) {
                        throw new IllegalStateException("container runtime " + wanted + " is not usable: " + a.reason());
                    }
                    return p.open(options);
                }
            }
            throw new IllegalArgumentException("no container runtime backend named \"" + wanted + "\"; available: "
                    + String.join(", ", providers.stream().map(ContainerRuntimeProvider::name).toList()));
        }
        List<String> reasons = new ArrayList<>();
        for (ContainerRuntimeProvider p : providers) {
            Availability a = p.probe(options);
            if (a.isAvailable()) {
                return p.open(options);
            }
            reasons.add(p.name() + ": " + a.reason());
        }
        throw new IllegalStateException(providers.isEmpty() ? "no container runtime backend on the class path"
                : "no usable container runtime: " + String.join("; ", reasons));
    }

    /**
     * Every backend, highest priority first, and what its probe says, for diagnostics such as
     * {@code oci info}.
     *
     * @param options the options each backend is probed with
     * @return one line per backend: name, priority and availability; empty when none is on the class path
     */
    public static List<String> describe(RuntimeOptions options) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return providers(loader != null ? loader : ContainerRuntimes.class.getClassLoader()).stream()
                .map(p -> p.name() + " (priority " + p.priority() + "): " + p.probe(options)).toList();
    }

    private static List<ContainerRuntimeProvider> providers(ClassLoader loader) {
        List<ContainerRuntimeProvider> providers = new ArrayList<>();
        ServiceLoader.load(ContainerRuntimeProvider.class, loader).forEach(providers::add);
        providers.sort(Comparator.comparingInt(ContainerRuntimeProvider::priority).reversed()
                .thenComparing(ContainerRuntimeProvider::name));
        return providers;
    }
}
