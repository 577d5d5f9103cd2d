package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Runtimes MUST ignore unknown properties; this model keeps them, at every level, so nothing is lost. */
class UnknownMembersTest {

    /** Objects whose members are data (map keys), not fields: an extra member there is an entry, not an extension. */
    private static final Set<String> MAPS = Set.of("/annotations", "/linux/sysctl", "/linux/resources/unified",
            "/linux/resources/rdma", "/linux/timeOffsets", "/windows/credentialSpec");

    private static final String EXTRA = "{\"vendor\":[1,{\"deep\":true}],\"n\":18446744073709551616}";

    /** Adds an unknown member to every object of the tree that is a model object; returns their pointers. */
    private static List<String> addUnknownEverywhere(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            boolean isMap = MAPS.contains(pointer);
            List<Map.Entry<String, JsonNode>> children = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                children.add(it.next());
            }
            for (Map.Entry<String, JsonNode> e : children) {
                addUnknownEverywhere(e.getValue(), pointer + "/" + e.getKey(), out);
            }
            if (!isMap) {
                ((ObjectNode) node).set("x-oci4j-unknown", Tools.parse(EXTRA));
                out.add(pointer);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                addUnknownEverywhere(node.get(i), pointer + "/" + i, out);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void unknownMembersAtEveryLevelAreWrittenBack(long seed) throws Exception {
        RandomSpecs random = new RandomSpecs(seed);
        JsonNode tree = Tools.tree(RuntimeJson.write(random.spec()));
        List<String> places = addUnknownEverywhere(tree, "", new ArrayList<>());
        assertThat(places).hasSizeGreaterThan(1);
        byte[] input = Tools.bytes(tree);

        Spec spec = RuntimeJson.readSpec(input);
        byte[] output = RuntimeJson.write(spec);
        assertThat(Tools.tree(output)).isEqualTo(tree);
        assertThat(spec.extensions()).containsEntry("x-oci4j-unknown", "{\"vendor\":[1,{\"deep\":true}],\"n\":18446744073709551616}");
        // Unknown members come after the known ones.
        String text = new String(output);
        assertThat(text).endsWith(",\"x-oci4j-unknown\":" + EXTRA + "}");
    }

    @Test
    void unknownMembersOfStateAndFeaturesAreKept() throws Exception {
        String crunLikeState = "{\"ociVersion\":\"1.0.0\",\"id\":\"c1\",\"pid\":42,\"status\":\"running\",\"bundle\":\"/b\","
                + "\"rootfs\":\"/b/rootfs\",\"created\":\"2026-11-27T20:00:00Z\",\"owner\":\"\",\"systemd-scope\":\"x.scope\"}";
        State state = RuntimeJson.readState(crunLikeState.getBytes());
        assertThat(state.extensions()).containsOnlyKeys("rootfs", "created", "owner", "systemd-scope");
        assertThat(Tools.tree(RuntimeJson.write(state))).isEqualTo(Tools.tree(crunLikeState));

        String features = "{\"ociVersionMin\":\"1.0.0\",\"linux\":{\"cgroup\":{\"v2\":true,\"future\":1},\"netDevices\":{\"enabled\":true}},"
                + "\"future\":{}}";
        Features f = RuntimeJson.readFeatures(features.getBytes());
        assertThat(f.linux().orElseThrow().extensions()).containsOnlyKeys("netDevices");
        assertThat(Tools.tree(RuntimeJson.write(f))).isEqualTo(Tools.tree(features));
    }

    @Test
    void anExtensionCannotNameAKnownMember() {
        // Accepting it wrote "limit":"x" when the typed member was unset: a document the model cannot read back.
        assertThatThrownBy(() -> LinuxMemory.builder().putExtension("limit", "\"x\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"limit\"").hasMessageContaining("LinuxMemory");
        assertThatThrownBy(() -> Spec.builder().extensions(Map.of("hostname", "\"fake\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"hostname\"").hasMessageContaining("Spec");
    }
}
