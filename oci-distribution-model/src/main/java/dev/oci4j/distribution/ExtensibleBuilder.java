package dev.oci4j.distribution;

import dev.oci4j.internal.json.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The unknown members every builder of this package keeps (docs/architecture.md, Vocabulary):
 * {@code extensions(Map)}, {@code putExtension}, {@code removeExtension}, {@code clearExtensions},
 * written once here rather than once per model class. Values are raw JSON text, stored compact as the
 * reader stores them, so equal content compares equal.
 *
 * @param <B> the builder, returned by each method for chaining
 */
abstract class ExtensibleBuilder<B extends ExtensibleBuilder<B>> {

    private final String owner;
    private final Set<String> known;
    private final Map<String, String> extensions = new LinkedHashMap<>();

    ExtensibleBuilder(String owner, Set<String> known) {
        this.owner = owner;
        this.known = known;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Replaces the extensions: members this class does not know, name to raw JSON.
     *
     * @param extensions the members, in the order to write them
     * @return this builder
     * @throws IllegalArgumentException when a key is a member this class knows, or a value is not one JSON value
     */
    public B extensions(Map<String, String> extensions) {
        Objects.requireNonNull(extensions, "extensions");
        this.extensions.clear();
        extensions.forEach(this::putExtension);
        return self();
    }

    /**
     * Adds a member this class does not know, as raw JSON.
     *
     * @param key     the member name
     * @param rawJson its value, one JSON value such as {@code {"a":1}} or {@code "text"}
     * @return this builder
     * @throws IllegalArgumentException when {@code key} is a member this class knows, or {@code rawJson} is
     *                                  not one JSON value
     */
    public B putExtension(String key, String rawJson) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rawJson, "rawJson");
        if (known.contains(key)) {
            throw new IllegalArgumentException("\"" + key + "\" is a member of " + owner + ", not an extension");
        }
        extensions.put(key, raw(rawJson, "extension \"" + key + "\""));
        return self();
    }

    /**
     * Removes one extension; nothing happens when there is none of that name.
     *
     * @param key the member name
     * @return this builder
     */
    public B removeExtension(String key) {
        extensions.remove(Objects.requireNonNull(key, "key"));
        return self();
    }

    /**
     * Removes every extension.
     *
     * @return this builder
     */
    public B clearExtensions() {
        extensions.clear();
        return self();
    }

    /** The extensions as the built object keeps them: an unmodifiable copy in insertion order. */
    final Map<String, String> builtExtensions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * {@code text} as compact JSON when it is one JSON value.
     *
     * @throws IllegalArgumentException naming {@code what} when it is not
     */
    static String raw(String text, String what) {
        try {
            return Json.text(Json.parseValue(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is " + e.getMessage(), e);
        }
    }
}
