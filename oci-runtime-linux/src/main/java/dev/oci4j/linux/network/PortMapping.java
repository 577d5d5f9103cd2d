package dev.oci4j.linux.network;

import java.util.Locale;
import java.util.Objects;

/**
 * A container port published on the host, as {@code docker run -p HOST:CONTAINER} writes it and as
 * the CNI {@code portmap} plugin takes it ({@code portMappings} capability). A host port of 0 means
 * "any free port", chosen when the container is attached.
 *
 * @param hostPort the port on the host, 0 for any free one
 * @param containerPort the port the container's process listens on
 * @param protocol {@code tcp} or {@code udp}
 */
public record PortMapping(int hostPort, int containerPort, String protocol) {

    /**
     * Checks the ports and the protocol.
     *
     * @param hostPort the port on the host, 0 for any free one
     * @param containerPort the port the container's process listens on
     * @param protocol {@code tcp} or {@code udp}
     * @throws IllegalArgumentException when a port is out of range or the protocol is neither tcp nor udp
     * @throws NullPointerException when {@code protocol} is null
     */
    public PortMapping {
        Objects.requireNonNull(protocol, "protocol");
        if (hostPort < 0 || hostPort > 65535) {
            throw new IllegalArgumentException("host port " + hostPort + ": expected 0 (any) to 65535");
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("container port " + containerPort + ": expected 1 to 65535");
        }
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalArgumentException("protocol \"" + protocol + "\": expected tcp or udp");
        }
    }

    /**
     * A TCP mapping.
     *
     * @param hostPort the port on the host, 0 for any free one
     * @param containerPort the port in the container
     * @return the mapping
     * @throws IllegalArgumentException when a port is out of range
     */
    public static PortMapping tcp(int hostPort, int containerPort) {
        return new PortMapping(hostPort, containerPort, "tcp");
    }

    /**
     * Parses {@code docker run -p} syntax: {@code HOST:CONTAINER}, {@code CONTAINER} (any host port),
     * each optionally followed by {@code /tcp} or {@code /udp}.
     *
     * @param text the mapping, such as {@code 8080:80} or {@code 5353:53/udp}
     * @return the mapping
     * @throws IllegalArgumentException when the text is not of that form, naming what is wrong
     */
    public static PortMapping parse(String text) {
        String s = text.trim();
        String protocol = "tcp";
        int slash = s.indexOf('/');
        if (slash >= 0) {
            protocol = s.substring(slash + 1).toLowerCase(Locale.ROOT);
            s = s.substring(0, slash);
        }
        String[] parts = s.split(":", -1);
        try {
            if (parts.length == 1) {
                return new PortMapping(0, Integer.parseInt(parts[0]), protocol);
            }
            if (parts.length == 2) {
                return new PortMapping(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), protocol);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port mapping \"" + text + "\": expected HOST:CONTAINER[/tcp|/udp]"
                    + " with decimal ports", e);
        }
        throw new IllegalArgumentException("port mapping \"" + text + "\": expected HOST:CONTAINER[/tcp|/udp]"
                + " (a host address is not supported: published ports listen on every host address)");
    }

    /**
     * This mapping with another host port (the one chosen for a host port of 0).
     *
     * @param port the host port
     * @return a mapping of {@code port} to the same container port and protocol
     * @throws IllegalArgumentException when the port is out of range
     */
    public PortMapping withHostPort(int port) {
        return new PortMapping(port, containerPort, protocol);
    }

    @Override
    public String toString() {
        return hostPort + ":" + containerPort + "/" + protocol;
    }
}
