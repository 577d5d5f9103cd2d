package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Members the model does not know survive a read-modify-write at every nesting level, after the known ones. */
class UnknownMembersTest {

    private static final String SHA = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    private static final String X = "\"x-ext\":{\"nested\":[1,2.50,\"three\",null,true],\"n\":1e3}";

    private static String descriptor(String extra) {
        return "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2," + extra + "}";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void manifestKeepsUnknownMembersOfItselfConfigLayersSubjectAndPlatform() throws IOException {
        String doc = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":" + descriptor(X) + ",\"layers\":[" + descriptor(X) + ","
                + descriptor("\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"," + X + "}," + X) + "],"
                + "\"subject\":" + descriptor(X) + "," + X + "}";
        ImageManifest m = ImageJson.readManifest(utf8(doc));
        assertThat(m.extensions()).containsOnlyKeys("x-ext");
        assertThat(m.config().extensions()).containsOnlyKeys("x-ext");
        assertThat(m.layers().get(1).platform().orElseThrow().extensions()).containsOnlyKeys("x-ext");
        assertThat(m.subject().orElseThrow().extensions()).containsOnlyKeys("x-ext");
        assertThat(m.extensions().get("x-ext")).isEqualTo("{\"nested\":[1,2.50,\"three\",null,true],\"n\":1e3}"
                .replace("1e3", "1E+3"));
        assertRoundTrip(ImageDocument.MANIFEST, doc);
        // a modification keeps them too
        byte[] changed = ImageJson.write(m.toBuilder().putAnnotation("k", "v").build());
        assertThat(SpecExamplesTest.tree(changed).path("x-ext")).isEqualTo(SpecExamplesTest.tree(utf8(doc)).path("x-ext"));
    }

    @Test
    void indexKeepsUnknownMembersOfItselfAndItsEntries() throws IOException {
        String doc = "{\"schemaVersion\":2,\"manifests\":[" + descriptor(X) + "],\"subject\":" + descriptor(X)
                + "," + X + "}";
        ImageIndex i = ImageJson.readIndex(utf8(doc));
        assertThat(i.extensions()).containsOnlyKeys("x-ext");
        assertThat(i.manifests().get(0).extensions()).containsOnlyKeys("x-ext");
        assertRoundTrip(ImageDocument.INDEX, doc);
    }

    @Test
    void configurationKeepsUnknownAndReservedMembersAtEveryLevel() throws IOException {
        String doc = "{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"config\":{\"Env\":[\"A=1\"],\"Memory\":2048,\"MemorySwap\":4096,\"CpuShares\":8,"
                + "\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"],\"Interval\":30000000000}," + X + "},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + SHA + "\"]," + X + "},"
                + "\"history\":[{\"created_by\":\"x\"," + X + "}],"
                + "\"container_config\":{\"Cmd\":null}," + X + "}";
        ImageConfiguration c = ImageJson.readConfiguration(utf8(doc));
        assertThat(c.extensions()).containsOnlyKeys("container_config", "x-ext");
        assertThat(c.config().extensions()).containsOnlyKeys("Memory", "MemorySwap", "CpuShares", "Healthcheck", "x-ext");
        assertThat(c.config().extensions()).containsEntry("Memory", "2048");
        assertThat(c.rootfs().extensions()).containsOnlyKeys("x-ext");
        assertThat(c.history().get(0).extensions()).containsOnlyKeys("x-ext");
        assertRoundTrip(ImageDocument.CONFIGURATION, doc);
    }

    @Test
    void layoutHeaderAndDescriptorKeepUnknownMembers() throws IOException {
        assertRoundTrip(ImageDocument.LAYOUT_HEADER, "{\"imageLayoutVersion\":\"1.0.0\"," + X + "}");
        assertRoundTrip(ImageDocument.DESCRIPTOR, descriptor(X));
    }

    @Test
    void unknownMembersAreWrittenAfterTheKnownOnesInTheirOriginalOrder() throws IOException {
        String doc = "{\"zz\":1,\"layers\":[],\"aa\":2,\"config\":" + descriptor("\"q\":0") + ",\"schemaVersion\":2}";
        byte[] out = ImageJson.write(ImageJson.readManifest(utf8(doc)));
        assertThat(fieldNames(SpecExamplesTest.tree(out))).containsExactly("schemaVersion", "config", "layers", "zz", "aa");
        assertThat(fieldNames(SpecExamplesTest.tree(out).path("config"))).containsExactly("mediaType", "digest", "size", "q");
    }

    @Test
    void buildersAcceptExtensionsAsRawJson() throws IOException {
        Descriptor d = Descriptor.EMPTY.toBuilder().extensions(Map.of("vendor.flag", "{\"on\":true}")).build();
        assertThat(new String(ImageJson.write(d), StandardCharsets.UTF_8)).endsWith(",\"vendor.flag\":{\"on\":true}}");
    }

    @Test
    void anExtensionMayNotReuseAKnownMemberOrHoldSomethingOtherThanJson() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Descriptor.EMPTY.toBuilder().extensions(Map.of("size", "3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known member");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ExecutionConfig.builder().extensions(Map.of("Memory", "{not json")))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ImageLayoutHeader.CURRENT.withExtensions(Map.of("x", "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ExecutionConfig.builder().extensions(Map.of("Memory", " 2048 ")).build().extensions())
                .containsEntry("Memory", "2048");
    }

    private <T> void assertRoundTrip(ImageDocument<T> kind, String doc) throws IOException {
        Parsed<T> parsed = ImageJson.parse(kind, utf8(doc));
        byte[] out = ImageJson.encode(kind, parsed.value()).bytes();
        assertThat(SpecExamplesTest.tree(out)).isEqualTo(SpecExamplesTest.tree(utf8(doc)));
        assertThat(ImageJson.parse(kind, out).value()).isEqualTo(parsed.value());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
