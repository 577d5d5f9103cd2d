package dev.oci4j.image.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.ImageFormatException;
import dev.oci4j.internal.json.Json;
import dev.oci4j.validation.FormatReason;
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
    void duplicateKeysAreRejectedAtTheSecondMember() {
        byte[] duplicate = "{\"x\": {\"a\": 1, \"a\": 2}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.readTree(duplicate, ImageFormatException::new))
                .isInstanceOfSatisfying(ImageFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FormatReason.DUPLICATE_KEY);
                    assertThat(e.location()).isEqualTo("/x/a");
                    assertThat(e.detail()).isEqualTo("member \"a\" appears twice in one object at line 1, column 16;"
                            + " JSON objects must have unique keys (I-JSON, RFC 7493)");
                });
    }

    @Test
    void nestingIsBoundedAndNamedWhereItIsExceeded() {
        byte[] ok = ("[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Json.readTree(ok, ImageFormatException::new).isArray()).isTrue();
        byte[] deep = ("{\"a\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.readTree(deep, ImageFormatException::new))
                .isInstanceOfSatisfying(ImageFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FormatReason.TOO_DEEP);
                    assertThat(e.location()).isEqualTo("/a" + "/0".repeat(Json.MAX_NESTING_DEPTH - 1));
                });
    }

    @Test
    void bytesThatAreNotUtf8AreMalformedJsonNotAnIoError() {
        byte[] utf32 = {0, 0, 0, '{', 0, 0, 0, '"', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> Json.readTree(utf32, ImageFormatException::new))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(FormatReason.MALFORMED_JSON));
    }
}
