package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The schema check used by the other tests does catch what the official schemas forbid. */
class ImageSchemasTest {

    private static final String SHA = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void schemaViolationsAcrossReferencedFilesAreReported() {
        byte[] bad = utf8("{\"schemaVersion\":3,\"config\":{\"mediaType\":\"a/b\",\"size\":1,\"digest\":\"nope\"},"
                + "\"layers\":[{\"mediaType\":\"x\",\"size\":1,\"digest\":\"" + SHA + "\",\"urls\":[\"::\"]}]}");
        assertThat(ImageSchemas.problems(ImageDocument.MANIFEST, bad))
                .anySatisfy(m -> assertThat(m).startsWith("/schemaVersion"))
                .anySatisfy(m -> assertThat(m).startsWith("/config/digest"))
                .anySatisfy(m -> assertThat(m).startsWith("/layers/0/mediaType"))
                .anySatisfy(m -> assertThat(m).startsWith("/layers/0/urls/0"));
    }

    @Test
    void everyKindHasItsSchema() {
        assertThat(ImageSchemas.problems(ImageDocument.LAYOUT_HEADER, utf8("{}"))).isNotEmpty();
        assertThat(ImageSchemas.problems(ImageDocument.DESCRIPTOR, utf8("{\"size\":1}"))).isNotEmpty();
        assertThat(ImageSchemas.problems(ImageDocument.INDEX, utf8("{\"schemaVersion\":2}"))).isNotEmpty();
        assertThat(ImageSchemas.problems(ImageDocument.CONFIGURATION, utf8("{\"os\":\"linux\"}"))).isNotEmpty();
    }

    @Test
    void anEmptyLayersArrayFollowsTheSpecNotTheSchemasMinItems() {
        byte[] noLayers = utf8("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"artifactType\":\"application/vnd.example+type\",\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\","
                + "\"digest\":\"" + SHA + "\",\"size\":2},\"layers\":[]}");
        assertThat(ImageSchemas.problems(ImageDocument.MANIFEST, noLayers)).isEmpty();
    }
}
