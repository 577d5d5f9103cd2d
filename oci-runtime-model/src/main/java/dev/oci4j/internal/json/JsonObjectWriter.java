package dev.oci4j.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes one JSON object member by member, in the order of the calls: callers follow the Go
 * reference struct's field order. {@code put} always writes (Go fields without omitempty);
 * {@code putIfPresent}/{@code putIfNotEmpty} follow Go's omitempty. Maps are written with sorted keys,
 * as Go's encoder does. Unknown members are appended last with {@link #extensions(Map)}.
 *
 * <pre>{@code
 * new JsonObjectWriter()
 *     .put("schemaVersion", 2)
 *     .putIfPresent("mediaType", m.mediaType().map(MediaType::value))
 *     .putObjects("layers", m.layers(), DescriptorJson::write)   // "layers": [] when empty
 *     .putIfNotEmpty("annotations", m.annotations())
 *     .extensions(m.extensions())
 *     .node();
 * }</pre>
 */
public final class JsonObjectWriter {

    private final ObjectNode node = Json.newObject();

    public JsonObjectWriter put(String key, String value) {
        node.put(key, value);
        return this;
    }

    public JsonObjectWriter put(String key, long value) {
        node.put(key, value);
        return this;
    }

    public JsonObjectWriter put(String key, boolean value) {
        node.put(key, value);
        return this;
    }

    public JsonObjectWriter put(String key, JsonNode value) {
        node.set(key, value);
        return this;
    }

    /** A Go uint64 carried in a long's 64 bits. */
    public JsonObjectWriter putUnsigned(String key, long value) {
        node.put(key, value >= 0 ? BigInteger.valueOf(value) : new BigInteger(Long.toUnsignedString(value)));
        return this;
    }

    public JsonObjectWriter putIfPresent(String key, Optional<String> value) {
        value.ifPresent(v -> node.put(key, v));
        return this;
    }

    public JsonObjectWriter putIfPresent(String key, OptionalLong value) {
        value.ifPresent(v -> node.put(key, v));
        return this;
    }

    public JsonObjectWriter putUnsignedIfPresent(String key, OptionalLong value) {
        value.ifPresent(v -> putUnsigned(key, v));
        return this;
    }

    public JsonObjectWriter putBooleanIfPresent(String key, Optional<Boolean> value) {
        value.ifPresent(v -> node.put(key, v));
        return this;
    }

    /** omitempty for strings: "" is left out. */
    public JsonObjectWriter putIfNotEmpty(String key, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(key, value);
        }
        return this;
    }

    /** omitempty for bool: false is left out. */
    public JsonObjectWriter putIfTrue(String key, boolean value) {
        if (value) {
            node.put(key, true);
        }
        return this;
    }

    /** omitempty for numbers: 0 is left out. */
    public JsonObjectWriter putIfNotZero(String key, long value) {
        if (value != 0) {
            node.put(key, value);
        }
        return this;
    }

    /** An array of strings, written even when empty. */
    public JsonObjectWriter putStrings(String key, Collection<String> values) {
        ArrayNode array = node.putArray(key);
        values.forEach(array::add);
        return this;
    }

    /** omitempty for string slices. */
    public JsonObjectWriter putStringsIfNotEmpty(String key, Collection<String> values) {
        return values.isEmpty() ? this : putStrings(key, values);
    }

    /** A string map with sorted keys, written even when empty. */
    public JsonObjectWriter putMap(String key, Map<String, String> values) {
        ObjectNode obj = node.putObject(key);
        new TreeMap<>(values).forEach(obj::put);
        return this;
    }

    /** omitempty for string maps; keys sorted. */
    public JsonObjectWriter putIfNotEmpty(String key, Map<String, String> values) {
        return values.isEmpty() ? this : putMap(key, values);
    }

    /** A set written as an object of empty objects ({@code {"80/tcp":{}}}), keys sorted; omitted when empty. */
    public JsonObjectWriter putKeySetIfNotEmpty(String key, Collection<String> keys) {
        if (!keys.isEmpty()) {
            ObjectNode obj = node.putObject(key);
            keys.stream().sorted().forEach(k -> obj.putObject(k));
        }
        return this;
    }

    /** A nested object; omitted when absent. */
    public <T> JsonObjectWriter putObjectIfPresent(String key, Optional<T> value, Function<T, JsonNode> writer) {
        value.ifPresent(v -> node.set(key, writer.apply(v)));
        return this;
    }

    /** An array of objects, written even when empty. */
    public <T> JsonObjectWriter putObjects(String key, List<T> values, Function<T, JsonNode> writer) {
        ArrayNode array = node.putArray(key);
        values.forEach(v -> array.add(writer.apply(v)));
        return this;
    }

    /**
     * An array of objects Go always writes (no omitempty), left out only when {@code values} is null:
     * a parsed document lacked the member, and writing {@code []} would make a different document.
     */
    public <T> JsonObjectWriter putObjectsUnlessAbsent(String key, List<T> values, Function<T, JsonNode> writer) {
        return values == null ? this : putObjects(key, values, writer);
    }

    /** omitempty for slices of objects. */
    public <T> JsonObjectWriter putObjectsIfNotEmpty(String key, List<T> values, Function<T, JsonNode> writer) {
        return values.isEmpty() ? this : putObjects(key, values, writer);
    }

    /** A map of objects, keys sorted; omitted when empty. */
    public <T> JsonObjectWriter putObjectMapIfNotEmpty(String key, Map<String, T> values, Function<T, JsonNode> writer) {
        if (!values.isEmpty()) {
            ObjectNode obj = node.putObject(key);
            new TreeMap<>(values).forEach((k, v) -> obj.set(k, writer.apply(v)));
        }
        return this;
    }

    /**
     * Appends the members this model does not know, in the order they were read, after the known
     * ones. A known key is never overwritten by an extension of the same name.
     */
    public JsonObjectWriter extensions(Map<String, String> extensions) {
        extensions.forEach((k, raw) -> {
            if (!node.has(k)) {
                node.set(k, Json.parseValue(raw));
            }
        });
        return this;
    }

    /** A Go integer of {@code type}: uint64 values are written unsigned. */
    public JsonObjectWriter put(String key, long value, IntType type) {
        return type == IntType.U64 ? putUnsigned(key, value) : put(key, value);
    }

    /** omitempty for Go integers: 0 is left out. */
    public JsonObjectWriter putIfNotZero(String key, long value, IntType type) {
        return value == 0 ? this : put(key, value, type);
    }

    /** A Go pointer to an integer: written when present. */
    public JsonObjectWriter putIfPresent(String key, OptionalLong value, IntType type) {
        value.ifPresent(v -> put(key, v, type));
        return this;
    }

    /** omitempty for integer slices. */
    public JsonObjectWriter putIntegersIfNotEmpty(String key, List<Long> values, IntType type) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(key);
            for (long v : values) {
                array.add(type == IntType.U64 && v < 0 ? new BigInteger(Long.toUnsignedString(v)) : BigInteger.valueOf(v));
            }
        }
        return this;
    }

    /** A member given as raw JSON text (Go {@code interface{}}); omitted when absent. */
    public JsonObjectWriter putRawIfPresent(String key, Optional<String> rawJson) {
        rawJson.ifPresent(v -> node.set(key, Json.parseValue(v)));
        return this;
    }

    public ObjectNode node() {
        return node;
    }
}
