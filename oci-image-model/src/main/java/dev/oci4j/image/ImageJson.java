package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.DocumentLimit;
import dev.oci4j.internal.json.Json;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.validation.FormatReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON codec of the image model: reads manifests, indexes, configurations, descriptors and layout
 * headers from bytes, streams and files, and writes compact UTF-8 JSON with keys in the Go reference
 * order, omitempty as the Go tags say, map keys sorted and unknown members kept after the known ones.
 *
 * <p>Reading is lenient about what the spec forbids but the model can hold (the validator reports
 * it) and throws {@link ImageFormatException} with a JSON pointer for what it cannot: malformed JSON,
 * wrong JSON types, digests outside the grammar, bad base64. Documents larger than
 * {@link #maxDocumentSize()} (4 MiB by default, the limit the distribution spec suggests for
 * manifests) are refused before they are parsed.
 *
 * <pre>{@code
 * ImageJson json = ImageJson.standard();
 * Parsed<ImageManifest> p = json.parse(DocumentKind.MANIFEST, Path.of("manifest.json"));
 * byte[] out = json.write(p.value().toBuilder().annotation(Annotations.TITLE, "x").build());
 * }</pre>
 */
public final class ImageJson {

    /** 4 MiB: the size up to which registries must accept manifests (distribution-spec, "Pushing Manifests"). */
    public static final long DEFAULT_MAX_DOCUMENT_SIZE = 4L * 1024 * 1024;

    private static final ImageJson STANDARD = new ImageJson(DEFAULT_MAX_DOCUMENT_SIZE);

    private final long maxDocumentSize;
    private final DocumentLimit limit;

    private ImageJson(long maxDocumentSize) {
        this.maxDocumentSize = maxDocumentSize;
        this.limit = new DocumentLimit(maxDocumentSize, ImageFormatException::new);
    }

    /** The codec with the default 4 MiB document limit. */
    public static ImageJson standard() {
        return STANDARD;
    }

