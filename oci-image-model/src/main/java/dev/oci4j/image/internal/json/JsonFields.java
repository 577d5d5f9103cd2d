package dev.oci4j.image.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageFormatException.Reason;
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
 * Reads the members of one JSON object, knowing its JSON pointer so every error names where it is
 * and why ({@link ImageFormatException} with a {@link Reason}).
 * {@code null} means absent (image-spec: "null means absent"). Every member read is remembered, so
 * {@link #unknown()} returns exactly the members the model does not know, to be kept and written back.
 *
 * <pre>{@code
 * JsonFields f = JsonFields.of(tree, "");
 * long size = f.requiredLong("size");           // WRONG_TYPE at /size: "expected an integer, found string"
 * List<Descriptor> layers = f.objectList("layers", DescriptorJson::read);
 * }</pre>
 */
public final class JsonFields {

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final ObjectNode node;
    private final String pointer;
    private final Set<String> read = new HashSet<>();

    private JsonFields(ObjectNode node, String pointer) {
        this.node = node;
        this.pointer = pointer;
    }

    /** Reads {@code value}, which must be a JSON object, found at {@code pointer}. */
    public static JsonFields of(JsonNode value, String pointer) {
        if (!value.isObject()) {
            throw new ImageFormatException(Reason.WRONG_TYPE, pointer, "expected an object, found " + describe(value));
        }
        return new JsonFields((ObjectNode) value, pointer);
    }

    /** This object's JSON pointer ("" for the root). */
    public String pointer() {
        return pointer;
    }

    /** The pointer of member {@code key}. */
    public String pointer(String key) {
        return Json.pointer(pointer, key);
    }

    /** An error at member {@code key}. */
    public ImageFormatException error(Reason reason, String key, String detail) {
        return new ImageFormatException(reason, pointer(key), detail);
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

    public String requiredString(String key) {
        return string(key).orElseThrow(() -> missing(key, "a string"));
    }

    public Optional<Boolean> bool(String key) {
        return node(key).map(v -> {
            if (!v.isBoolean()) {
                throw error(Reason.WRONG_TYPE, key, "expected true or false, found " + describe(v));
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
        BigInteger big = integer(v.get(), pointer(key));
        if (big.bitLength() > 63) {
            throw error(Reason.NUMBER_OUT_OF_RANGE, key, "integer " + abbreviate(big.toString())
                    + " is out of range for int64");
        }
        return OptionalLong.of(big.longValue());
    }

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
        long l = v.getAsLong();
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw error(Reason.NUMBER_OUT_OF_RANGE, key, "integer " + l + " is out of range for int32");
        }
        return Optional.of((int) l);
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
        BigInteger big = integer(v.get(), pointer(key));
        if (big.signum() < 0 || big.compareTo(UINT64_MAX) > 0) {
            throw error(Reason.NUMBER_OUT_OF_RANGE, key, "integer " + abbreviate(big.toString())
                    + " is out of range for uint64 (0 to 18446744073709551615)");
        }
        return OptionalLong.of(big.longValue());
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
        JsonFields obj = JsonFields.of(v.get(), pointer(key));
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
        JsonFields obj = JsonFields.of(v.get(), pointer(key));
        Set<String> out = new LinkedHashSet<>();
        obj.node.fieldNames().forEachRemaining(out::add);
        return Collections.unmodifiableSet(out);
    }

    /** A nested object mapped by {@code reader}; empty when absent. */
    public <T> Optional<T> object(String key, Function<JsonFields, T> reader) {
        return node(key).map(v -> reader.apply(JsonFields.of(v, pointer(key))));
    }

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
            out.add(reader.apply(JsonFields.of(array.get(i), Json.pointer(pointer(key), i))));
        }
        return Collections.unmodifiableList(out);
    }

    /** An object whose values are objects, each mapped by {@code reader}, in document order. */
    public <T> Map<String, T> objectMap(String key, Function<JsonFields, T> reader) {
        Optional<JsonNode> v = node(key);
        if (v.isEmpty()) {
            return Map.of();
        }
        JsonFields obj = JsonFields.of(v.get(), pointer(key));
        Map<String, T> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), reader.apply(JsonFields.of(e.getValue(), obj.pointer(e.getKey()))));
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

    private ImageFormatException missing(String key, String what) {
        return error(Reason.MISSING_MEMBER, key, "required member \"" + key + "\" is missing, expected " + what);
    }

    private static String asString(JsonNode v, String at) {
        if (!v.isTextual()) {
            throw new ImageFormatException(Reason.WRONG_TYPE, at, "expected a string, found " + describe(v));
        }
        return v.textValue();
    }

    private static JsonNode array(JsonNode v, String at) {
        if (!v.isArray()) {
            throw new ImageFormatException(Reason.WRONG_TYPE, at, "expected an array, found " + describe(v));
        }
        return v;
    }

    private static BigInteger integer(JsonNode v, String at) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue();
        }
        if (!v.isNumber()) {
            throw new ImageFormatException(Reason.WRONG_TYPE, at, "expected an integer, found " + describe(v));
        }
        // Every step below costs time bounded by the token's length (at most Json.MAX_NUMBER_LENGTH):
        // nothing scales a number by its exponent, so 1e999999999 and 1e-999999999 cost what 1e9 does.
        BigDecimal d = v.decimalValue();
        if (d.signum() == 0) {
            return BigInteger.ZERO; // 0e999999999, -0.0
        }
        if (d.precision() - d.scale() > 40) {
            throw new ImageFormatException(Reason.NUMBER_OUT_OF_RANGE, at, "integer " + abbreviate(d.toString())
                    + " is out of range");
        }
        // 12.0 and 1e3 are integers in JSON's number model; 1.5 and 1e-999999999 are not.
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new ImageFormatException(Reason.WRONG_TYPE, at, "expected an integer, found number "
                    + abbreviate(v.asText()));
        }
        return stripped.toBigIntegerExact();
    }

    /** "string \"abc\"", "number 12", "object", ... for error messages. */
    public static String describe(JsonNode v) {
        JsonNodeType t = v.getNodeType();
        return switch (t) {
            case STRING -> "string \"" + abbreviate(v.textValue()) + "\"";
            case NUMBER -> "number " + abbreviate(v.asText());
            case BOOLEAN -> "boolean " + v.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> t.name().toLowerCase();
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
