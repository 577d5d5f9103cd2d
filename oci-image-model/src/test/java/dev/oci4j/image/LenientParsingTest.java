package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Parsing accepts what the spec forbids but the model can hold, so the validator can report it, and
 * writes it back unchanged.
 */
class LenientParsingTest {

    private static final String SHA = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private <T> T roundTrip(ImageDocument<T> kind, String doc) throws IOException {
        T value = ImageJson.read(kind, utf8(doc));
        assertThat(SpecExamplesTest.tree(ImageJson.encode(kind, value).bytes())).isEqualTo(SpecExamplesTest.tree(utf8(doc)));
        return value;
    }

    @Test
    void aNegativeSizeIsReadAsWritten() throws IOException {
        Descriptor d = roundTrip(ImageDocument.DESCRIPTOR, "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":-5}");
        assertThat(d.size()).isEqualTo(-5);
        assertThat(d.toBuilder().build().size()).as("toBuilder keeps a parsed value").isEqualTo(-5);
    }

    @Test
    void aMissingMediaTypeIsAbsent() throws IOException {
        Descriptor d = roundTrip(ImageDocument.DESCRIPTOR, "{\"digest\":\"" + SHA + "\",\"size\":2}");
        assertThat(d.mediaType()).isEmpty();
        ImageManifest m = roundTrip(ImageDocument.MANIFEST,
                "{\"schemaVersion\":2,\"config\":{\"digest\":\"" + SHA + "\",\"size\":2},\"layers\":[]}");
        assertThat(m.mediaType()).isEmpty();
    }

    @Test
    void unknownMediaTypesAndBadAnnotationKeysAndUrlsAreKept() throws IOException {
        Descriptor d = roundTrip(ImageDocument.DESCRIPTOR, "{\"mediaType\":\"not a media type\",\"digest\":\""
                + SHA + "\",\"size\":2,\"urls\":[\"::not a url\",\"\"],\"annotations\":{\"\":\"empty key\",\"UPPER key\":\"\"},"
                + "\"artifactType\":\"x\"}");
        assertThat(d.mediaType()).contains(MediaType.of("not a media type"));
        assertThat(d.urls()).containsExactly("::not a url", "");
        assertThat(d.annotations()).containsEntry("", "empty key").containsEntry("UPPER key", "");
        assertThat(d.artifactType()).contains(MediaType.of("x"));
    }

    @Test
    void anyDigestAlgorithmThatFitsTheGrammarIsKept() throws IOException {
        Descriptor d = roundTrip(ImageDocument.DESCRIPTOR,
                "{\"mediaType\":\"a/b\",\"digest\":\"multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8\",\"size\":2}");
        assertThat(d.digest().algorithm()).isEqualTo("multihash+base58");
    }

    @Test
    void aWrongOrMissingSchemaVersionIsKept() throws IOException {
        String config = "\"config\":{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2}";
        assertThat(roundTrip(ImageDocument.MANIFEST, "{\"schemaVersion\":1," + config + ",\"layers\":[]}").schemaVersion())
                .isEqualTo(1);
        assertThat(roundTrip(ImageDocument.MANIFEST, "{" + config + ",\"layers\":[]}").schemaVersion()).isZero();
        assertThat(roundTrip(ImageDocument.INDEX, "{\"schemaVersion\":3,\"manifests\":[]}").schemaVersion()).isEqualTo(3);
    }

    @Test
    void aMissingLayersArrayReadsAsEmptyAndStaysMissingWhenWritten() {
        String text = "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2}}";
        ImageManifest m = ImageJson.readManifest(utf8(text));
        assertThat(m.layers()).isEmpty();
        // Writing "layers":[] would turn a document the validator rejects into another one.
        assertThat(new String(ImageJson.write(m), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(ImageJson.readManifest(ImageJson.write(m))).isEqualTo(m);
        // A manifest built without layers has an empty list, which Go writes as [].
        assertThat(new String(ImageJson.write(m.toBuilder().layers(java.util.List.of()).build()), StandardCharsets.UTF_8))
                .endsWith("\"layers\":[]}");
    }

    @Test
    void aRootfsTypeOtherThanLayersEnvWithoutEqualsAndAMissingOsAreKept() throws IOException {
        ImageConfiguration c = roundTrip(ImageDocument.CONFIGURATION,
                "{\"architecture\":\"amd64\",\"config\":{\"Env\":[\"NOEQUALS\",\"A=1\"]},"
                        + "\"rootfs\":{\"type\":\"snapshot\",\"diff_ids\":[]}}");
        assertThat(c.rootfs().type()).isEqualTo("snapshot");
        assertThat(c.config().env()).containsExactly("NOEQUALS", "A=1");
        assertThat(c.os()).isEmpty();
        ImageConfiguration noRootfs = roundTrip(ImageDocument.CONFIGURATION, "{\"architecture\":\"amd64\",\"os\":\"linux\"}");
        assertThat(noRootfs.rootfs().type()).isEmpty();
        assertThat(noRootfs.rootfs().diffIds()).isEmpty();
        assertThat(noRootfs.config()).isEqualTo(ExecutionConfig.EMPTY);
    }

    @Test
    void createdIsKeptByteForByteEvenWhenNotRfc3339() throws IOException {
        String created = "2015-10-31T22:22:56.015925234000+00:00";
        byte[] doc = utf8("{\"created\":\"" + created + "\",\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"history\":[{\"created\":\"yesterday\"}]}");
        ImageConfiguration c = ImageJson.readConfiguration(doc);
        assertThat(c.created()).contains(created);
        assertThat(new String(ImageJson.write(c), StandardCharsets.UTF_8)).contains("\"created\":\"" + created + "\"")
                .contains("\"created\":\"yesterday\"");
        assertThat(c.createdTime().orElseThrow().getNano()).isEqualTo(15925234);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.history().get(0).createdTime())
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("RFC 3339");
    }

    @Test
    void emptyStringsAndFalseReadFromADocumentAreWrittenBack() throws IOException {
        // Go would drop them (omitempty), but a document's own bytes are its identity; our builders never write them.
        roundTrip(ImageDocument.CONFIGURATION, "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"\","
                + "\"ArgsEscaped\":false},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},"
                + "\"history\":[{\"created_by\":\"\",\"empty_layer\":false}]}");
    }
}
