package dev.oci4j.linux.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.linux.internal.cni.Cni;
import dev.oci4j.linux.internal.cni.Netns;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One container's place on a {@link BridgeNetwork}: its network namespace (give {@link #netns()}
 * to the runtime as the network namespace path), its address and its published ports. Closing it
 * runs CNI DEL, unmounts the namespace and frees the host ports.
 */
public final class NetworkAttachment implements AutoCloseable {

    private static final String IFNAME = "eth0";
    private static final String PORTS = "ports.json";
    private static final String RESULT = "result.json";
    private static final String NETNS = "netns";

    private final BridgeNetwork network;
    private final ObjectNode conflist;
    private final Path dir;
    private final String containerId;
    private final List<PortMapping> ports;
    private final String ipAddress;
    private final List<Closeable> reservations;
    private boolean closed;

    private NetworkAttachment(BridgeNetwork network, ObjectNode conflist, Path dir, String containerId,
            List<PortMapping> ports, String ipAddress, List<Closeable> reservations) {
        this.network = network;
        this.conflist = conflist;
        this.dir = dir;
        this.containerId = containerId;
        this.ports = List.copyOf(ports);
        this.ipAddress = ipAddress;
        this.reservations = reservations;
    }

    static NetworkAttachment attach(BridgeNetwork network, ObjectNode conflist, Path dir, String containerId,
            List<PortMapping> requested) throws IOException {
        List<Closeable> reservations = new ArrayList<>();
        try {
            List<PortMapping> ports = new ArrayList<>();
            for (PortMapping m : requested) {
                ports.add(reserve(m, reservations));
            }
            ArrayNode mappings = Cni.object().arrayNode();
            for (PortMapping m : ports) {
                mappings.addObject().put("hostPort", m.hostPort()).put("containerPort", m.containerPort())
                        .put("protocol", m.protocol());
            }
            // Written before anything is made, so that a sweep after kill -9 knows what to delete.
            Files.write(dir.resolve(PORTS), Cni.write(mappings));
            Path netns = dir.resolve(NETNS);
            Netns.create(netns);
            ObjectNode result = Cni.add(conflist, Map.of("portMappings", mappings), containerId, netns, IFNAME);
            Files.write(dir.resolve(RESULT), Cni.write(result));
            String ip = "";
            for (JsonNode n : result.path("ips")) {
                String a = n.path("address").asText();
                if (a.contains(".")) {
                    ip = a.substring(0, a.indexOf('/'));
                    break;
                }
            }
            if (ip.isEmpty()) {
                throw new IOException("CNI ADD for " + containerId + " gave no IPv4 address: " + result);
            }
            return new NetworkAttachment(network, conflist, dir, containerId, ports, ip, reservations);
        } catch (IOException | RuntimeException e) {
            for (Closeable c : reservations) {
                closeQuietly(c);
            }
            try {
                undo(conflist, dir);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Holds the host port with a socket of this JVM, so no other program or test gets it meanwhile. */
    private static PortMapping reserve(PortMapping m, List<Closeable> reservations) throws IOException {
        try {
            if (m.protocol().equals("udp")) {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(m.hostPort()));
                reservations.add(s);
                return m.withHostPort(s.getLocalPort());
            }
            ServerSocket s = new ServerSocket();
            reservations.add(s);
            s.bind(new InetSocketAddress(m.hostPort()), 1);
            return m.withHostPort(s.getLocalPort());
        } catch (BindException e) {
            throw new IOException("host port " + m.hostPort() + "/" + m.protocol() + " for " + m + " is in use", e);
        }
    }

    /** CNI DEL, namespace unmounted, directory removed; for {@link #close()} and for sweeping after a crash. */
    static void undo(ObjectNode conflist, Path dir) throws IOException {
        Path portsFile = dir.resolve(PORTS);
        IOException failure = null;
        if (Files.exists(portsFile)) {
            JsonNode mappings = Cni.object().arrayNode();
            try {
                mappings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readAllBytes(portsFile));
            } catch (IOException e) {
                failure = e;
            }
            ObjectNode result = null;
            if (Files.exists(dir.resolve(RESULT))) {
                try {
                    result = Cni.parse(Files.readAllBytes(dir.resolve(RESULT)));
                } catch (IOException e) {
                    // a torn result: DEL works without it (CNI spec: DEL must tolerate missing state)
                }
            }
            try {
                Cni.del(conflist, Map.of("portMappings", mappings), result, dir.getFileName().toString(),
                        dir.resolve(NETNS), IFNAME);
            } catch (IOException e) {
                failure = BridgeNetwork.add(failure, e);
            }
        }
        try {
            Netns.remove(dir.resolve(NETNS));
        } catch (IOException e) {
            failure = BridgeNetwork.add(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The network namespace file, to put into config.json as the {@code network} namespace's path.
     *
     * @return the bind-mounted nsfs file
     */
    public Path netns() {
        return dir.resolve(NETNS);
    }

    /**
     * The container's id, as given to {@link BridgeNetwork#attach}.
     *
     * @return the id
     */
    public String containerId() {
        return containerId;
    }

    /**
     * The container's IPv4 address on the bridge, reachable from the host.
     *
     * @return the address, such as {@code 10.203.17.2}
     */
    public String ipAddress() {
        return ipAddress;
    }

    /**
     * The published ports, with the host ports chosen for those asked as 0.
     *
     * @return the mappings in the order asked
     */
    public List<PortMapping> ports() {
        return ports;
    }

    /**
     * The host port published for a TCP container port.
     *
     * @param containerPort the port in the container
     * @return the host port, empty when that port is not published
     */
    public Optional<Integer> hostPort(int containerPort) {
        return ports.stream().filter(p -> p.containerPort() == containerPort && p.protocol().equals("tcp"))
                .map(PortMapping::hostPort).findFirst();
    }

    /**
     * Runs CNI DEL (veth, IP allocation, iptables rules), unmounts the namespace and frees the host
     * ports. Closing twice does nothing.
     *
     * @throws IOException when a plugin or the unmount fails
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            undo(conflist, dir);
        } finally {
            for (Closeable c : reservations) {
                closeQuietly(c);
            }
            network.detached(this);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // a socket that will not close holds nothing worth reporting
        }
    }

    @Override
    public String toString() {
        return "NetworkAttachment{" + containerId + ", " + ipAddress + ", " + ports + "}";
    }
}
