package dev.oci4j.linux.spi;

import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.RuntimeOptions;
import java.io.IOException;

/**
 * A backend for {@link ContainerRuntime}, found with {@link java.util.ServiceLoader}. The
 * highest {@link #priority()} whose {@link #probe} passes is chosen unless the caller names one.
 */
public interface ContainerRuntimeProvider {

    /** {@return the name callers choose this backend by ({@code runc}, {@code crun})} */
    String name();

    /** {@return this backend's rank; the higher wins when the caller does not choose} */
    int priority();

    /**
     * Whether this backend can work here with these options; cheap and without side effects.
     *
     * @param options the options it would be opened with
     * @return available with what was found, or unavailable with why
     */
    Availability probe(RuntimeOptions options);

    /**
     * Opens the backend; called only after {@link #probe} passed.
     *
     * @param options how to run it
     * @return the runtime
     * @throws IOException when it cannot be opened
     */
    ContainerRuntime open(RuntimeOptions options) throws IOException;
}
