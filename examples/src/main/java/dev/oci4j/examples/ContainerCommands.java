package dev.oci4j.examples;

import dev.oci4j.linux.ContainerProcess;
import dev.oci4j.linux.ContainerRuntime;
import dev.oci4j.linux.RunResult;
import dev.oci4j.linux.Stdio;
import dev.oci4j.linux.bundle.PreparedBundle;
import dev.oci4j.linux.network.BridgeNetwork;
import dev.oci4j.runtime.State;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci ps}, {@code exec}, {@code kill} and {@code rm}: the containers {@code oci run -d} started. */
final class ContainerCommands {

    private ContainerCommands() {
    }

    /** Opens the runtime that holds {@code name}, or fails naming the roots searched. */
    static ContainerRuntime runtimeOf(String name) throws IOException {
        String backend = ContainerCli.locate(name).orElseThrow(() -> new IllegalArgumentException(
                "no container named " + name + " under " + ContainerCli.root("runc") + " or " + ContainerCli.root("crun")));
        return ContainerCli.open(backend);
    }

    @Command(name = "ps", mixinStandardHelpOptions = true, description = "List the containers oci4j started.")
    static final class Ps implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-6s %-8s %-8s %s%n", "NAME", "RUNTIME", "STATUS", "PID", "BUNDLE");
            try {
                for (String backend : ContainerCli.BACKENDS) {
                    if (!Files.isDirectory(ContainerCli.root(backend))) {
                        continue;
                    }
                    try (ContainerRuntime rt = ContainerCli.open(backend)) {
                        for (String id : rt.list()) {
                            State s = rt.state(id).orElse(null);
                            if (s != null) {
                                out.printf("%-24s %-6s %-8s %-8d %s%n", id, backend, s.status(), s.pid(), s.bundle());
                            }
                        }
                    }
                }
                out.flush();
                return 0;
            } catch (IOException | RuntimeException e) {
                return ContainerCli.fail(spec.commandLine().getErr(), "ps", e);
            }
        }
    }

    @Command(name = "exec", mixinStandardHelpOptions = true, description = "Run a command in a running container.")
    static final class Exec implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-t", "--tty"}, description = "give the command a terminal and attach this one to it")
        boolean tty;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ARGS")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            try (ContainerRuntime rt = runtimeOf(name)) {
                if (tty) {
                    try (ContainerProcess p = rt.exec(name, args, Stdio.terminal());
                            TerminalSession session = TerminalSession.open(p.terminal().orElseThrow())) {
                        session.copy(p.terminal().orElseThrow(), System.in, System.out);
                        return p.waitFor().shellCode();
                    }
                }
                RunResult r = rt.exec(name, args, Duration.ofDays(1));
                System.out.write(r.stdoutBytes());
                System.out.flush();
                System.err.write(r.stderrBytes());
                System.err.flush();
                return r.status().shellCode();
            } catch (IOException | RuntimeException | TimeoutException e) {
                return ContainerCli.fail(spec.commandLine().getErr(), "exec", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ContainerCli.fail(spec.commandLine().getErr(), "exec", e);
            }
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true, description = "Send a signal (default KILL) to a container.")
    static final class Kill implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "SIGNAL")
        String signal = "KILL";

        @Override
        public Integer call() {
            try (ContainerRuntime rt = runtimeOf(name)) {
                rt.kill(name, signal);
                return 0;
            } catch (IOException | RuntimeException e) {
                return ContainerCli.fail(spec.commandLine().getErr(), "kill", e);
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a container and its bundle.")
    static final class Rm implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-f", "--force"}, description = "kill it first if it runs")
        boolean force;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (ContainerRuntime rt = runtimeOf(name)) {
                Path bundle = rt.state(name).map(s -> Path.of(s.bundle())).orElse(null);
                rt.delete(name, force);
                if (bundle != null && bundle.startsWith(ContainerCli.bundles())) {
                    // Unmounts the overlay rootfs first: deleting through it would only hide files.
                    PreparedBundle.remove(bundle);
                }
                Path net = ContainerCli.networks().resolve(name);
                if (Files.exists(net)) {
                    // CNI DEL (veth, address, iptables rules), namespace unmounted, bridge deleted.
                    BridgeNetwork.remove(net);
                }
                return 0;
            } catch (IOException | RuntimeException e) {
                return ContainerCli.fail(spec.commandLine().getErr(), "rm", e);
            }
        }
    }
}
