package dev.oci4j.examples;

import dev.oci4j.linux.Container;
import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.ExitStatus;
import dev.oci4j.linux.Stdio;
import dev.oci4j.linux.Terminal;
import dev.oci4j.linux.bundle.ContainerOptions;
import dev.oci4j.linux.bundle.LayerCache;
import dev.oci4j.linux.bundle.PreparedBundle;
import dev.oci4j.linux.network.BridgeNetwork;
import dev.oci4j.linux.network.NetworkAttachment;
import dev.oci4j.linux.network.PortMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci run}: runs an image in a container and exits with its status. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an image: its stdout and stderr stream through, and oci exits with its exit code"
                + " (128+N when signal N killed it). Everything is removed afterwards unless -d detaches it."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"N:the container's exit code, 128+N for signal N",
                "125:bad input or the runtime failed (unknown image, ref or user, no runtime, invalid limits)"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runtime", paramLabel = "runc|crun", description = "the OCI runtime; default: the best available")
    String runtime;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "set an environment variable")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "the working directory")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "user, uid, user:group or uid:gid, from the image's /etc/passwd")
    String user;

    @Option(names = {"-v", "--volume"}, paramLabel = "SRC:DST[:ro]", description = "bind-mount a host path")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--read-only", description = "mount the root filesystem read-only")
    boolean readOnly;

    @Option(names = "--memory", paramLabel = "SIZE", description = "memory limit, such as 64m")
    String memory;

    @Option(names = "--pids-limit", paramLabel = "N", description = "maximum number of processes")
    Long pidsLimit;

    @Option(names = "--network", paramLabel = "none|host|bridge", description = "a private network namespace with"
            + " loopback only (none, the default unless -p), the host's, or a CNI bridge with an address (bridge)")
    String network;

    @Option(names = {"-p", "--publish"}, paramLabel = "HOST:CONTAINER[/udp]", description = "publish a container port"
            + " on every host address, 127.0.0.1 included (CNI bridge and portmap); HOST 0 or left out: any free port")
    List<String> publish = new ArrayList<>();

    @Option(names = "--hostname", paramLabel = "NAME", description = "the container's hostname")
    String hostname;

    @Option(names = {"-t", "--tty"}, description = "give the container a terminal and attach this one to it (raw mode when stdin is a terminal)")
    boolean tty;

    @Option(names = {"-d", "--detach"}, description = "start it and leave it running; see oci ps, exec, kill, rm")
    boolean detach;

    @Option(names = "--name", paramLabel = "NAME", description = "the container's name; default: a random one")
    String name;

    @Parameters(index = "0", paramLabel = "oci:DIR[:REF]", description = "the image")
    String image;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "the command, replacing the image's Cmd")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        String id = name != null ? name : "oci4j-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        PreparedBundle bundle = null;
        Path tempDir = null;
        BridgeNetwork net = null;
        try (ContainerRuntime rt = ContainerCli.open(runtime)) {
            ContainerOptions options = options();
            if (rt.state(id).isPresent()) {
                throw new IllegalArgumentException("a container named " + id + " exists; remove it with oci rm -f " + id);
            }
            if (bridged()) {
                List<PortMapping> ports = publish.stream().map(PortMapping::parse).toList();
                Path netDir = ContainerCli.networks().resolve(id);
                if (Files.exists(netDir)) {
                    BridgeNetwork.remove(netDir);   // left by a container of this name that is gone
                }
                net = BridgeNetwork.create("oci4jr" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()),
                        netDir);
                NetworkAttachment a = net.attach(id, ports);
                for (PortMapping m : a.ports()) {
                    spec.commandLine().getErr().println("oci run: " + id + " (" + a.ipAddress() + "): port "
                            + m.containerPort() + "/" + m.protocol() + " published on host port " + m.hostPort());
                }
                spec.commandLine().getErr().flush();
                options = options.toBuilder().networkNamespace(a.netns()).build();
            }
            if (!detach) {
                tempDir = Files.createTempDirectory("oci4j-run-");
            }
            Path dir = detach ? ContainerCli.bundles().resolve(id) : tempDir.resolve("bundle");
            bundle = ContainerCli.prepare(image, dir, options, LayerCache.defaultCache());
            if (detach && tty) {
                throw new IllegalArgumentException("-t and -d together: a detached container has no one at its terminal");
            }
            if (detach) {
                Container c = rt.create(id, bundle.dir(), Stdio.discard());
                c.detach();
                c.start();
                spec.commandLine().getOut().println(id);
                spec.commandLine().getOut().flush();
                bundle = null;
                net = null;   // oci rm removes it with the container
                return 0;
            }
            try (Container c = rt.create(id, bundle.dir(), tty ? Stdio.terminal() : Stdio.inherit())) {
                ExitStatus status;
                if (tty) {
                    Terminal t = c.terminal().orElseThrow();
                    try (TerminalSession session = TerminalSession.open(t)) {
                        c.start();
                        session.copy(t, System.in, System.out);
                        status = c.waitFor();
                    }
                } else {
                    c.start();
                    status = c.waitFor();
                }
                if (status.oomKilled()) {
                    spec.commandLine().getErr().println("oci run: " + id + " was killed for exceeding its memory limit");
                    spec.commandLine().getErr().flush();
                }
                return status.shellCode();
            }
        } catch (IOException | RuntimeException e) {
            return ContainerCli.fail(spec.commandLine().getErr(), "run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ContainerCli.fail(spec.commandLine().getErr(), "run", e);
        } finally {
            try {
                if (bundle != null) {
                    bundle.delete();
                }
                if (net != null) {
                    net.close();
                }
                if (tempDir != null) {
                    Files.deleteIfExists(tempDir);
                }
            } catch (IOException e) {
                spec.commandLine().getErr().println("oci run: could not remove " + tempDir + ": " + e.getMessage());
            }
        }
    }

    private boolean bridged() {
        return "bridge".equals(network) || (network == null && !publish.isEmpty());
    }

    private ContainerOptions options() {
        ContainerOptions.Builder o = ContainerOptions.builder();
        if (!args.isEmpty()) {
            o.cmd(args);
        }
        env.forEach(o::addEnv);
        if (workdir != null) {
            o.workingDir(workdir);
        }
        if (user != null) {
            o.user(user);
        }
        for (String v : volumes) {
            String[] parts = v.split(":");
            if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("ro") && !parts[2].equals("rw"))) {
                throw new IllegalArgumentException("volume \"" + v + "\": expected SRC:DST or SRC:DST:ro");
            }
            Path source = Path.of(parts[0]);
            if (!Files.exists(source)) {
                throw new IllegalArgumentException("volume \"" + v + "\": " + source + " does not exist");
            }
            o.addBind(source, parts[1], parts.length == 3 && parts[2].equals("ro"));
        }
        o.readonlyRoot(readOnly);
        if (memory != null) {
            o.memoryLimit(ContainerCli.bytes(memory));
        }
        if (pidsLimit != null) {
            o.pidsLimit(pidsLimit);
        }
        String n = network != null ? network : publish.isEmpty() ? "none" : "bridge";
        switch (n) {
            case "none", "bridge" -> o.hostNetwork(false);
            case "host" -> o.hostNetwork(true);
            default -> throw new IllegalArgumentException("network \"" + network + "\": expected none, host or bridge");
        }
        if (!publish.isEmpty() && !n.equals("bridge")) {
            throw new IllegalArgumentException("-p publishes ports on the bridge network, not with --network " + n);
        }
        publish.forEach(PortMapping::parse);
        if (hostname != null) {
            o.hostname(hostname);
        }
        o.terminal(tty);
        return o.build();
    }
}
