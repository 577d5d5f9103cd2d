package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state of a real container, as runc and crun report it, reads and writes back unchanged
 * (runtime-specific members such as rootfs, created and owner included); the configuration the
 * container ran from went through this model.
 */
class RealContainerStateTest {

    private static final Path BUSYBOX = Path.of("/bin/busybox");

    @TempDir
    Path bundle;

    @BeforeEach
    void needsRootOnLinux() throws Exception {
        TestEnvironment.requireRoot("creating containers");
        TestEnvironment.requireFile(BUSYBOX, TestEnvironment.BUSYBOX_STATIC);
    }

    /** A bundle whose rootfs is a static busybox, with the runtime's own default spec edited through this model. */
    private void prepareBundle(List<String> runtime, boolean ourDefaults) throws Exception {
        Path bin = Files.createDirectories(bundle.resolve("rootfs/bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        Files.createSymbolicLink(bin.resolve("sh"), Path.of("busybox"));
        Files.createSymbolicLink(bin.resolve("sleep"), Path.of("busybox"));
        Spec base;
        if (ourDefaults) {
            base = Specs.defaultLinux();
        } else {
            Commands.runOk(bundle, cmd(runtime, "spec"));
            base = RuntimeJson.readSpec(bundle.resolve("config.json"));
        }
        Spec config = SpecEditor.of(base)
                .args("sleep", "30")
                .terminal(false)
                .build();
        Files.write(bundle.resolve("config.json"), RuntimeJson.writeIndented(config));
    }

    private static List<String> cmd(List<String> runtime, String... args) {
        List<String> out = new ArrayList<>(runtime);
        out.addAll(List.of(args));
        return out;
    }

    private State stateOf(List<String> runtime, String id, ContainerStatus expected) throws Exception {
        String json = Commands.runOk(bundle, cmd(runtime, "state", id)).stdout();
        assertThat(RuntimeJson.sniff(json.getBytes())).isEqualTo(RuntimeJson.DocumentKind.STATE);
        State state = RuntimeJson.readState(json.getBytes());
        assertThat(Tools.tree(RuntimeJson.write(state))).isEqualTo(Tools.tree(json));
        assertThat(RuntimeJson.readState(RuntimeJson.writeIndented(state))).isEqualTo(state);
        assertThat(state.id()).isEqualTo(id);
        assertThat(state.status()).isEqualTo(expected);
        assertThat(state.pid()).isPositive();
        assertThat(state.bundle()).isEqualTo(bundle.toString());
        RuntimeSchema.assertValidState(json.getBytes());
        return state;
    }

    private void createStartAndRead(List<String> runtime, boolean ourDefaults) throws Exception {
        prepareBundle(runtime, ourDefaults);
        String id = "oci4j-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try {
            Commands.runOk(bundle, cmd(runtime, "create", "--bundle", bundle.toString(), id));
            State created = stateOf(runtime, id, ContainerStatus.CREATED);
            Commands.runOk(bundle, cmd(runtime, "start", id));
            State running = stateOf(runtime, id, ContainerStatus.RUNNING);
            assertThat(running.pid()).isEqualTo(created.pid());
            assertThat(running.extensions()).containsKeys("rootfs", "created", "owner");
        } finally {
            Commands.run(bundle, cmd(runtime, "kill", "--all", id, "KILL"));
            Commands.run(bundle, cmd(runtime, "delete", "-f", id));
        }
    }

    @Test
    void runcStateOfARealContainerRoundTrips() throws Exception {
        TestEnvironment.requireTool("runc");
        createStartAndRead(List.of("runc"), false);
    }

    @Test
    void ourDefaultSpecRunsUnderRunc() throws Exception {
        TestEnvironment.requireTool("runc");
        createStartAndRead(List.of("runc"), true);
    }

    @Test
    void crunStateOfARealContainerRoundTrips() throws Exception {
        TestEnvironment.requireTool("crun");
        TestEnvironment.requireTool("unshare");
        // crun 1.8 refuses this host's hybrid cgroup layout: run each command in a private mount
        // namespace with the cgroup2 mount at /sys/fs/cgroup/unified detached (no-op where absent).
        List<String> crun = List.of("unshare", "-m", "sh", "-c",
                "umount /sys/fs/cgroup/unified 2>/dev/null; exec crun \"$@\"", "crun");
        createStartAndRead(crun, false);
    }

    @Test
    void runcFeaturesRoundTrip() throws Exception {
        TestEnvironment.requireTool("runc");
        Commands.Result r = Commands.run(bundle, List.of("runc", "features"));
        TestEnvironment.require(r.exitCode() == 0, "this runc has no features command (runc >= 1.1.0 has): " + r.stderr());
        byte[] json = r.stdout().getBytes();
        assertThat(RuntimeJson.sniff(json)).isEqualTo(RuntimeJson.DocumentKind.FEATURES);
        Features features = RuntimeJson.readFeatures(json);
        assertThat(Tools.tree(RuntimeJson.write(features))).isEqualTo(Tools.tree(json));
        assertThat(features.hooks()).contains("createRuntime", "poststop");
        assertThat(features.linux().orElseThrow().namespaces()).contains("mount", "pid");
    }
}
