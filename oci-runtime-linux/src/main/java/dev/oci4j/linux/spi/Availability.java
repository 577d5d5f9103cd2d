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

    /**
     * Usable.
     *
     * @param detail what was found, such as the version
     * @return the availability
     */
    public static Availability available(String detail) {
        return new Availability(true, detail);
    }

    /**
     * Not usable, and why.
     *
     * @param reason what is missing: "runc not found on PATH", "needs root"
     * @return the availability
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }

    /** {@return whether the backend can run containers here} */
    public boolean isAvailable() {
        return available;
    }

    /** {@return what was found when available, else why not} */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return (available ? "available: " : "unavailable: ") + reason;
    }
}
