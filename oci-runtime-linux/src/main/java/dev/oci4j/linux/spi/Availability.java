package dev.oci4j.linux.spi;

import java.util.Objects;

/** Whether a backend can run containers here, and why (its version, or what is missing). */
public final class Availability {

    private final boolean available;
    private final String reason;

    private Availability(boolean available, String reason) {
        this.available = available;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Usable; {@code detail} says what was found, such as the version. */
    public static Availability available(String detail) {
        return new Availability(true, detail);
    }

    /** Not usable, and why: "runc not found on PATH", "needs root". */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }

    public boolean isAvailable() {
        return available;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return (available ? "available: " : "unavailable: ") + reason;
    }
}
