package dev.oci4j.image;

import dev.oci4j.internal.json.Json;
import dev.oci4j.internal.json.JsonFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Defensive copies and shared parsing steps for the model classes of this package. */
final class Values {

    private Values() {
    }

    static List<String> strings(Collection<String> values, String what) {
        Objects.requireNonNull(values, what);
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(Objects.requireNonNull(v, what + " element"));
        }
        return Collections.unmodifiableList(out);
    }

    static <T> List<T> list(Collection<? extends T> values, String what) {
        Objects.requireNonNull(values, what);
        List<T> out = new ArrayList<>(values.size());
        for (T v : values) {
            out.add(Objects.requireNonNull(v, what + " element"));
        }
        return Collections.unmodifiableList(out);
    }

    /** Sorted, as Go writes map keys. */
    static Map<String, String> map(Map<String, String> values, String what) {
        Objects.requireNonNull(values, what);
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(Objects.requireNonNull(k, what + " key"),
                Objects.requireNonNull(v, what + " value")));
        return Collections.unmodifiableMap(out);
    }

    static Set<String> set(Collection<String> values, String what) {
        Objects.requireNonNull(values, what);
        Set<String> out = new TreeSet<>();
        for (String v : values) {
            out.add(Objects.requireNonNull(v, what + " element"));
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * Unknown members in the given order; values are raw JSON text, checked to be one JSON value.
     *
     * @throws IllegalArgumentException when a key is one the model maps, or a value is not JSON
     */
    static Map<String, String> extensions(Map<String, String> values, Set<String> known) {
        Objects.requireNonNull(values, "extensions");
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Objects.requireNonNull(k, "extension key");
            Objects.requireNonNull(v, "extension value");
            if (known.contains(k)) {
                throw new IllegalArgumentException("\"" + k + "\" is a known member, not an extension");
            }
            // Stored compact, as the parser stores them, so equal content compares equal.
            com.fasterxml.jackson.databind.JsonNode node = Json.parseValue(v);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("extension \"" + k + "\" is not a JSON value: \"" + v + "\"");
            }
            out.put(k, Json.text(node));
        });
        return Collections.unmodifiableMap(out);
    }

    static Set<String> orderedSet(Collection<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** Reads a digest member, turning a grammar violation into a format error at its pointer. */
    static Digest digest(JsonFields f, String key, String text) {
        try {
            return Digest.parse(text);
        } catch (DigestFormatException e) {
            throw new ImageFormatException(e.reason(), f.pointer(key), e.getMessage(), e);
        }
    }

    static MediaType mediaType(String text) {
        return text == null || text.isBlank() ? null : MediaType.of(text);
    }
}
