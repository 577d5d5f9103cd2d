package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.testing.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents written by runc and crun read and write back unchanged, and satisfy the official schema. */
class RealToolRoundTripTest {

    @TempDir
    Path dir;

    private byte[] toolSpec(String... command) throws Exception {
        Commands.runOk(dir, List.of(command));
        return Files.readAllBytes(dir.resolve("config.json"));
    }

    private void assertRoundTrips(byte[] original) throws Exception {
        Spec spec = RuntimeJson.readSpec(original);
        byte[] written = RuntimeJson.write(spec);
        assertThat(Tools.tree(written)).isEqualTo(Tools.tree(original));
        assertThat(RuntimeJson.readSpec(written)).isEqualTo(spec);
        assertThat(spec.extensions()).isEmpty();
    }

    @Test
    void runcSpecRoundTripsUnchanged() throws Exception {
        byte[] original = toolSpec("runc", "spec");
        assertRoundTrips(original);
        // Same member order and layout as Go's MarshalIndent: byte for byte.
        assertThat(new String(RuntimeJson.writeIndented(RuntimeJson.readSpec(original)))).isEqualTo(new String(original));
    }

    @Test
    void runcRootlessSpecRoundTripsUnchanged() throws Exception {
        byte[] original = toolSpec("runc", "spec", "--rootless");
        assertRoundTrips(original);
        assertThat(new String(RuntimeJson.writeIndented(RuntimeJson.readSpec(original)))).isEqualTo(new String(original));
    }

    @Test
    void crunSpecRoundTripsUnchanged() throws Exception {
        // crun 1.8 writes "inheritable": [] which Go's omitempty would drop: compare without it.
        byte[] original = toolSpec("crun", "spec");
        Spec spec = RuntimeJson.readSpec(original);
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) Tools.tree(original);
        var caps = (com.fasterxml.jackson.databind.node.ObjectNode) expected.get("process").get("capabilities");
        if (caps.has("inheritable") && caps.get("inheritable").isEmpty()) {
            caps.remove("inheritable");
        }
        assertThat(Tools.tree(RuntimeJson.write(spec))).isEqualTo(expected);
    }
}
