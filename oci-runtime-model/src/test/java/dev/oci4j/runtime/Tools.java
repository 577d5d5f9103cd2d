package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Compares JSON as trees (tools are found and run by {@code dev.oci4j.testing}). */
final class Tools {

    private static final ObjectMapper TREES = new ObjectMapper();

    private Tools() {
    }

    static JsonNode tree(byte[] json) throws IOException {
        return TREES.readTree(json);
    }

    static JsonNode parse(String json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode tree) throws IOException {
        return TREES.writeValueAsBytes(tree);
    }

    static JsonNode tree(String json) throws IOException {
        return TREES.readTree(json.getBytes(StandardCharsets.UTF_8));
    }
}
