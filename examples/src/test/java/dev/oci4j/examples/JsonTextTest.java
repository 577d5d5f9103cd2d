package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void quotingEscapesWhatJsonRequires() {
        assertThat(JsonText.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void prettyPrintingIndentsAndLeavesStringsAlone() {
        String compact = "{\"a\":[1,{\"b\":\"x, {y}: [z]\\\"\"}],\"e\":{},\"f\":[]}";
        assertThat(JsonText.pretty(compact)).isEqualTo("""
                {
                  "a": [
                    1,
                    {
                      "b": "x, {y}: [z]\\""
                    }
                  ],
                  "e": {},
                  "f": []
                }""");
    }
}
