package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The JSON documents the image spec defines, each with the model type it reads into and the media
 * type of its descriptor. Used with {@link ImageJson#parse} and returned by {@link ImageJson#sniff}.
 *
 * <pre>{@code Parsed<ImageIndex> p = ImageJson.standard().parse(DocumentKind.INDEX, path);}</pre>
 */
public final class DocumentKind<T> {

    /** An image manifest (OCI or Docker v2 schema 2). */
    public static final DocumentKind<ImageManifest> MANIFEST = new DocumentKind<>("manifest", ImageManifest.class,
            MediaType.OCI_MANIFEST, ImageManifest::read, ImageManifest::toJson);
    /** An image index (or Docker manifest list), also an image layout's {@code index.json}. */
    public static final DocumentKind<ImageIndex> INDEX = new DocumentKind<>("index", ImageIndex.class,
            MediaType.OCI_INDEX, ImageIndex::read, ImageIndex::toJson);
    /** An image configuration. */
    public static final DocumentKind<ImageConfiguration> CONFIGURATION = new DocumentKind<>("configuration",
            ImageConfiguration.class, MediaType.OCI_CONFIG, ImageConfiguration::read, ImageConfiguration::toJson);
    /** A content descriptor on its own. */
    public static final DocumentKind<Descriptor> DESCRIPTOR = new DocumentKind<>("descriptor", Descriptor.class,
            MediaType.OCI_DESCRIPTOR, Descriptor::read, Descriptor::toJson);
    /** The {@code oci-layout} file. */
    public static final DocumentKind<ImageLayoutHeader> LAYOUT_HEADER = new DocumentKind<>("layout-header",
            ImageLayoutHeader.class, MediaType.OCI_LAYOUT_HEADER, ImageLayoutHeader::read, ImageLayoutHeader::toJson);

    private final String name;
    private final Class<T> type;
    private final MediaType mediaType;
    private final Function<JsonFields, T> reader;
    private final Function<T, JsonNode> writer;

    private DocumentKind(String name, Class<T> type, MediaType mediaType, Function<JsonFields, T> reader,
            Function<T, JsonNode> writer) {
        this.name = name;
        this.type = type;
        this.mediaType = mediaType;
        this.reader = reader;
        this.writer = writer;
    }

    /** Every kind, for listings such as a CLI's help. */
    public static List<DocumentKind<?>> values() {
        return List.of(MANIFEST, INDEX, CONFIGURATION, DESCRIPTOR, LAYOUT_HEADER);
    }

    /**
     * The kind named {@code name} ({@code manifest}, {@code index}, {@code configuration} or
     * {@code config}, {@code descriptor}, {@code layout-header}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static DocumentKind<?> named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equals("config")) {
            return CONFIGURATION;
        }
        for (DocumentKind<?> k : values()) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown document kind \"" + name
                + "\", expected manifest, index, configuration, descriptor or layout-header");
    }

    /** A short name: {@code manifest}, {@code index}, {@code configuration}, {@code descriptor}, {@code layout-header}. */
    public String name() {
        return name;
    }

    /** The model class. */
    public Class<T> type() {
        return type;
    }

    /** The OCI media type of this kind of document. */
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
