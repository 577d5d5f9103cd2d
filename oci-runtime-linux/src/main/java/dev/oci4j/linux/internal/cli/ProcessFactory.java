package dev.oci4j.linux.internal.cli;

import java.io.IOException;

/** Starts the runtime's processes; injected so a test can record or replace them. */
@FunctionalInterface
public interface ProcessFactory {

    /** The factory that starts real processes. */
    ProcessFactory SYSTEM = ProcessBuilder::start;

    Process start(ProcessBuilder builder) throws IOException;
}
