package dev.oci4j.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.oci4j.validation.FormatReason;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The one configured Jackson mapper of oci4j's model modules (the image model reads through it too,
 * by a qualified export), used only as a tree reader and writer: duplicate keys are an error
 * (I-JSON), nesting is bounded so hostile input cannot overflow the stack, numbers keep their exact
 * text, and output is compact UTF-8. Every failure to read is the calling codec's exception, made
 * by its {@link FormatErrors}, with a {@link FormatReason} and, where one exists, the JSON pointer of
 * the value at fault. Model mapping happens on the tree in {@link JsonFields} and {@link JsonObjectWriter}.
 *
 * <p>Trees are built here from the token stream rather than by Jackson's {@code readTree}, so each
 * problem is known by its kind and JSON pointer where it is found (a duplicate key, too deep a
 * nesting, a number no Go type can hold) instead of being told apart later by an exception's text.
 */
public final class Json {

    /** Real OCI documents nest fewer than 10 levels; 64 leaves room and stops stack-exhaustion attacks. */
    public static final int MAX_NESTING_DEPTH = 64;

    /**
     * Numbers with longer text are kept as their text and never converted: no Go integer has more
     * than 20 digits, and converting a 100,000-digit number or {@code 1e9999999999} costs time or
     * fails. 1000 is Jackson's own default limit.
     */
    static final int MAX_CONVERTED_NUMBER_LENGTH = 1000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // The tree reader below enforces depth itself, with a JSON pointer; the token
                    // length limits are lifted because documents are bounded by size before parsing
                    // and long numbers are never converted (see MAX_CONVERTED_NUMBER_LENGTH).
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH + 1)
                            .maxNumberLength(Integer.MAX_VALUE)
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxNameLength(Integer.MAX_VALUE)
                            .build())
                    // Error messages name line and column; echoing the document back helps nobody.
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /**
     * Parses one JSON document into a tree.
     *
     * @throws RuntimeException made by {@code errors}, with reason MALFORMED_JSON, TOO_DEEP or DUPLICATE_KEY
     */
    public static JsonNode readTree(byte[] bytes, FormatErrors errors) {
        if (bytes.length == 0) {
            throw errors.error(FormatReason.MALFORMED_JSON, "", "document is empty, expected JSON");
        }
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw errors.error(FormatReason.MALFORMED_JSON, "", "document is empty, expected JSON");
            }
            JsonNode root = value(parser, errors, first, "", 0);
            if (parser.nextToken() != null) {
                throw errors.error(FormatReason.MALFORMED_JSON, "",
                        "malformed JSON" + at(parser.currentTokenLocation()) + ": content after the end of the document");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // Unreachable with the limits above, kept so a Jackson upgrade with new limits stays a format error.
            throw errors.error(FormatReason.TOO_LARGE, "", "JSON exceeds a parser limit" + at(e.getLocation())
                    + ": " + plain(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw errors.error(FormatReason.MALFORMED_JSON, "", "malformed JSON" + at(e.getLocation())
                    + ": " + plain(e.getOriginalMessage()), e);
        } catch (IOException e) {
            // Bytes in memory: the only I/O failures left are undecodable text (CharConversionException).
            throw errors.error(FormatReason.MALFORMED_JSON, "", "malformed JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode value(JsonParser parser, FormatErrors errors, JsonToken token, String pointer, int depth) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                checkDepth(errors, depth + 1, pointer);
                ObjectNode object = nodes().objectNode();
                for (JsonToken t = next(parser, errors); t != JsonToken.END_OBJECT; t = next(parser, errors)) {
                    String name = parser.currentName();
                    String at = pointer(pointer, name);
                    if (object.has(name)) {
                        throw errors.error(FormatReason.DUPLICATE_KEY, at, "member \"" + abbreviate(name)
                                + "\" appears twice in one object" + at(parser.currentTokenLocation())
                                + "; JSON objects must have unique keys (I-JSON, RFC 7493)");
                    }
                    object.set(name, value(parser, errors, next(parser, errors), at, depth + 1));
                }
                return object;
            }
            case START_ARRAY -> {
                checkDepth(errors, depth + 1, pointer);
                ArrayNode array = nodes().arrayNode();
                int i = 0;
                for (JsonToken t = next(parser, errors); t != JsonToken.END_ARRAY; t = next(parser, errors)) {
                    array.add(value(parser, errors, t, pointer(pointer, i++), depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes().textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return number(parser.getText(), true);
            }
            case VALUE_NUMBER_FLOAT -> {
                return number(parser.getText(), false);
            }
            case VALUE_TRUE -> {
                return nodes().booleanNode(true);
            }
            case VALUE_FALSE -> {
                return nodes().booleanNode(false);
            }
            case VALUE_NULL -> {
                return nodes().nullNode();
            }
            default -> throw errors.error(FormatReason.MALFORMED_JSON, pointer,
                    "malformed JSON" + at(parser.currentTokenLocation()) + ": unexpected " + token);
        }
    }

    /** The next token inside a value; the end of the input there is malformed JSON (Jackson says so first). */
    private static JsonToken next(JsonParser parser, FormatErrors errors) throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw errors.error(FormatReason.MALFORMED_JSON, "", "malformed JSON: unexpected end of the document");
        }
        return t;
    }

    private static void checkDepth(FormatErrors errors, int depth, String pointer) {
        if (depth > MAX_NESTING_DEPTH) {
            throw errors.error(FormatReason.TOO_DEEP, pointer, "JSON nests deeper than " + MAX_NESTING_DEPTH + " levels");
        }
    }

    /**
     * A number node holding the exact value, or, when the text is too long to convert or its
     * exponent does not fit BigDecimal ({@code 1e9999999999}), a node holding the text itself: it is
     * written back unchanged as an unknown member, and {@link JsonFields} reports it as out of range
     * wherever a number is expected.
     */
    private static JsonNode number(String text, boolean integral) {
        if (text.length() <= MAX_CONVERTED_NUMBER_LENGTH) {
            try {
                if (integral) {
                    BigInteger value = new BigInteger(text);
                    return value.bitLength() < 64 ? nodes().numberNode(value.longValue()) : nodes().numberNode(value);
                }
                return nodes().numberNode(new BigDecimal(text));
            } catch (NumberFormatException | ArithmeticException e) {
                // An exponent beyond an int: kept as text below.
            }
        }
        return nodes().rawValueNode(new RawValue(text));
    }

    /** A number {@link #readTree} kept as text because no Java number type holds it cheaply. */
    static boolean isUnconvertedNumber(JsonNode node) {
        return node instanceof POJONode p && p.getPojo() instanceof RawValue;
    }

    /** The text of a number kept as text. */
    static String unconvertedNumberText(JsonNode node) {
        return String.valueOf(((RawValue) ((POJONode) node).getPojo()).rawValue());
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

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /**
     * Parses a JSON value given as text, such as a stored unknown member, with the rules of
     * {@link #readTree}.
     *
     * @throws IllegalArgumentException when it is not exactly one JSON value
     */
    public static JsonNode parseValue(String json) {
        try {
            return readTree(json.getBytes(StandardCharsets.UTF_8), NOT_A_VALUE);
        } catch (NotAValue e) {
            throw new IllegalArgumentException("not a JSON value: " + abbreviate(json) + " (" + e.getMessage() + ")", e);
        }
    }

    /** What {@link #parseValue} turns into an IllegalArgumentException. */
    private static final class NotAValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAValue(String location, String detail, Throwable cause) {
            super(location.isEmpty() ? detail : location + ": " + detail, cause, false, false);
        }
    }

    private static final FormatErrors NOT_A_VALUE = (reason, location, detail, cause) -> new NotAValue(location, detail, cause);

    /** Compact UTF-8 JSON. */
    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON tree", e);
        }
    }

    /**
     * Compact JSON text of one value. Made through the UTF-8 writer, which escapes a lone surrogate
     * (a string read from {@code "\\udc00"}) as {@code \\udc00}: the text is then valid Unicode and
     * survives encoding to UTF-8, where the raw char would become {@code ?}.
     */
    public static String text(JsonNode node) {
        return new String(write(node), StandardCharsets.UTF_8);
    }

    /**
     * Indented UTF-8 JSON as Go's {@code json.MarshalIndent(v, "", "\t")} prints it (and so
     * {@code runc spec}): one member per line, tab indentation, {@code "key": value}, {@code []} and
     * {@code {}} for empty containers, no trailing newline. Unlike Go, it does not apply HTML
     * escaping to {@code <}, {@code >} and {@code &}: the JSON is equal, the bytes of such strings
     * are not.
     */
    public static byte[] writeIndented(JsonNode node) {
        StringBuilder out = new StringBuilder();
        indent(node, 0, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void indent(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject() && node.size() > 0) {
            out.append('{');
            var it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                newline(depth + 1, out);
                out.append(text(nodes().textNode(e.getKey()))).append(": ");
                indent(e.getValue(), depth + 1, out);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            newline(depth, out);
            out.append('}');
        } else if (node.isArray() && node.size() > 0) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                newline(depth + 1, out);
                indent(node.get(i), depth + 1, out);
                if (i < node.size() - 1) {
                    out.append(',');
                }
            }
            newline(depth, out);
            out.append(']');
        } else {
            out.append(text(node));
        }
    }

    private static void newline(int depth, StringBuilder out) {
        out.append('\n');
        out.append("\t".repeat(depth));
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
