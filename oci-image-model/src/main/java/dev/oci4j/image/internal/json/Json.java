package dev.oci4j.image.internal.json;

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
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageFormatException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one configured Jackson mapper of this module, used only as a tree reader and writer:
 * duplicate keys are an error (I-JSON), nesting is bounded so hostile input cannot overflow the
 * stack, numbers keep their exact text, and output is compact UTF-8. Every failure to read is an
 * {@link ImageFormatException} with a {@link Reason} and, where one exists, the JSON pointer of the
 * value at fault. Model mapping happens on the tree in {@link JsonFields} and {@link JsonObjectWriter}.
 */
public final class Json {

    /** Real OCI documents nest fewer than 10 levels; 64 leaves room and stops stack-exhaustion attacks. */
    public static final int MAX_NESTING_DEPTH = 64;

    /**
     * The longest number token, in characters (Jackson's default, stated here because the time spent on
     * a number depends on it: converting a number of n digits costs up to n squared).
     */
    public static final int MAX_NUMBER_LENGTH = 1000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            // One level above ours, so the tree reader meets the limit first and names it.
                            .maxNestingDepth(MAX_NESTING_DEPTH + 1)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
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
     * @throws ImageFormatException naming the reason and, except for syntax errors (which carry line
     *     and column in the detail), the pointer of the value at fault
     */
    public static JsonNode readTree(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ImageFormatException(Reason.MALFORMED_JSON, "", "document is empty, expected JSON");
        }
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            TreeReader reader = new TreeReader(parser);
            JsonToken first = reader.next();
            if (first == null) {
                throw new ImageFormatException(Reason.MALFORMED_JSON, "", "document is empty, expected JSON");
            }
            JsonNode root = reader.value(first, "", 0);
            if (reader.next() != null) {
                throw new ImageFormatException(Reason.MALFORMED_JSON, "", "malformed JSON" + at(parser.currentLocation())
                        + ": content after the end of the document");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // Met outside a value the reader was reading: still a token too long.
            throw new ImageFormatException(Reason.TOO_LARGE, "", tooLong(e));
        } catch (IOException e) {
            // Parsing a byte array does no I/O: this is JSON Jackson cannot tokenize, or bytes that are
            // not UTF-8 (CharConversionException is an IOException but no JsonProcessingException).
            throw new ImageFormatException(Reason.MALFORMED_JSON, "", malformed(e), e);
        }
    }

    /**
     * Builds the tree token by token, knowing the pointer of every value, so that duplicate members,
     * nesting and unrepresentable numbers are reported where they are. Recursion is bounded by
     * {@link #MAX_NESTING_DEPTH}.
     */
    private static final class TreeReader {
        private final JsonParser parser;
        private final JsonNodeFactory nodes = MAPPER.getNodeFactory();

        TreeReader(JsonParser parser) {
            this.parser = parser;
        }

        /** The next token. */
        JsonToken next() throws IOException {
            try {
                return parser.nextToken();
            } catch (StreamConstraintsException e) {
                // Jackson reads a member's scalar value together with its name, so the parser's own
                // context, not the caller's, knows which value was too long.
                throw new ImageFormatException(Reason.TOO_LARGE, parser.getParsingContext().pathAsPointer().toString(),
                        tooLong(e));
            }
        }

        JsonNode value(JsonToken token, String at, int depth) throws IOException {
            if (token == null) {
                throw new ImageFormatException(Reason.MALFORMED_JSON, "", "malformed JSON"
                        + Json.at(parser.currentLocation()) + ": the document ends inside a value");
            }
            switch (token) {
                case START_OBJECT -> {
                    checkDepth(at, depth + 1);
                    ObjectNode object = nodes.objectNode();
                    for (JsonToken t = next(); t != JsonToken.END_OBJECT; t = next()) {
                        String name = parser.currentName();
                        String child = pointer(at, name);
                        checkScalarValues(name, child);
                        if (object.has(name)) {
                            throw new ImageFormatException(Reason.DUPLICATE_KEY, child, "member \"" + abbreviate(name)
                                    + "\" appears twice in one object; I-JSON (RFC 7493) allows each name once");
                        }
                        object.set(name, value(next(), child, depth + 1));
                    }
                    return object;
                }
                case START_ARRAY -> {
                    checkDepth(at, depth + 1);
                    ArrayNode array = nodes.arrayNode();
                    for (JsonToken t = next(); t != JsonToken.END_ARRAY; t = next()) {
                        array.add(value(t, pointer(at, array.size()), depth + 1));
                    }
                    return array;
                }
                default -> {
                    try {
                        return scalar(token, at);
                    } catch (StreamConstraintsException e) {
                        throw new ImageFormatException(Reason.TOO_LARGE, at, tooLong(e));
                    }
                }
            }
        }

        private JsonNode scalar(JsonToken token, String at) throws IOException {
            return switch (token) {
                case VALUE_STRING -> nodes.textNode(checkScalarValues(parser.getText(), at));
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> {
                    try {
                        yield nodes.numberNode(parser.getDecimalValue());
                    } catch (NumberFormatException e) {
                        // BigDecimal holds exponents within 32 bits; 1e9999999999 is beyond any number type.
                        throw new ImageFormatException(Reason.NUMBER_OUT_OF_RANGE, at, "number "
                                + abbreviate(parser.getText()) + " is out of range: its exponent exceeds 32 bits");
                    }
                }
                case VALUE_TRUE -> nodes.booleanNode(true);
                case VALUE_FALSE -> nodes.booleanNode(false);
                case VALUE_NULL -> nodes.nullNode();
                default -> throw new ImageFormatException(Reason.MALFORMED_JSON, at, "unexpected JSON token " + token);
            };
        }

        /**
         * Refuses an unpaired surrogate (a lone high or low surrogate escape): I-JSON (RFC 7493 section 2.1)
         * allows only Unicode scalar values, and UTF-8 cannot write it back, so a round trip would
         * change the text.
         */
        private static String checkScalarValues(String text, String at) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new ImageFormatException(Reason.MALFORMED_JSON, at, String.format("string has an unpaired"
                            + " surrogate \\u%04x at index %d; I-JSON (RFC 7493) allows only Unicode scalar values",
                            (int) c, i));
                }
            }
            return text;
        }

        private void checkDepth(String at, int depth) {
            if (depth > MAX_NESTING_DEPTH) {
                throw new ImageFormatException(Reason.TOO_DEEP, at, "JSON nests deeper than " + MAX_NESTING_DEPTH
                        + " levels" + Json.at(parser.currentLocation()));
            }
        }
    }

    private static String tooLong(StreamConstraintsException e) {
        return "a token is longer than the parser allows" + at(e.getLocation()) + ": " + plain(e.getOriginalMessage());
    }

    private static String malformed(IOException e) {
        if (e instanceof JsonProcessingException j) {
            return "malformed JSON" + at(j.getLocation()) + ": " + plain(j.getOriginalMessage());
        }
        return "malformed JSON: " + e.getMessage();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
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

    /**
     * Parses a JSON value given as text, such as a stored unknown field, by the rules of documents.
     *
     * @throws IllegalArgumentException when the text is not one JSON value the codec would read
     */
    public static JsonNode parseValue(String json) {
        try {
            return readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (ImageFormatException e) {
            throw new IllegalArgumentException("not a JSON value: " + abbreviate(json) + " (" + e.getMessage() + ")", e);
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
