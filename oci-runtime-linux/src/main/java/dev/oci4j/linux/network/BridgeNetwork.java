package dev.oci4j.linux.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.linux.internal.cni.Cni;
import dev.oci4j.linux.internal.cni.Netns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private bridge network made with the standard CNI plugins ({@code bridge}, {@code host-local}
 * IPAM, {@code portmap}; Debian package containernetworking-plugins): one Linux bridge, one /24
 * subnet of 10.200.0.0/13 not routed elsewhere on the host, and for each attached container its own
 * network namespace with an address on the bridge and its published ports.
 *
 * <p>Published ports answer on every host address, 127.0.0.1 included: {@code portmap} DNATs
 * locally-originated connections too (its {@code snat} option sets {@code route_localnet} on the
 * bridge). While a container is attached, this JVM holds a listening socket on each of its host
 * ports (never accepting), so no other program or parallel test is given the same port.
 *
 * <p>Everything the network made is written under its directory before it is made, so that
 * {@link #remove(Path)} can undo it after the JVM that made it was killed: the namespaces are
 * unmounted, CNI DEL removes the veths, IP allocations and iptables rules, the bridge is deleted.
 *
 * <pre>{@code
 * try (BridgeNetwork net = BridgeNetwork.create("oci4jdemo", dir);
 *         NetworkAttachment a = net.attach("web", List.of(PortMapping.tcp(0, 80)))) {
 *     // config.json: linux.namespaces network path = a.netns(); then http://127.0.0.1:a.hostPort(80)/
 * }
 * }</pre>
 */
public final class BridgeNetwork implements AutoCloseable {

    /** The system property naming the directory of subnet leases shared by every JVM on the host. */
    public static final String LEASES_PROPERTY = "oci4j.cni.leases";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,14}");
    private static final String CONFLIST = "network.conflist";
    private static final String ATTACHMENTS = "attachments";

    private final String name;
    private final Path dir;
    private final String subnet;
    private final Set<NetworkAttachment> open = ConcurrentHashMap.newKeySet();

    private BridgeNetwork(String name, Path dir, String subnet) {
        this.name = name;
        this.dir = dir;
        this.subnet = subnet;
    }

    /**
     * Creates the network's configuration in {@code dir} and leases it a free subnet; the bridge
     * itself appears with the first attached container.
     *
     * @param name the network's and the bridge's name: 1 to 15 of {@code a-z 0-9 -}, unique on the host
     * @param dir a directory for the network's state, missing or empty
     * @return the network
     * @throws IllegalArgumentException when the name is not a valid interface name
     * @throws IOException when the directory cannot be written or every subnet is taken
     */
    public static BridgeNetwork create(String name, Path dir) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("network name \"" + name + "\": expected 1 to 15 of a-z, 0-9 and '-'"
                    + " (it names the bridge, and Linux interface names have at most 15 characters)");
        }
        Path d = dir.toAbsolutePath().normalize();
        Files.createDirectories(d.resolve(ATTACHMENTS));
        String subnet = leaseSubnet(d);
        ObjectNode conf = Cni.object();
        conf.put("cniVersion", "1.0.0");
        conf.put("name", name);
        ArrayNode plugins = conf.putArray("plugins");
        ObjectNode bridge = plugins.addObject();
        bridge.put("type", "bridge");
        bridge.put("bridge", name);
        bridge.put("isGateway", true);
        bridge.put("ipMasq", false);
        bridge.put("hairpinMode", true);
        ObjectNode ipam = bridge.putObject("ipam");
        ipam.put("type", "host-local");
        ipam.putArray("ranges").addArray().addObject().put("subnet", subnet);
        ipam.putArray("routes").addObject().put("dst", "0.0.0.0/0");
        ipam.put("dataDir", d.resolve("ipam").toString());
        ObjectNode portmap = plugins.addObject();
        portmap.put("type", "portmap");
        portmap.putObject("capabilities").put("portMappings", true);
        portmap.put("snat", true);
        try {
            Files.write(d.resolve(CONFLIST), Cni.write(conf));
        } catch (IOException e) {
            releaseSubnet(subnet, d);
            throw e;
        }
        return new BridgeNetwork(name, d, subnet);
    }

    /**
     * The CNI network's name, which is also the bridge's.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The subnet leased to this network.
     *
     * @return a CIDR such as {@code 10.203.17.0/24}
     */
    public String subnet() {
        return subnet;
    }

    /**
     * The directory holding the network's configuration, IP allocations and namespaces.
     *
     * @return the absolute directory
     */
    public Path dir() {
        return dir;
    }

    /**
     * Creates a network namespace for a container, connects it to the bridge and publishes its ports.
     *
     * @param containerId the container's id: names its namespace, its CNI allocation and iptables rules
     * @param ports the ports to publish; a host port of 0 is replaced by a free one
     * @return the attachment, to close when the container is gone
     * @throws IOException when a namespace cannot be made, a host port is taken or a CNI plugin fails;
     *     nothing is left attached then
     * @throws IllegalArgumentException when the id is not a valid file name
     */
    public NetworkAttachment attach(String containerId, List<PortMapping> ports) throws IOException {
        Objects.requireNonNull(ports, "ports");
        if (!containerId.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
            throw new IllegalArgumentException("container id \"" + containerId + "\": expected letters, digits, '_', '.', '-'");
        }
        ObjectNode conflist = Cni.parse(Files.readAllBytes(dir.resolve(CONFLIST)));
        Path adir = dir.resolve(ATTACHMENTS).resolve(containerId);
        Files.createDirectory(adir);
        NetworkAttachment a = NetworkAttachment.attach(this, conflist, adir, containerId, ports);
        open.add(a);
        return a;
    }

    void detached(NetworkAttachment a) {
        open.remove(a);
    }

    /**
     * Detaches every container still attached, deletes the bridge, releases the subnet and removes
     * the directory.
     *
     * @throws IOException when something could not be undone (the rest is still undone)
     */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (NetworkAttachment a : List.copyOf(open)) {
            try {
                a.close();
            } catch (IOException e) {
                failure = add(failure, e);
            }
        }
        try {
            remove(dir);
        } catch (IOException e) {
            failure = add(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Undoes whatever a network left in {@code dir}, for a JVM that was killed before it closed its
     * network: every attachment's CNI DEL (veth, IP allocation, iptables rules) and namespace, the
     * bridge, the subnet lease and the directory. Missing pieces are skipped.
     *
     * @param dir a directory given to {@link #create(String, Path)}
     * @throws IOException when something could not be undone (the rest is still undone)
     */
    public static void remove(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        Path conflistFile = d.resolve(CONFLIST);
        if (!Files.exists(conflistFile)) {
            // Nothing was attached before the configuration was written; but if it was deleted by
            // hand, the namespaces may still be mounted: unmount them rather than refuse.
            if (Files.isDirectory(d.resolve(ATTACHMENTS))) {
                try (Stream<Path> s = Files.list(d.resolve(ATTACHMENTS))) {
                    for (Path a : s.toList()) {
                        Netns.remove(a.resolve("netns"));
                    }
                }
            }
            deleteTree(d);
            return;
        }
        ObjectNode conflist = Cni.parse(Files.readAllBytes(conflistFile));
        IOException failure = null;
        Path attachments = d.resolve(ATTACHMENTS);
        if (Files.isDirectory(attachments)) {
            try (Stream<Path> s = Files.list(attachments)) {
                for (Path a : s.toList()) {
                    try {
                        NetworkAttachment.undo(conflist, a);
                    } catch (IOException e) {
                        failure = add(failure, e);
                    }
                }
            }
        }
        String bridge = conflist.path("plugins").path(0).path("bridge").asText();
        try {
            deleteLink(bridge);
        } catch (IOException e) {
            failure = add(failure, e);
        }
        String subnet = conflist.path("plugins").path(0).path("ipam").path("ranges").path(0).path(0).path("subnet")
                .asText();
        releaseSubnet(subnet, d);
        if (failure != null) {
            throw failure;
        }
        deleteTree(d);
    }

    static IOException add(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static void deleteLink(String name) throws IOException {
        if (name.isEmpty() || !Files.exists(Path.of("/sys/class/net", name))) {
            return;
        }
        Process p = new ProcessBuilder("ip", "link", "delete", name).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                if (Files.exists(Path.of("/sys/class/net", name))) {
                    throw new IOException("ip link delete " + name + " failed: " + out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("ip link delete " + name + " interrupted", e);
        }
    }

    // --- subnet leases: one file per /24, created exclusively, naming the network directory holding it

    static Path leases() {
        return Path.of(System.getProperty(LEASES_PROPERTY, "/run/oci4j/cni/subnets"));
    }

    private static String leaseSubnet(Path owner) throws IOException {
        Path leases = Files.createDirectories(leases());
        List<long[]> routes = routes();
        int count = 8 * 256;   // 10.200.0.0/24 .. 10.207.255.0/24
        int start = ThreadLocalRandom.current().nextInt(count);
        for (int i = 0; i < count; i++) {
            int n = (start + i) % count;
            long net = (10L << 24) | ((200L + n / 256) << 16) | ((n % 256L) << 8);
            if (overlapsRoute(net, routes)) {
                continue;
            }
            String subnet = "10." + (200 + n / 256) + "." + (n % 256) + ".0/24";
            Path lease = leases.resolve(subnet.replace('/', '_'));
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    Files.writeString(lease, owner.toString(), java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE);
                    return subnet;
                } catch (FileAlreadyExistsException taken) {
                    // A lease whose network directory is gone was left by a crash between the two: take it over.
                    if (!staleLease(lease)) {
                        break;
                    }
                    Files.deleteIfExists(lease);
                }
            }
        }
        throw new IOException("no free /24 left in 10.200.0.0/13 (leases in " + leases + ")");
    }

    private static boolean staleLease(Path lease) {
        try {
            String owner = Files.readString(lease).trim();
            return !owner.isEmpty() && !Files.exists(Path.of(owner).resolve(CONFLIST));
        } catch (IOException e) {
            return false;
        }
    }

    private static void releaseSubnet(String subnet, Path owner) throws IOException {
        if (subnet.isEmpty()) {
            return;
        }
        Path lease = leases().resolve(subnet.replace('/', '_'));
        try {
            if (Files.readString(lease).trim().equals(owner.toString())) {
                Files.deleteIfExists(lease);
            }
        } catch (NoSuchFileException e) {
            // already released
        }
    }

    /** The host's IPv4 routes as {destination, mask}, from /proc/net/route (little-endian hex). */
    private static List<long[]> routes() throws IOException {
        List<long[]> r = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("/proc/net/route"));
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 7) {
                long dst = Long.reverseBytes(Long.parseLong(f[1], 16) << 32) & 0xffffffffL;
                long mask = Long.reverseBytes(Long.parseLong(f[7], 16) << 32) & 0xffffffffL;
                if (mask != 0) {
                    r.add(new long[] {dst, mask});
                }
            }
        }
        return r;
    }

    private static boolean overlapsRoute(long net, List<long[]> routes) {
        long mask = 0xffffff00L;
        for (long[] r : routes) {
            long common = mask & r[1];
            if ((net & common) == (r[0] & common)) {
                return true;
            }
        }
        return false;
    }

    private static void deleteTree(Path d) throws IOException {
        if (!Files.exists(d)) {
            return;
        }
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p) && Netns.isMounted(p)) {
                    throw new IOException("not removing " + d + ": " + p + " is still mounted");
                }
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return "BridgeNetwork{" + name + ", " + subnet + ", " + dir + "}";
    }
}
