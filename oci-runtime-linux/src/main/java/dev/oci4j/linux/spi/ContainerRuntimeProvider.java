package dev.oci4j.linux.spi;

import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.RuntimeOptions;
import java.io.IOException;

/**
 * A backend for {@link ContainerRuntime}, found with {@link java.util.ServiceLoader}. The
 * highest {@link #priority()} whose {@link #probe} passes is chosen unless the caller names one.
 */
public interface ContainerRuntimeProvider {

    /** The name callers choose this backend by ({@code runc}, {@code crun}). */
    String name();

    /** Higher wins when the caller does not choose. */
    int priority();

    /** Whether this backend can work here with these options; cheap and without side effects. */
    Availability probe(RuntimeOptions options);

    ContainerRuntime open(RuntimeOptions options) throws IOException;
}
