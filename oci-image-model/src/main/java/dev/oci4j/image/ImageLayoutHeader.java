package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code oci-layout} file of an image layout (image-spec image-layout.md, "oci-layout file").
 *
 * <pre>{@code {"imageLayoutVersion": "1.0.0"}   ImageLayoutHeader.CURRENT}</pre>
 */
public final class ImageLayoutHeader {

    /** The members this model maps; an extension may not reuse them. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("imageLayoutVersion");

    /** The version this library writes. */
    public static final String VERSION = "1.0.0";

    /** {@code {"imageLayoutVersion":"1.0.0"}}. */
    public static final ImageLayoutHeader CURRENT = new ImageLayoutHeader(VERSION, Map.of());

    private final String imageLayoutVersion;
    private final Map<String, String> extensions;

    private ImageLayoutHeader(String imageLayoutVersion, Map<String, String> extensions) {
        this.imageLayoutVersion = imageLayoutVersion;
        this.extensions = extensions;
    }

    /**
     * A header with this version and no other members.
     *
     * @param imageLayoutVersion the {@code imageLayoutVersion}, such as {@link #VERSION}
     * @return the header
     * @throws NullPointerException if {@code imageLayoutVersion} is null
     */
    public static ImageLayoutHeader of(String imageLayoutVersion) {
        return new ImageLayoutHeader(Objects.requireNonNull(imageLayoutVersion, "imageLayoutVersion"), Map.of());
    }

    /** {@return the {@code imageLayoutVersion}} REQUIRED; empty only when a parsed document lacked it. */
    public String imageLayoutVersion() {
        return imageLayoutVersion == null ? "" : imageLayoutVersion;
    }

    /** {@return members this model does not know, as raw JSON text, in document order} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /**
     * A copy with these unknown members (raw JSON text).
     *
     * @param extensions the unknown members by key, each value a JSON text
     * @return the copy
     * @throws IllegalArgumentException when a key is {@code imageLayoutVersion}, or a value is not JSON
     */
    public ImageLayoutHeader withExtensions(Map<String, String> extensions) {
        return new ImageLayoutHeader(imageLayoutVersion, Values.extensions(extensions, KNOWN));
    }

    static ImageLayoutHeader read(JsonFields f) {
        return new ImageLayoutHeader(f.string("imageLayoutVersion").orElse(null), f.unknown());
    }

    JsonNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("imageLayoutVersion", Optional.ofNullable(imageLayoutVersion))
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageLayoutHeader h && Objects.equals(h.imageLayoutVersion, imageLayoutVersion)
                && h.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageLayoutVersion, extensions);
    }

    @Override
    public String toString() {
        return "ImageLayoutHeader{imageLayoutVersion=" + imageLayoutVersion
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet()) + "}";
    }
}