    /**
     * A codec refusing documents larger than {@code maxDocumentSize} bytes.
     *
     * @throws IllegalArgumentException when not positive or above {@code Integer.MAX_VALUE - 8}
     */
    public static ImageJson withMaxDocumentSize(long maxDocumentSize) {
        if (maxDocumentSize <= 0 || maxDocumentSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDocumentSize must be between 1 and " + (Integer.MAX_VALUE - 8)
                    + ", was " + maxDocumentSize);
        }
        return new ImageJson(maxDocumentSize);
    }

    /** The largest document, in bytes, this codec reads. */
    public long maxDocumentSize() {
        return maxDocumentSize;
    }

    // ---- generic reading

    /** Reads a document of {@code kind}, keeping its bytes. */
    public <T> Parsed<T> parse(DocumentKind<T> kind, byte[] bytes) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bytes, "bytes");
        checkSize(bytes.length);
        byte[] copy = bytes.clone();
        return new Parsed<>(kind, kind.read(root(copy)), copy);
    }

    /** Reads a whole stream (not closed), refusing it as soon as it passes the size limit. */
    public <T> Parsed<T> parse(DocumentKind<T> kind, InputStream in) throws IOException {
        Objects.requireNonNull(kind, "kind");
        byte[] bytes = readLimited(in);
        return new Parsed<>(kind, kind.read(root(bytes)), bytes);
    }

    /** Reads a file, refusing it by its size before reading it. */
    public <T> Parsed<T> parse(DocumentKind<T> kind, Path file) throws IOException {
        Objects.requireNonNull(kind, "kind");
        byte[] bytes = readBytes(file);
        return new Parsed<>(kind, kind.read(root(bytes)), bytes);
    }

    public <T> T read(DocumentKind<T> kind, byte[] bytes) {
        Objects.requireNonNull(kind, "kind");
        checkSize(bytes.length);
        return kind.read(root(bytes));
    }

    public <T> T read(DocumentKind<T> kind, InputStream in) throws IOException {
        return parse(kind, in).value();
    }

    public <T> T read(DocumentKind<T> kind, Path file) throws IOException {
        return parse(kind, file).value();
    }

    // ---- bounded reading

    /**
     * The bytes of one whole document from a stream (not closed), for callers that look at the
     * bytes before choosing a kind ({@link #sniff}, a validator). Refuses the stream as soon as it
     * passes {@link #maxDocumentSize()}, so an endless stream costs at most that much memory.
     *
     * @throws ImageFormatException when the stream is longer than the limit
     */
    public byte[] readBytes(InputStream in) throws IOException {
        return readLimited(in);
    }

    /**
     * The bytes of one whole document file. Refused by its size before reading, and again while
     * reading: a device or a file that grows ({@code /dev/zero} reports size 0) stops at the limit.
     *
     * @throws ImageFormatException when the file is larger than the limit
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws IOException when it cannot be read, a directory for instance
     */
    public byte[] readBytes(Path file) throws IOException {
        return limit.read(file);
    }

    // ---- named reading

    public ImageManifest readManifest(byte[] bytes) {
        return read(DocumentKind.MANIFEST, bytes);
    }

    public ImageManifest readManifest(InputStream in) throws IOException {
        return read(DocumentKind.MANIFEST, in);
    }

    public ImageManifest readManifest(Path file) throws IOException {
        return read(DocumentKind.MANIFEST, file);
    }

    public ImageIndex readIndex(byte[] bytes) {
        return read(DocumentKind.INDEX, bytes);
    }

    public ImageIndex readIndex(InputStream in) throws IOException {
        return read(DocumentKind.INDEX, in);
    }

    public ImageIndex readIndex(Path file) throws IOException {
        return read(DocumentKind.INDEX, file);
    }

    public ImageConfiguration readConfiguration(byte[] bytes) {
        return read(DocumentKind.CONFIGURATION, bytes);
    }

    public ImageConfiguration readConfiguration(InputStream in) throws IOException {
        return read(DocumentKind.CONFIGURATION, in);
    }

    public ImageConfiguration readConfiguration(Path file) throws IOException {
        return read(DocumentKind.CONFIGURATION, file);
    }

    public Descriptor readDescriptor(byte[] bytes) {
        return read(DocumentKind.DESCRIPTOR, bytes);
    }

    public Descriptor readDescriptor(InputStream in) throws IOException {
        return read(DocumentKind.DESCRIPTOR, in);
    }

    public Descriptor readDescriptor(Path file) throws IOException {
        return read(DocumentKind.DESCRIPTOR, file);
    }

    public ImageLayoutHeader readLayoutHeader(byte[] bytes) {
        return read(DocumentKind.LAYOUT_HEADER, bytes);
    }

    public ImageLayoutHeader readLayoutHeader(InputStream in) throws IOException {
        return read(DocumentKind.LAYOUT_HEADER, in);
    }

    public ImageLayoutHeader readLayoutHeader(Path file) throws IOException {
        return read(DocumentKind.LAYOUT_HEADER, file);
    }

    // ---- writing

    /** Compact UTF-8 JSON of {@code value}, together with its digest and size. */
    public <T> Parsed<T> encode(DocumentKind<T> kind, T value) {
        Objects.requireNonNull(kind, "kind");
        return new Parsed<>(kind, value, Json.write(kind.write(value)));
    }

    public byte[] write(ImageManifest manifest) {
        return Json.write(DocumentKind.MANIFEST.write(manifest));
    }

    public byte[] write(ImageIndex index) {
        return Json.write(DocumentKind.INDEX.write(index));
    }

    public byte[] write(ImageConfiguration configuration) {
        return Json.write(DocumentKind.CONFIGURATION.write(configuration));
    }

    public byte[] write(Descriptor descriptor) {
        return Json.write(DocumentKind.DESCRIPTOR.write(descriptor));
    }

    public byte[] write(ImageLayoutHeader header) {
        return Json.write(DocumentKind.LAYOUT_HEADER.write(header));
    }

    // ---- sniffing

    /**
     * Guesses what a document is, from its shape first and its {@code mediaType} second:
     * {@code imageLayoutVersion} makes a layout header, a {@code manifests} array an index, a
     * {@code layers} array or a {@code config} descriptor a manifest, {@code digest} with {@code size}
     * a descriptor, {@code rootfs} or {@code architecture} with {@code os} a configuration.
     *
     * @return empty when the document is JSON but none of these (a Docker schema 1 manifest, say)
     * @throws ImageFormatException when it is not a JSON object or is too large
     */
    public Optional<DocumentKind<?>> sniff(byte[] bytes) {
        checkSize(bytes.length);
        JsonNode tree = Json.readTree(bytes, ImageFormatException::new);
        if (!tree.isObject()) {
            throw new ImageFormatException(FormatReason.WRONG_TYPE, "",
                    "expected an object, found " + JsonFields.describe(tree));
        }
        if (tree.has("imageLayoutVersion")) {
            return Optional.of(DocumentKind.LAYOUT_HEADER);
        }
        if (tree.path("manifests").isArray()) {
            return Optional.of(DocumentKind.INDEX);
        }
        if (tree.path("layers").isArray() || tree.path("config").has("digest")) {
            return Optional.of(DocumentKind.MANIFEST);
        }
        if (tree.has("digest") && tree.has("size")) {
            return Optional.of(DocumentKind.DESCRIPTOR);
        }
        if (tree.has("rootfs") || tree.has("architecture") && tree.has("os")) {
            return Optional.of(DocumentKind.CONFIGURATION);
        }
        String mediaType = tree.path("mediaType").asText("");
        if (mediaType.isEmpty()) {
            return Optional.empty();
        }
        MediaType type = MediaType.of(mediaType);
        if (type.isManifest()) {
            return Optional.of(DocumentKind.MANIFEST);
        }
        if (type.isIndex()) {
            return Optional.of(DocumentKind.INDEX);
        }
        if (type.equals(MediaType.OCI_CONFIG) || type.equals(MediaType.DOCKER_CONFIG)) {
            return Optional.of(DocumentKind.CONFIGURATION);
        }
        return Optional.empty();
    }

    // ---- internals

    private JsonFields root(byte[] bytes) {
        return JsonFields.of(Json.readTree(bytes, ImageFormatException::new), "", ImageFormatException::new);
    }

    private void checkSize(long size) {
        limit.check(size);
    }

    private byte[] readLimited(InputStream in) throws IOException {
        return limit.read(in);
    }
}
