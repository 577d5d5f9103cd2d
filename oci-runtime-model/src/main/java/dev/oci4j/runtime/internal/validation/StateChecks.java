package dev.oci4j.runtime.internal.validation;

import dev.oci4j.internal.validation.Findings;
import static dev.oci4j.runtime.internal.validation.Messages.quote;

import dev.oci4j.runtime.ContainerStatus;
import dev.oci4j.runtime.State;

/** The cross-field rules of the container state (runtime.md#state), in plain Java. */
final class StateChecks {

    private StateChecks() {
    }

    static void check(State state, TargetPlatform platform, Findings out) {
        ContainerStatus status = state.status();
        if (status.value().isBlank()) {
            out.add(Rules.STATE_STATUS_REQUIRED, "/status", "expected the runtime state of the container, found nothing");
        } else if (!status.isKnown()) {
            out.add(Rules.STATE_STATUS_KNOWN, "/status", "expected one of " + Messages.sorted(ContainerStatus.knownValues())
                    + " or a runtime-defined state, found " + quote(status.value()));
        }
        boolean live = status.equals(ContainerStatus.CREATED) || status.equals(ContainerStatus.RUNNING);
        if (live && platform.isLinux() && state.pid() <= 0) {
            out.add(Rules.STATE_PID_REQUIRED, "/pid", "expected the container process id while " + status
                    + ", found " + (state.pid() == 0 ? "nothing" : String.valueOf(state.pid())));
        }
    }
}
