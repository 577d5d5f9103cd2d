package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bugs {@link RuntimeDocumentFuzzTest} found, each pinned by its minimized input. */
class FoundByFuzzingTest {

    /**
     * <code>{"":"\\udc00"}</code>: the indented writer built a String and encoded it, turning the lone
     * surrogate into '?', so the indented output read back as a different document.
     */
    @Test
    void aLoneSurrogateInAnUnknownMemberSurvivesTheIndentedWriter() {
        byte[] json = "{\"\":\"\\udc00\"}".getBytes(StandardCharsets.UTF_8);
        Spec spec = RuntimeJson.readSpec(json);
        assertThat(RuntimeJson.readSpec(RuntimeJson.writeIndented(spec))).isEqualTo(spec);
        State state = RuntimeJson.readState(json);
        assertThat(RuntimeJson.readState(RuntimeJson.writeIndented(state))).isEqualTo(state);
        Features features = RuntimeJson.readFeatures(json);
        assertThat(RuntimeJson.readFeatures(RuntimeJson.writeIndented(features))).isEqualTo(features);
    }

    @Test
    void aLoneSurrogateInAKnownMemberSurvivesTheIndentedWriter() {
        Spec spec = RuntimeJson.readSpec("{\"ociVersion\":\"1.2.0\",\"hostname\":\"a\\ud800b\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(RuntimeJson.readSpec(RuntimeJson.writeIndented(spec))).isEqualTo(spec);
        assertThat(new String(RuntimeJson.writeIndented(spec), StandardCharsets.UTF_8)).containsIgnoringCase("a\\ud800b");
    }
}
