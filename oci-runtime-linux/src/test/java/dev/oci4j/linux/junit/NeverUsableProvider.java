package dev.oci4j.linux.junit;

import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.RuntimeOptions;
import dev.oci4j.linux.spi.Availability;
import dev.oci4j.linux.spi.ContainerRuntimeProvider;

/**
 * A backend that is never usable, as every backend is on a machine without root or runtimes: this
 * machine is root with runc installed, so only a backend of its own can show what such a machine does.
 * Lowest priority, so the best-backend choice of every other test never takes it.
 */
public final class NeverUsableProvider implements ContainerRuntimeProvider {

    static final String NAME = "never-usable-for-tests";
    static final String REASON = "this backend only exists to be unusable";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Availability probe(RuntimeOptions options) {
        return Availability.unavailable(REASON);
    }

    @Override
    public ContainerRuntime open(RuntimeOptions options) {
        throw new IllegalStateException(REASON);
    }
}
