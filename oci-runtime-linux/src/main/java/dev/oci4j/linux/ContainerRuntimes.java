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
        Choice choice = choose(options, loader);
        if (choice.provider == null) {
            throw choice.unknownName ? new IllegalArgumentException(choice.reason) : new IllegalStateException(choice.reason);
        }
        return choice.provider.open(options);
    }

    /**
     * What {@link #open(RuntimeOptions)} would open, without opening it: the chosen backend's name and
     * what its probe found, or why nothing is usable, in the words {@code open} would throw. For test
     * harnesses that skip, rather than fail, where containers cannot run (not root, no runtime on PATH).
     *
     * @param options the backend to choose and how to run it
     * @return available with {@code "NAME: DETAIL"}, or unavailable with the reason, naming each backend
     *         tried and what it lacks
     * @throws IllegalArgumentException when the chosen backend does not exist: a misspelt name is a
     *         mistake to report, not a machine without containers
     */
    public static Availability probe(RuntimeOptions options) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Choice choice = choose(options, loader != null ? loader : ContainerRuntimes.class.getClassLoader());
        if (choice.unknownName) {
            throw new IllegalArgumentException(choice.reason);
        }
        return choice.provider != null ? Availability.available(choice.provider.name() + ": " + choice.reason)
                : Availability.unavailable(choice.reason);
    }

    /** The backend {@code open} takes, with its probe's detail; or none, and why. */
    private record Choice(ContainerRuntimeProvider provider, String reason, boolean unknownName) {
    }

    private static Choice choose(RuntimeOptions options, ClassLoader loader) {
        List<ContainerRuntimeProvider> providers = providers(loader);
        String wanted = options.backend().orElse(System.getProperty(RuntimeOptions.BACKEND_PROPERTY, ""));
        if (!wanted.isEmpty()) {
            for (ContainerRuntimeProvider p : providers) {
                if (p.name().equals(wanted)) {
                    Availability a = p.probe(options);
                    return a.isAvailable() ? new Choice(p, a.reason(), false)
                            : new Choice(null, "container runtime " + wanted + " is not usable: " + a.reason(), false);
                }
            }
            return new Choice(null, "no container runtime backend named \"" + wanted + "\"; available: "
                    + String.join(", ", providers.stream().map(ContainerRuntimeProvider::name).toList()), true);
        }
        List<String> reasons = new ArrayList<>();
        for (ContainerRuntimeProvider p : providers) {
            Availability a = p.probe(options);
            if (a.isAvailable()) {
                return new Choice(p, a.reason(), false);
            }
            reasons.add(p.name() + ": " + a.reason());
        }
        return new Choice(null, providers.isEmpty() ? "no container runtime backend on the class path"
                : "no usable container runtime: " + String.join("; ", reasons), false);
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
