package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The kinds of JSON document the image spec defines, each with the model type it reads into and the
 * media type of its descriptor (named apart from the runtime module's document kinds, so both can be
 * imported together). Used with {@link ImageJson#parse} and returned by {@link ImageJson#sniff}.
 *
 * <pre>{@code Parsed<ImageIndex> p = ImageJson.parse(ImageDocument.INDEX, path);}</pre>
 */
public final class ImageDocument<T> {

    /** An image manifest (OCI or Docker v2 schema 2). */
    public static final ImageDocument<ImageManifest> MANIFEST = new ImageDocument<>("manifest", ImageManifest.class,
            MediaType.OCI_MANIFEST, ImageManifest::read, ImageManifest::toJson);
    /** An image index (or Docker manifest list), also an image layout's {@code index.json}. */
    public static final ImageDocument<ImageIndex> INDEX = new ImageDocument<>("index", ImageIndex.class,
            MediaType.OCI_INDEX, ImageIndex::read, ImageIndex::toJson);
    /** An image configuration. */
    public static final ImageDocument<ImageConfiguration> CONFIGURATION = new ImageDocument<>("configuration",
            ImageConfiguration.class, MediaType.OCI_CONFIG, ImageConfiguration::read, ImageConfiguration::toJson);
    /** A content descriptor on its own. */
    public static final ImageDocument<Descriptor> DESCRIPTOR = new ImageDocument<>("descriptor", Descriptor.class,
            MediaType.OCI_DESCRIPTOR, Descriptor::read, Descriptor::toJson);
    /** The {@code oci-layout} file. */
    public static final ImageDocument<ImageLayoutHeader> LAYOUT_HEADER = new ImageDocument<>("layout-header",
            ImageLayoutHeader.class, MediaType.OCI_LAYOUT_HEADER, ImageLayoutHeader::read, ImageLayoutHeader::toJson);

    private final String name;
    private final Class<T> type;
    private final MediaType mediaType;
    private final Function<JsonFields, T> reader;
    private final Function<T, JsonNode> writer;

    private ImageDocument(String name, Class<T> type, MediaType mediaType, Function<JsonFields, T> reader,
            Function<T, JsonNode> writer) {
        this.name = name;
        this.type = type;
        this.mediaType = mediaType;
        this.reader = reader;
        this.writer = writer;
    }

    /** {@return every kind, for listings such as a CLI's help} */
    public static List<ImageDocument<?>> values() {
        return List.of(MANIFEST, INDEX, CONFIGURATION, DESCRIPTOR, LAYOUT_HEADER);
    }

    /**
     * The kind named {@code name} ({@code manifest}, {@code index}, {@code configuration} or
     * {@code config}, {@code descriptor}, {@code layout-header}).
     *
     * @param name the kind's name, as {@link #name()} gives it, or {@code config}
     * @return the kind
     * @throws IllegalArgumentException for any other name
     */
    public static ImageDocument<?> named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equals("config")) {
            return CONFIGURATION;
        }
        for (ImageDocument<?> k : values()) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown document kind \"" + name
                + "\", expected manifest, index, configuration, descriptor or layout-header");
    }

    /**
     * {@return a short name: {@code manifest}, {@code index}, {@code configuration}, {@code descriptor}, {@code layout-header}}
     */
    public String name() {
        return name;
    }

    /** {@return the model class} */
    public Class<T> type() {
        return type;
    }

    /** {@return the OCI media type of this kind of document} */
    public MediaType mediaType() {
        return mediaType;
    }

    T read(JsonFields fields) {
        return reader.apply(fields);
    }

    JsonNode write(T value) {
        return writer.apply(type.cast(Objects.requireNonNull(value, "value")));
    }

    @Override
    public String toString() {
        return name;
    }
}
