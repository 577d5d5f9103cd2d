package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.testing.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default configurations equal what runc writes, and our own output is pinned by a golden file. */
class SpecsTest {

    @TempDir
    Path dir;

    private ObjectNode toolSpec(String... command) throws Exception {
        Commands.runOk(dir, List.of(command));
        return (ObjectNode) Tools.tree(Files.readAllBytes(dir.resolve("config.json")));
    }

    /** Our defaults claim the version this model implements; the runtimes claim their own. */
    private static ObjectNode withOciVersion(byte[] json, String version) throws IOException {
        ObjectNode tree = (ObjectNode) Tools.tree(json);
        tree.put("ociVersion", version);
        return tree;
    }

    @Test
    void defaultLinuxEqualsRuncSpec() throws Exception {
        ObjectNode runc = toolSpec("runc", "spec");
        assertThat(withOciVersion(RuntimeJson.write(Specs.defaultLinux()), runc.get("ociVersion").textValue())).isEqualTo(runc);
    }

    @Test
    void rootlessEqualsRuncSpecRootlessForTheCallingUser() throws Exception {
        ObjectNode runc = toolSpec("runc", "spec", "--rootless");
        assertThat(withOciVersion(RuntimeJson.write(Specs.rootless()), runc.get("ociVersion").textValue())).isEqualTo(runc);
    }

    @Test
    void rootlessMapsContainerRootToTheGivenUser() {
        Spec spec = Specs.rootless(1000, 100);
        Linux linux = spec.linux().orElseThrow();
        assertThat(linux.uidMappings()).containsExactly(LinuxIdMapping.builder().containerID(0).hostID(1000).size(1).build());
        assertThat(linux.gidMappings()).containsExactly(LinuxIdMapping.builder().containerID(0).hostID(100).size(1).build());
        assertThat(linux.namespaces()).extracting(LinuxNamespace::type)
                .containsExactly(LinuxNamespaceType.PID, LinuxNamespaceType.IPC, LinuxNamespaceType.UTS,
                        LinuxNamespaceType.MOUNT, LinuxNamespaceType.USER);
        assertThat(linux.resources()).isEmpty();
    }

    @Test
    void crunSpecDiffersOnlyInVersionHostnameAndAnEmptyInheritableSet() throws Exception {
        // Documented in Specs: crun 1.8 writes ociVersion 1.0.0, hostname "crun" and "inheritable": [].
        ObjectNode crun = toolSpec("crun", "spec");
        ObjectNode ours = withOciVersion(RuntimeJson.write(Specs.defaultLinux()), "1.0.0");
        ours.put("hostname", "crun");
        ((ObjectNode) ours.get("process").get("capabilities")).putArray("inheritable");
        assertThat(ours).isEqualTo(crun);
    }

    @Test
    void defaultLinuxMatchesTheGoldenFile() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/golden/default-linux-config.json")) {
            assertThat(in).as("golden file").isNotNull();
            String golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(new String(RuntimeJson.writeIndented(Specs.defaultLinux()), StandardCharsets.UTF_8)).isEqualTo(golden);
        }
    }

    @Test
    void compactOutputKeepsGoFieldOrder() {
        String json = new String(RuntimeJson.write(Specs.defaultLinux()), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"ociVersion\":\"1.2.0\",\"process\":{\"terminal\":true,\"user\":{\"uid\":0,\"gid\":0},\"args\":[\"sh\"]");
        assertThat(json.indexOf("\"root\"")).isLessThan(json.indexOf("\"hostname\"")).isLessThan(json.indexOf("\"mounts\""))
                .isLessThan(json.indexOf("\"linux\""));
    }
}
