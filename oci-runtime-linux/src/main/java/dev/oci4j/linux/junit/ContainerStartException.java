package dev.oci4j.linux.junit;

import java.io.IOException;

/**
 * A container that exited, or was not ready in time, while its {@link WaitStrategy} waited; its last
 * log lines are attached as a suppressed {@link ContainerLogs}.
 */
public final class ContainerStartException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * A start failure.
     *
     * @param message what happened
     * @param logs the container's last log lines
     */
    public ContainerStartException(String message, ContainerLogs logs) {
        super(message);
        addSuppressed(logs);
    }
}
