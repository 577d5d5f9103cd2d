package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.runtime.RuntimeJson.DocumentKind;
import org.junit.jupiter.api.Test;

/** A tool given some JSON can tell a configuration from a state or a features document. */
class SniffTest {

    private static DocumentKind sniff(String json) {
        return RuntimeJson.sniff(json.getBytes());
    }

    @Test
    void configurationsStatesAndFeaturesAreToldApart() {
        assertThat(RuntimeJson.sniff(RuntimeJson.write(Specs.defaultLinux()))).isEqualTo(DocumentKind.CONFIG);
        assertThat(sniff("{\"process\":{\"args\":[\"sh\"]}}")).isEqualTo(DocumentKind.CONFIG);
        assertThat(sniff("{\"ociVersion\":\"1.0.2\",\"id\":\"c\",\"status\":\"running\",\"pid\":1,\"bundle\":\"/b\"}"))
                .isEqualTo(DocumentKind.STATE);
        assertThat(sniff("{\"ociVersionMin\":\"1.0.0\",\"ociVersionMax\":\"1.2.0\"}")).isEqualTo(DocumentKind.FEATURES);
        assertThat(sniff("{\"schemaVersion\":2,\"layers\":[]}")).isEqualTo(DocumentKind.UNKNOWN);
        assertThat(sniff("[1]")).isEqualTo(DocumentKind.UNKNOWN);
    }

    @Test
    void nonJsonIsAFormatError() {
        assertThatThrownBy(() -> sniff("ociVersion: 1")).isInstanceOf(RuntimeFormatException.class);
    }
}
