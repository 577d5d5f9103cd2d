package dev.oci4j.examples;

import java.util.Optional;
import java.util.Set;

/**
 * What {@code oci validate} knows about a document before choosing its kind: the top-level keys,
 * and the top-level {@code mediaType} when it is a string.
 */
public record DocumentShape(Set<String> keys, Optional<String> mediaType) {

    public boolean has(String key) {
        return keys.contains(key);
    }

    public boolean hasMediaType(String type) {
        return mediaType.filter(type::equals).isPresent();
    }
}
