package dev.oci4j.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.validation.FormatReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the members of one JSON object, knowing its JSON pointer so every error names where it is.
 * {@code null} means absent (as Go's encoding/json reads it). Every member read is remembered, so
 * {@link #unknown()} returns exactly the members the model does not know, to be kept and written back.
 *
 * Every problem is the calling codec's exception (made by the root's {@link FormatErrors}) with its
 * {@link FormatReason} and the member's pointer.
 *
 * <pre>{@code
 * JsonFields f = JsonFields.of(tree, "", RuntimeFormatException::new);
 * OptionalLong hard = f.integer("hard", IntType.U64); // WRONG_TYPE at "/hard": expected an integer, found string "x"
 * List<Mount> mounts = f.objectList("mounts", Mount::fromJson);
 * }</pre>
 */
public final class JsonFields {

    /** 2^64 has 20 digits: a number with more integer digits is out of range for every Go integer type. */
    private static final int MAX_INTEGER_DIGITS = 20;

    private final ObjectNode node;
    private final String pointer;
    private final FormatErrors errors;
    private final Set<String> read = new HashSet<>();

    private JsonFields(ObjectNode node, String pointer, FormatErrors errors) {
        this.node = node;
        this.pointer = pointer;
        this.errors = errors;
    }

    /**
     * Reads {@code value}, which must be a JSON object, found at {@code pointer}; every problem below
     * it is made by {@code errors}.
     */
    public static JsonFields of(JsonNode value, String pointer, FormatErrors errors) {
        if (!value.isObject()) {
            throw wrongType(errors, pointer, "an object", value);
        }
        return new JsonFields((ObjectNode) value, pointer, errors);
    }

    /** A nested object of this document, read with the same errors. */
    private JsonFields child(JsonNode value, String at) {
        return of(value, at, errors);
    }

    /** This object's JSON pointer ("" for the root). */
    public String pointer() {
        return pointer;
    }

    /** The pointer of member {@code key}. */
    public String pointer(String key) {
        return Json.pointer(pointer, key);
    }

    /** A problem of kind {@code reason} at member {@code key}, as the codec's exception. */
    public RuntimeException error(FormatReason reason, String key, String detail) {
        return errors.error(reason, pointer(key), detail, null);
    }

    /** The same, with the exception that explains it. */
    public RuntimeException error(FormatReason reason, String key, String detail, Throwable cause) {
        return errors.error(reason, pointer(key), detail, cause);
    }

    /** The raw member, absent when missing or null. */
    public Optional<JsonNode> node(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    public Optional<String> string(String key) {
        return node(key).map(v -> asString(v, pointer(key)));
    }

    /**
     * A string member Go writes with omitempty: {@code ""} is the same value as absent (Go reads both
     * as "" and writes neither), so it reads as empty and a round trip keeps it.
     */
    public Optional<String> omitemptyString(String key) {
        return string(key).filter(s -> !s.isEmpty());
    }

    /** A string member the model cannot do without; absent or null is MISSING_MEMBER. */
    public String requiredString(String key) {
        return string(key).orElseThrow(() -> missing(key, "a string"));
    }

    public Optional<Boolean> bool(String key) {
        return node(key).map(v -> {
            if (!v.isBoolean()) {
                throw wrongType(pointer(key), "true or false", v);
            }
            return v.booleanValue();
        });
    }

    /** A signed integer that fits in a Java long (Go int, int64). */
    public OptionalLong longValue(String key) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(fit(integer(v.get(), pointer(key), IntType.I64), pointer(key), IntType.I64));
    }

    /** A signed 64-bit integer the model cannot do without; absent or null is MISSING_MEMBER. */
    public long requiredLong(String key) {
        OptionalLong v = longValue(key);
        if (v.isEmpty()) {
            throw missing(key, "an integer");
        }
        return v.getAsLong();
    }

    /** A signed integer that fits in a Java int (Go int32; also used for small Go ints). */
    public Optional<Integer> intValue(String key) {
        OptionalLong v = longValue(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((int) fit(BigInteger.valueOf(v.getAsLong()), pointer(key), IntType.I32));
    }

    /**
     * A Go uint64 (0 to 2^64-1), returned in a long's 64 bits: read it back with
     * {@link Long#toUnsignedString(long)}.
     */
    public OptionalLong unsignedLong(String key) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(fit(integer(v.get(), pointer(key), IntType.U64), pointer(key), IntType.U64));
    }

    /** An array of strings; empty when absent. */
    public List<String> stringList(String key) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return List.of();
        }
        JsonNode array = array(v.get(), pointer(key));
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(asString(array.get(i), Json.pointer(pointer(key), i)));
        }
        return Collections.unmodifiableList(out);
    }

    /** An object of string values, in document order; empty when absent. */
    public Map<String, String> stringMap(String key) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return Map.of();
        }
        JsonFields obj = child(v.get(), pointer(key));
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), asString(e.getValue(), obj.pointer(e.getKey())));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The keys of an object used as a set, such as {@code "ExposedPorts": {"80/tcp": {}}}; empty when
     * absent. The values are {@code {}} in the spec; any other value is kept by nobody, so it is not read.
     */
    public Set<String> keySet(String key) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return Set.of();
        }
        JsonFields obj = child(v.get(), pointer(key));
        Set<String> out = new LinkedHashSet<>();
        obj.node.fieldNames().forEachRemaining(out::add);
        return Collections.unmodifiableSet(out);
    }

    /** A nested object mapped by {@code reader}; empty when absent. */
    public <T> Optional<T> object(String key, Function<JsonFields, T> reader) {
        return node(key).map(v -> reader.apply(child(v, pointer(key))));
    }

    /** A nested object the model cannot do without; absent or null is MISSING_MEMBER. */
    public <T> T requiredObject(String key, Function<JsonFields, T> reader) {
        return object(key, reader).orElseThrow(() -> missing(key, "an object"));
    }

    /** An array of objects, each mapped by {@code reader}; empty when absent. */
    public <T> List<T> objectList(String key, Function<JsonFields, T> reader) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return List.of();
        }
        JsonNode array = array(v.get(), pointer(key));
        List<T> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(reader.apply(child(array.get(i), Json.pointer(pointer(key), i))));
        }
        return Collections.unmodifiableList(out);
    }

    /** An object whose values are objects, each mapped by {@code reader}, in document order. */
    public <T> Map<String, T> objectMap(String key, Function<JsonFields, T> reader) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return Map.of();
        }
        JsonFields obj = child(v.get(), pointer(key));
        Map<String, T> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), reader.apply(child(e.getValue(), obj.pointer(e.getKey()))));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The members not read so far, as compact JSON text in document order: the fields this
     * version of the model does not know, kept so a read-modify-write loses nothing.
     * Call it after reading every known member.
     */
    public Map<String, String> unknown() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!read.contains(e.getKey())) {
                out.put(e.getKey(), Json.text(e.getValue()));
            }
        }
        return out.isEmpty() ? Map.of() : Collections.unmodifiableMap(out);
    }

    /** Sorted copy, for maps whose keys are written sorted. */
    public static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** An integer of Go type {@code type}; out-of-range values are format errors. Unsigned 64-bit values use all 64 bits. */
    public OptionalLong integer(String key, IntType type) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(fit(integer(v.get(), pointer(key), type), pointer(key), type));
    }

    /** An array of integers of Go type {@code type}; empty when absent. */
    public List<Long> integerList(String key, IntType type) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return List.of();
        }
        JsonNode array = array(v.get(), pointer(key));
        List<Long> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = Json.pointer(pointer(key), i);
            out.add(fit(integer(array.get(i), at, type), at, type));
        }
        return Collections.unmodifiableList(out);
    }

    /** The raw member as compact JSON text, for members typed {@code interface{}} in Go. */
    public Optional<String> raw(String key) {
        return node(key).map(Json::text);
    }

    private String asString(JsonNode v, String at) {
        if (!v.isTextual()) {
            throw wrongType(at, "a string", v);
        }
        return v.textValue();
    }

    private JsonNode array(JsonNode v, String at) {
        if (!v.isArray()) {
            throw wrongType(at, "an array", v);
        }
        return v;
    }

    /**
     * The integer value of a JSON number, for Go type {@code type}. 12.0 and 1e3 are integers in
     * JSON's number model, 1.5 is not. Magnitude is judged from precision and scale before any
     * conversion: 1e999999999 would otherwise become a number of a billion digits.
     */
    private BigInteger integer(JsonNode v, String at, IntType type) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue();
        }
        if (Json.isUnconvertedNumber(v)) {
            throw outOfRange(at, Json.unconvertedNumberText(v), type);
        }
        if (!v.isNumber()) {
            throw wrongType(at, "an integer", v);
        }
        BigDecimal d = v.decimalValue();
        if (d.signum() == 0) {
            return BigInteger.ZERO;
        }
        long integerDigits = (long) d.precision() - d.scale();
        if (d.scale() > 0 && integerDigits <= 0) {
            throw wrongType(at, "an integer", v); // 0 < |d| < 1
        }
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw outOfRange(at, v.asText(), type);
        }
        try {
            return d.toBigIntegerExact(); // at most 20 integer digits and a scale below the precision: cheap
        } catch (ArithmeticException e) {
            throw wrongType(at, "an integer", v);
        }
    }

    /** {@code value} as a long of Go type {@code type}, or NUMBER_OUT_OF_RANGE at {@code at}. */
    private long fit(BigInteger value, String at, IntType type) {
        if (!type.holds(value)) {
            throw outOfRange(at, value.toString(), type);
        }
        return value.longValue();
    }

    private RuntimeException missing(String key, String what) {
        return error(FormatReason.MISSING_MEMBER, key, "required member \"" + key + "\" is missing, expected " + what);
    }

    private RuntimeException wrongType(String at, String expected, JsonNode found) {
        return wrongType(errors, at, expected, found);
    }

    private static RuntimeException wrongType(FormatErrors errors, String at, String expected, JsonNode found) {
        return errors.error(FormatReason.WRONG_TYPE, at, "expected " + expected + ", found " + describe(found));
    }

    private RuntimeException outOfRange(String at, String number, IntType type) {
        return errors.error(FormatReason.NUMBER_OUT_OF_RANGE, at,
                "number " + Json.abbreviate(number) + " is out of range for " + type.description());
    }

    /** "string \"abc\"", "number 12", "object", ... for error messages. */
    public static String describe(JsonNode v) {
        JsonNodeType t = v.getNodeType();
        return switch (t) {
            case STRING -> "string \"" + abbreviate(v.textValue()) + "\"";
            case NUMBER -> "number " + abbreviate(v.asText());
            case POJO -> Json.isUnconvertedNumber(v) ? "number " + abbreviate(Json.unconvertedNumberText(v)) : "a value";
            case BOOLEAN -> "boolean " + v.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> t.name().toLowerCase();
        };
    }

    private static String abbreviate(String s) {
        return Json.abbreviate(s);
    }
}
