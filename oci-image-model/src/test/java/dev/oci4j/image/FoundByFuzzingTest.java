package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bugs {@link ImageDocumentFuzzTest} found, each pinned by its minimized input. */
class FoundByFuzzingTest {

    private final ImageJson json = ImageJson.standard();

    /**
     * An exponent of exactly {@code Integer.MAX_VALUE} passed the range check (precision minus scale
     * wrapped negative in int arithmetic) and reached BigDecimal.toBigIntegerExact, which threw
     * ArithmeticException out of the reader.
     */
    @Test
    void anExponentOfIntegerMaxValueIsOutOfRangeAtItsPointer() {
        byte[] doc = "{\"schemaVersion\":1e2147483647,\"manifests\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> json.readIndex(doc))
                .isInstanceOf(ImageFormatException.class)
                .satisfies(e -> assertThat(((ImageFormatException) e).location()).isEqualTo("/schemaVersion"));
        assertThat(ImageValidator.validate(doc, DocumentKind.INDEX).errors()).isNotEmpty();
    }

    @Test
    void anExponentOfIntegerMaxValueInADescriptorSizeIsOutOfRangeAtItsPointer() {
        byte[] doc = ("{\"mediaType\":\"a/b\",\"digest\":\"sha256:" + "a".repeat(64) + "\",\"size\":1E+2147483647}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> json.readDescriptor(doc))
                .isInstanceOf(ImageFormatException.class)
                .satisfies(e -> assertThat(((ImageFormatException) e).location()).isEqualTo("/size"));
    }
}
