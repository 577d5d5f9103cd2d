package dev.oci4j.distribution.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.DistributionFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The module's Jackson use, behind its wall: strict reading into trees, ordered compact writing. */
public final class Json {

    /** Registry bodies nest a few levels; 64 stops stack exhaustion. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(1000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /**
     * Reads one JSON object.
     *
     * @throws DistributionFormatException when the bytes are not one JSON object
     */
    public static ObjectNode readObject(byte[] bytes, String what) {
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            node = MAPPER.readTree(parser);
        } catch (StreamConstraintsException e) {
            throw new DistributionFormatException(Reason.MALFORMED_JSON, "", what + " exceeds a parser limit: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage();
            throw new DistributionFormatException(Reason.MALFORMED_JSON, "", what + " is not JSON: "
                    + (m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m)), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new DistributionFormatException(Reason.MALFORMED_JSON, "", what + " is empty, expected a JSON object");
        }
        if (!node.isObject()) {
            throw new DistributionFormatException(Reason.WRONG_TYPE, "", what + " must be a JSON object, found "
                    + node.getNodeType().toString().toLowerCase());
        }
        return (ObjectNode) node;
    }

    /** A string member, absent when missing or null; a non-string is a WRONG_TYPE error at {@code pointer}. */
    public static String string(JsonNode object, String name, String pointer) {
        JsonNode v = object.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(pointer, "a string", v);
        }
        return v.textValue();
    }

    /** An array member of strings; missing or null is an empty list. */
    public static List<String> strings(JsonNode object, String name, String pointer) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(object, name, pointer)) {
            if (!item.isTextual()) {
                throw wrongType(pointer + "/" + out.size(), "a string", item);
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** An array member; missing or null is empty. */
    public static List<JsonNode> array(JsonNode object, String name, String pointer) {
        JsonNode v = object.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrongType(pointer, "an array", v);
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** The members not in {@code known}, as compact raw JSON, in document order. */
    public static Map<String, String> extensions(JsonNode object, Set<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                out.put(e.getKey(), raw(e.getValue()));
            }
        }
        return out;
    }

    /** A node as compact JSON text. */
    public static String raw(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that {@code text} is one JSON value, for raw JSON a caller puts into a model.
     *
     * @throws IllegalArgumentException naming {@code what} when it is not
     */
    public static String checkRaw(String text, String what) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(what + " is empty, expected one JSON value");
            }
            return raw(node);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not one JSON value: " + e.getMessage(), e);
        }
    }

    private static DistributionFormatException wrongType(String pointer, String expected, JsonNode found) {
        return new DistributionFormatException(Reason.WRONG_TYPE, pointer, "expected " + expected + ", found "
                + found.getNodeType().toString().toLowerCase());
    }

    /** Writes one object through {@code body}, compact UTF-8. */
    public static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes extensions after the known members, keys sorted. */
    public static void writeExtensions(JsonGenerator g, Map<String, String> extensions) throws IOException {
        for (Map.Entry<String, String> e : new TreeMap<>(extensions).entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeRawValue(e.getValue());
        }
    }

    /** An unmodifiable copy keeping order. */
    public static Map<String, String> copy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** What writes an object's members. */
    @FunctionalInterface
    public interface Body {
        /** Writes the members. */
        void write(JsonGenerator g) throws IOException;
    }
}
