package dev.oci4j.linux.junit;

import dev.oci4j.linux.RunResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * When a started {@link OciContainer} counts as ready: a probe asked every 100 ms until it says yes,
 * the container exits (a failure carrying its exit status and last log lines), or the timeout
 * (default 60 s) passes.
 *
 * <pre>{@code
 * WaitStrategy.forPort(80).withTimeout(Duration.ofSeconds(10))
 * WaitStrategy.forLogLine(".*listening on.*")
 * WaitStrategy.forCommand("test", "-f", "/run/ready")
 * }</pre>
 */
public final class WaitStrategy {

    /** The default time a container has to become ready. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** A readiness check, asked repeatedly. */
    @FunctionalInterface
    public interface Probe {
        /**
         * Whether the container is ready now.
         *
         * @param container the started container
         * @return true when ready
         * @throws IOException when asking failed in a way that will not get better
         * @throws InterruptedException when interrupted
         */
        boolean ready(OciContainer container) throws IOException, InterruptedException;
    }

    private final String description;
    private final Probe probe;
    private final Duration timeout;

    private WaitStrategy(String description, Probe probe, Duration timeout) {
        this.description = Objects.requireNonNull(description, "description");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Ready as soon as the container's process runs.
     *
     * @return the strategy
     */
    public static WaitStrategy none() {
        return new WaitStrategy("started", c -> true, DEFAULT_TIMEOUT);
    }

    /**
     * Ready when a line of the container's output (stdout or stderr) matches {@code regex} as a whole.
     *
     * @param regex a {@link Pattern} matched against each whole line
     * @return the strategy
     * @throws java.util.regex.PatternSyntaxException when the regex is malformed
     */
    public static WaitStrategy forLogLine(String regex) {
        Pattern p = Pattern.compile(regex);
        return new WaitStrategy("a log line matching /" + regex + "/",
                c -> c.logLines().stream().anyMatch(l -> p.matcher(l).matches()), DEFAULT_TIMEOUT);
    }

    /**
     * Ready when a TCP connection to {@code containerPort} succeeds from this JVM: through its
     * published host port, else the container's address on the bridge, else 127.0.0.1 (host network).
     *
     * @param containerPort the port the container listens on
     * @return the strategy
     * @throws IllegalArgumentException when the port is out of range
     */
    public static WaitStrategy forPort(int containerPort) {
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("port " + containerPort + ": expected 1 to 65535");
        }
        return new WaitStrategy("port " + containerPort + " accepting connections", c -> {
            InetSocketAddress a = c.address(containerPort);
            try (Socket s = new Socket()) {
                s.connect(a, 1000);
                return true;
            } catch (IOException refused) {
                return false;
            }
        }, DEFAULT_TIMEOUT);
    }

    /**
     * Ready when {@code command}, run inside the container, exits with 0.
     *
     * @param command the command and its arguments
     * @return the strategy
     * @throws IllegalArgumentException when no command is given
     */
    public static WaitStrategy forCommand(String... command) {
        if (command.length == 0) {
            throw new IllegalArgumentException("forCommand: no command given");
        }
        List<String> args = List.of(command);
        return new WaitStrategy("command " + args + " exiting with 0", c -> {
            try {
                RunResult r = c.exec(Duration.ofSeconds(30), command);
                return r.status().success();
            } catch (TimeoutException e) {
                return false;
            }
        }, DEFAULT_TIMEOUT);
    }

    /**
     * A strategy of one's own.
     *
     * @param description what is waited for, for messages ("the schema migrated")
     * @param probe the check
     * @return the strategy
     */
    public static WaitStrategy of(String description, Probe probe) {
        return new WaitStrategy(description, probe, DEFAULT_TIMEOUT);
    }

    /**
     * The same strategy with another timeout.
     *
     * @param timeout how long the container has to become ready
     * @return a new strategy
     * @throws IllegalArgumentException when the timeout is zero or negative
     */
    public WaitStrategy withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + ": expected a positive duration");
        }
        return new WaitStrategy(description, probe, timeout);
    }

    /**
     * How long the container has to become ready.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * What is waited for, as messages say it.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    Probe probe() {
        return probe;
    }

    @Override
    public String toString() {
        return description + " within " + timeout;
    }
}
