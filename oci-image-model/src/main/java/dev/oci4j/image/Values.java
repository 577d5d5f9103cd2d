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

    static List<String> strings(Collection<? extends String> values, String what) {
        return list(values, what);
    }

    /** A copy; a null element is a {@link NullPointerException} naming its index ({@code cmd[1] is null}). */
    static <T> List<T> list(Collection<? extends T> values, String what) {
        Objects.requireNonNull(values, what);
        List<T> out = new ArrayList<>(values.size());
        int i = 0;
        for (T v : values) {
            if (v == null) {
                throw new NullPointerException(what + "[" + i + "] is null");
            }
            out.add(v);
            i++;
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code values} with {@code item} appended. */
    static <T> List<T> add(List<T> values, T item, String what) {
        List<T> out = new ArrayList<>(values == null ? List.of() : values);
        out.add(Objects.requireNonNull(item, what));
        return Collections.unmodifiableList(out);
    }

    /** {@code values} with {@code key} set to {@code value}, sorted. */
    static Map<String, String> put(Map<String, String> values, String key, String value, String what) {
        Map<String, String> out = new TreeMap<>(values);
        out.put(Objects.requireNonNull(key, what + " key"),
                Objects.requireNonNull(value, what + "[\"" + key + "\"] is null"));
        return Collections.unmodifiableMap(out);
    }

    /** {@code values} without {@code key}, in the same order. */
    static Map<String, String> remove(Map<String, String> values, String key, String what) {
        Objects.requireNonNull(key, what + " key");
        Map<String, String> out = new LinkedHashMap<>(values);
        out.remove(key);
        return Collections.unmodifiableMap(out);
    }

    /** {@code extensions} with one more raw JSON member, checked as {@link #extensions} checks. */
    static Map<String, String> putExtension(Map<String, String> extensions, String key, String rawJson,
            Set<String> known) {
        Map<String, String> out = new LinkedHashMap<>(extensions);
        out.put(Objects.requireNonNull(key, "extension key"), Objects.requireNonNull(rawJson, "rawJson"));
        return extensions(out, known);
    }

    /**
     * A scalar member Go omits when empty: {@code ""} would silently vanish, so it is refused and the
     * message points to the clearer instead (docs/architecture.md, Vocabulary).
     */
    static String notEmpty(String value, String owner, String member) {
        Objects.requireNonNull(value, member);
        if (value.isEmpty()) {
            String clear = "clear" + Character.toUpperCase(member.charAt(0)) + member.substring(1) + "()";
            throw new IllegalArgumentException(owner + "." + member + " must not be empty: an empty " + member
                    + " is left out of the JSON; call " + clear + " to leave it out");
        }
        return value;
    }

    /** A REQUIRED member at {@code build()}: an incomplete builder is an {@link IllegalStateException}. */
    static <T> T required(T value, String owner, String member) {
        if (value == null) {
            throw new IllegalStateException(owner + ": " + member + " is REQUIRED and was not set; call "
                    + member + "(...)");
        }
        return value;
    }

    /** Sorted, as Go writes map keys. */
    static Map<String, String> map(Map<String, String> values, String what) {
        Objects.requireNonNull(values, what);
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(Objects.requireNonNull(k, what + " key is null"),
                Objects.requireNonNull(v, what + "[\"" + k + "\"] is null")));
        return Collections.unmodifiableMap(out);
    }

    static Set<String> set(Collection<? extends String> values, String what) {
        return Collections.unmodifiableSet(new TreeSet<>(list(values, what)));
    }

    /** {@code values} with {@code item} added, sorted. */
    static Set<String> add(Set<String> values, String item, String what) {
        Set<String> out = new TreeSet<>(values);
        out.add(Objects.requireNonNull(item, what));
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
