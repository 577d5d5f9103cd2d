package dev.oci4j.image.internal.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.ImageFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void malformedJsonNamesLineAndColumnWithoutEchoingJacksonInternals() {
        byte[] broken = "{\"schemaVersion\": 2,\n \"layers\": [".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.readTree(broken, ImageFormatException::new))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("malformed JSON at line 2")
                .hasMessageContaining("(start marker at line 2, column 12)")
                .hasMessageNotContaining("Source:");
    }

    @Test
    void duplicateKeysAreRejected() {
        byte[] duplicate = "{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.readTree(duplicate, ImageFormatException::new))
                .hasMessageContaining("Duplicate field 'a'");
    }
}
