/*
 * Copied from dev.oci4j.image.internal.json: oci-runtime-model must depend on no other oci4j
 * module (the runtime spec stands alone), so the tree helpers are duplicated here, with the
 * additions the runtime spec needs (Go's uint16/uint32/int32 ranges, an indented writer).
 */
package dev.oci4j.runtime.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

/**
 * The one configured Jackson mapper of this module, used only as a tree reader and writer:
 * duplicate keys are an error (I-JSON), nesting is bounded so hostile input cannot overflow the
 * stack, numbers keep their exact text, and output is compact UTF-8.
 * Model mapping happens on the tree in {@link JsonFields} and {@link JsonObjectWriter}.
 */
public final class Json {

    /** Real OCI documents nest fewer than 10 levels; 64 leaves room and stops stack-exhaustion attacks. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // Error messages name line and column; echoing the document back helps nobody.
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /**
     * Parses one JSON document into a tree.
     *
     * @param error makes the module's format exception from (pointer, message)
     */
    public static JsonNode readTree(byte[] bytes, BiFunction<String, String, RuntimeException> error) {
        if (bytes.length == 0) {
            throw error.apply("", "document is empty, expected JSON");
        }
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw error.apply("", "document is empty, expected JSON");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw error.apply("", "JSON nests deeper than " + MAX_NESTING_DEPTH + " levels" + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw error.apply("", "malformed JSON" + at(e.getLocation()) + ": " + plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Jackson appends "[Source: ...; line: 2, column: 12]" to nested locations; keep only line and column.
    private static final java.util.regex.Pattern SOURCE =
            java.util.regex.Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    static String plain(String jacksonMessage) {
        return SOURCE.matcher(jacksonMessage).replaceAll("line $1, column $2");
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Parses a JSON value given as text, such as a stored unknown field. */
    public static JsonNode parseValue(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + json, e);
        }
    }

    /** Compact UTF-8 JSON. */
    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON tree", e);
        }
    }

    /** Compact JSON text of one value. */
    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON tree", e);
        }
    }

    /**
     * Indented UTF-8 JSON as Go's {@code json.MarshalIndent(v, "", "\t")} prints it (and so
     * {@code runc spec}): one member per line, tab indentation, {@code "key": value}, {@code []} and
     * {@code {}} for empty containers, no trailing newline. Unlike Go, it does not apply HTML
     * escaping to {@code <}, {@code >} and {@code &}: the JSON is equal, the bytes of such strings
     * are not.
     */
    public static byte[] writeIndented(JsonNode node) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        indent(node, 0, out);
        return out.toByteArray();
    }

    // Keys and scalars go through Jackson's UTF-8 generator, as in write(): it escapes a lone
    // surrogate (U+DC00 on its own) as a \\u escape, where encoding a built String would write "?".
    private static void indent(JsonNode node, int depth, java.io.ByteArrayOutputStream out) {
        if (node.isObject() && node.size() > 0) {
            out.write('{');
            var it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                newline(depth + 1, out);
                out.writeBytes(write(nodes().textNode(e.getKey())));
                out.write(':');
                out.write(' ');
                indent(e.getValue(), depth + 1, out);
                if (it.hasNext()) {
                    out.write(',');
                }
            }
            newline(depth, out);
            out.write('}');
        } else if (node.isArray() && node.size() > 0) {
            out.write('[');
            for (int i = 0; i < node.size(); i++) {
                newline(depth + 1, out);
                indent(node.get(i), depth + 1, out);
                if (i < node.size() - 1) {
                    out.write(',');
                }
            }
            newline(depth, out);
            out.write(']');
        } else {
            out.writeBytes(write(node));
        }
    }

    private static void newline(int depth, java.io.ByteArrayOutputStream out) {
        out.write('\n');
        for (int i = 0; i < depth; i++) {
            out.write('\t');
        }
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    /** Appends one reference token to a JSON pointer, escaping {@code ~} and {@code /} (RFC 6901). */
    public static String pointer(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    public static String pointer(String parent, int index) {
        return parent + "/" + index;
    }
}
