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
 * {@link #DEFAULT_MAX_DOCUMENT_SIZE} (4 MiB by default, the limit the distribution spec suggests for
 * manifests) are refused before they are parsed.
 *
 * <p>{@code parse} methods return a {@link Parsed} (the value with the exact bytes, digest and
 * size); {@code read} methods return the value alone. One codec style for both model modules:
 * static methods reading with the default limit, and {@link #withMaxDocumentSize} for another, as
 * {@code RuntimeJson}.
 *
 * <pre>{@code
 * Parsed<ImageManifest> p = ImageJson.parse(ImageDocument.MANIFEST, Path.of("manifest.json"));
 * byte[] out = ImageJson.write(p.value().toBuilder().putAnnotation(Annotations.TITLE, "x").build());
 * }</pre>
 */
public final class ImageJson {

    /** 4 MiB: the size up to which registries must accept manifests (distribution-spec, "Pushing Manifests"). */
    public static final long DEFAULT_MAX_DOCUMENT_SIZE = 4L * 1024 * 1024;

    private static final DocumentReader DEFAULT = new DocumentReader(DEFAULT_MAX_DOCUMENT_SIZE);

    private ImageJson() {
    }

    /**
     * A reader refusing documents larger than {@code maxDocumentSize} bytes; the static methods
     * read with {@link #DEFAULT_MAX_DOCUMENT_SIZE}.
     *
     * @param maxDocumentSize the largest document to read, in bytes
     * @return the reader
     * @throws IllegalArgumentException when not positive or above {@code Integer.MAX_VALUE - 8}
     */
    public static DocumentReader withMaxDocumentSize(long maxDocumentSize) {
        if (maxDocumentSize <= 0 || maxDocumentSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDocumentSize must be between 1 and " + (Integer.MAX_VALUE - 8)
                    + ", was " + maxDocumentSize);
        }
        return new DocumentReader(maxDocumentSize);
    }

    // ---- reading with the default limit

    /**
     * Reads a document of {@code kind}, keeping its bytes.
     *
     * @param <T> the model type
     * @param kind the kind of document
     * @param bytes the document's bytes
     * @return the document with its exact bytes, their digest and size
     * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
     *     names the JSON pointer), or is over the size limit
     */
    public static <T> Parsed<T> parse(ImageDocument<T> kind, byte[] bytes) {
        return DEFAULT.parse(kind, bytes);
    }

    /**
     * Reads a whole stream (not closed), refusing it as soon as it passes the size limit.
     *
     * @param <T> the model type
     * @param kind the kind of document
     * @param in the stream, read to its end and not closed
     * @return the document with its exact bytes, their digest and size
     * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
     *     names the JSON pointer), or is over the size limit
     * @throws IOException if reading the stream fails
     */
    public static <T> Parsed<T> parse(ImageDocument<T> kind, InputStream in) throws IOException {
        return DEFAULT.parse(kind, in);
    }

    /**
     * Reads a file, refusing it by its size before reading it.
     *
     * @param <T> the model type
     * @param kind the kind of document
     * @param file the file
     * @return the document with its exact bytes, their digest and size
     * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
     *     names the JSON pointer), or is over the size limit
     * @throws IOException if reading the file fails
     */
    public static <T> Parsed<T> parse(ImageDocument<T> kind, Path file) throws IOException {
        return DEFAULT.parse(kind, file);
    }

    /**
     * Reads a document of {@code kind}, without keeping its bytes.
     *
     * @param <T> the model type
     * @param kind the kind of document
     * @param bytes the document's bytes
     * @return the document
     * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
     *     names the JSON pointer), or is over the size limit
     */
    public static <T> T read(ImageDocument<T> kind, byte[] bytes) {
        return DEFAULT.read(kind, bytes);
    }

    /**
     * Reads a document of {@code kind}, without keeping its bytes.
     *
     * @param <T> the model type
     * @param kind the kind of document
     * @param in the stream, read to its end and not closed
     * @return the document
     * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
     *     names the JSON pointer), or is over the size limit
     * @throws IOException if reading the stream fails
     */
    public static <T> T read(ImageDocument<T> kind, InputStream in) throws IOException {
        return DEFAULT.read(kind, in);
    }

    /**
     * Reads a document of {@code kind}, without keeping its bytes.
     *
     * @param <T> the model type
     * @param kind the kind of document
     * @param file the file
     * @return the document
     * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
     *     names the JSON pointer), or is over the size limit
     * @throws IOException if reading the file fails
     */
    public static <T> T read(ImageDocument<T> kind, Path file) throws IOException {
        return DEFAULT.read(kind, file);
    }

    /**
     * The bytes of one whole document from a stream (not closed), for callers that look at the
     * bytes before choosing a kind ({@link #sniff}, a validator). Refuses the stream as soon as it
     * passes the limit, so an endless stream costs at most that much memory.
     *
     * @param in the stream, read to its end and not closed
     * @return the bytes
     * @throws ImageFormatException when the stream is longer than the limit
     * @throws IOException if reading the stream fails
     */
    public static byte[] readBytes(InputStream in) throws IOException {
        return DEFAULT.readBytes(in);
    }

    /**
     * The bytes of one whole document file. Refused by its size before reading, and again while
     * reading: a device or a file that grows ({@code /dev/zero} reports size 0) stops at the limit.
     *
     * @param file the file
     * @return the bytes
     * @throws ImageFormatException when the file is larger than the limit
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws IOException when it cannot be read, a directory for instance
     */
    public static byte[] readBytes(Path file) throws IOException {
        return DEFAULT.readBytes(file);
    }

    /**
     * Reads an image manifest (manifest.md); as {@code read(ImageDocument.MANIFEST, ...)}.
     *
     * @param bytes the document's bytes
     * @return the image manifest
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     */
    public static ImageManifest readManifest(byte[] bytes) {
        return DEFAULT.readManifest(bytes);
    }

    /**
     * Reads an image manifest (manifest.md); as {@code read(ImageDocument.MANIFEST, ...)}.
     *
     * @param in the stream, read to its end and not closed
     * @return the image manifest
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the stream fails
     */
    public static ImageManifest readManifest(InputStream in) throws IOException {
        return DEFAULT.readManifest(in);
    }

    /**
     * Reads an image manifest (manifest.md); as {@code read(ImageDocument.MANIFEST, ...)}.
     *
     * @param file the file
     * @return the image manifest
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the file fails
     */
    public static ImageManifest readManifest(Path file) throws IOException {
        return DEFAULT.readManifest(file);
    }

    /**
     * Reads an image index (image-index.md); as {@code read(ImageDocument.INDEX, ...)}.
     *
     * @param bytes the document's bytes
     * @return the image index
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     */
    public static ImageIndex readIndex(byte[] bytes) {
        return DEFAULT.readIndex(bytes);
    }

    /**
     * Reads an image index (image-index.md); as {@code read(ImageDocument.INDEX, ...)}.
     *
     * @param in the stream, read to its end and not closed
     * @return the image index
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the stream fails
     */
    public static ImageIndex readIndex(InputStream in) throws IOException {
        return DEFAULT.readIndex(in);
    }

    /**
     * Reads an image index (image-index.md); as {@code read(ImageDocument.INDEX, ...)}.
     *
     * @param file the file
     * @return the image index
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the file fails
     */
    public static ImageIndex readIndex(Path file) throws IOException {
        return DEFAULT.readIndex(file);
    }

    /**
     * Reads an image configuration (config.md); as {@code read(ImageDocument.CONFIGURATION, ...)}.
     *
     * @param bytes the document's bytes
     * @return the image configuration
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     */
    public static ImageConfiguration readConfiguration(byte[] bytes) {
        return DEFAULT.readConfiguration(bytes);
    }

    /**
     * Reads an image configuration (config.md); as {@code read(ImageDocument.CONFIGURATION, ...)}.
     *
     * @param in the stream, read to its end and not closed
     * @return the image configuration
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the stream fails
     */
    public static ImageConfiguration readConfiguration(InputStream in) throws IOException {
        return DEFAULT.readConfiguration(in);
    }

    /**
     * Reads an image configuration (config.md); as {@code read(ImageDocument.CONFIGURATION, ...)}.
     *
     * @param file the file
     * @return the image configuration
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the file fails
     */
    public static ImageConfiguration readConfiguration(Path file) throws IOException {
        return DEFAULT.readConfiguration(file);
    }

    /**
     * Reads a descriptor (descriptor.md); as {@code read(ImageDocument.DESCRIPTOR, ...)}.
     *
     * @param bytes the document's bytes
     * @return the descriptor
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     */
    public static Descriptor readDescriptor(byte[] bytes) {
        return DEFAULT.readDescriptor(bytes);
    }

    /**
     * Reads a descriptor (descriptor.md); as {@code read(ImageDocument.DESCRIPTOR, ...)}.
     *
     * @param in the stream, read to its end and not closed
     * @return the descriptor
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the stream fails
     */
    public static Descriptor readDescriptor(InputStream in) throws IOException {
        return DEFAULT.readDescriptor(in);
    }

    /**
     * Reads a descriptor (descriptor.md); as {@code read(ImageDocument.DESCRIPTOR, ...)}.
     *
     * @param file the file
     * @return the descriptor
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the file fails
     */
    public static Descriptor readDescriptor(Path file) throws IOException {
        return DEFAULT.readDescriptor(file);
    }

    /**
     * Reads an {@code oci-layout} file (image-layout.md); as {@code read(ImageDocument.LAYOUT_HEADER, ...)}.
     *
     * @param bytes the document's bytes
     * @return the layout header
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     */
    public static ImageLayoutHeader readLayoutHeader(byte[] bytes) {
        return DEFAULT.readLayoutHeader(bytes);
    }

    /**
     * Reads an {@code oci-layout} file (image-layout.md); as {@code read(ImageDocument.LAYOUT_HEADER, ...)}.
     *
     * @param in the stream, read to its end and not closed
     * @return the layout header
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the stream fails
     */
    public static ImageLayoutHeader readLayoutHeader(InputStream in) throws IOException {
        return DEFAULT.readLayoutHeader(in);
    }

    /**
     * Reads an {@code oci-layout} file (image-layout.md); as {@code read(ImageDocument.LAYOUT_HEADER, ...)}.
     *
     * @param file the file
     * @return the layout header
     * @throws ImageFormatException when the document is malformed (the exception names the JSON
     *     pointer) or over the size limit
     * @throws IOException if reading the file fails
     */
    public static ImageLayoutHeader readLayoutHeader(Path file) throws IOException {
        return DEFAULT.readLayoutHeader(file);
    }

    // ---- writing

    /**
     * Compact UTF-8 JSON of {@code value}, together with its digest and size.
     *
     * @param <T> the model type
     * @param kind the kind of document
     * @param value the document
     * @return the document with the bytes written, their digest and size
     */
    public static <T> Parsed<T> encode(ImageDocument<T> kind, T value) {
        Objects.requireNonNull(kind, "kind");
        return new Parsed<>(kind, value, Json.write(kind.write(value)));
    }

    /**
     * Writes {@code manifest} as compact UTF-8 JSON: keys in the Go reference order, omitempty as the
     * Go tags say, map keys sorted, unknown members after the known ones.
     *
     * @param manifest the document
     * @return the JSON bytes
     */
    public static byte[] write(ImageManifest manifest) {
        return Json.write(ImageDocument.MANIFEST.write(manifest));
    }

    /**
     * Writes {@code index} as compact UTF-8 JSON: keys in the Go reference order, omitempty as the
     * Go tags say, map keys sorted, unknown members after the known ones.
     *
     * @param index the document
     * @return the JSON bytes
     */
    public static byte[] write(ImageIndex index) {
        return Json.write(ImageDocument.INDEX.write(index));
    }

    /**
     * Writes {@code configuration} as compact UTF-8 JSON: keys in the Go reference order, omitempty as the
     * Go tags say, map keys sorted, unknown members after the known ones.
     *
     * @param configuration the document
     * @return the JSON bytes
     */
    public static byte[] write(ImageConfiguration configuration) {
        return Json.write(ImageDocument.CONFIGURATION.write(configuration));
    }

    /**
     * Writes {@code descriptor} as compact UTF-8 JSON: keys in the Go reference order, omitempty as the
     * Go tags say, map keys sorted, unknown members after the known ones.
     *
     * @param descriptor the document
     * @return the JSON bytes
     */
    public static byte[] write(Descriptor descriptor) {
        return Json.write(ImageDocument.DESCRIPTOR.write(descriptor));
    }

    /**
     * Writes {@code header} as compact UTF-8 JSON: keys in the Go reference order, omitempty as the
     * Go tags say, map keys sorted, unknown members after the known ones.
     *
     * @param header the document
     * @return the JSON bytes
     */
    public static byte[] write(ImageLayoutHeader header) {
        return Json.write(ImageDocument.LAYOUT_HEADER.write(header));
    }

    /**
     * Indented JSON as Go's {@code json.MarshalIndent(v, "", "\t")}, as {@code RuntimeJson.writeIndented}.
     *
     * @param manifest the document
     * @return the JSON bytes, tab-indented
     */
    public static byte[] writeIndented(ImageManifest manifest) {
        return Json.writeIndented(ImageDocument.MANIFEST.write(manifest));
    }

    /**
     * Indented JSON as Go's {@code json.MarshalIndent(v, "", "\t")}, as {@code RuntimeJson.writeIndented}.
     *
     * @param index the document
     * @return the JSON bytes, tab-indented
     */
    public static byte[] writeIndented(ImageIndex index) {
        return Json.writeIndented(ImageDocument.INDEX.write(index));
    }

    /**
     * Indented JSON as Go's {@code json.MarshalIndent(v, "", "\t")}, as {@code RuntimeJson.writeIndented}.
     *
     * @param configuration the document
     * @return the JSON bytes, tab-indented
     */
    public static byte[] writeIndented(ImageConfiguration configuration) {
        return Json.writeIndented(ImageDocument.CONFIGURATION.write(configuration));
    }

    /**
     * Indented JSON as Go's {@code json.MarshalIndent(v, "", "\t")}, as {@code RuntimeJson.writeIndented}.
     *
     * @param descriptor the document
     * @return the JSON bytes, tab-indented
     */
    public static byte[] writeIndented(Descriptor descriptor) {
        return Json.writeIndented(ImageDocument.DESCRIPTOR.write(descriptor));
    }

    /**
     * Indented JSON as Go's {@code json.MarshalIndent(v, "", "\t")}, as {@code RuntimeJson.writeIndented}.
     *
     * @param header the document
     * @return the JSON bytes, tab-indented
     */
    public static byte[] writeIndented(ImageLayoutHeader header) {
        return Json.writeIndented(ImageDocument.LAYOUT_HEADER.write(header));
    }

    // ---- sniffing

    /**
     * Guesses what a document is, from its shape first and its {@code mediaType} second:
     * {@code imageLayoutVersion} makes a layout header, a {@code manifests} array an index, a
     * {@code layers} array or a {@code config} descriptor a manifest, {@code digest} with {@code size}
     * a descriptor, {@code rootfs} or {@code architecture} with {@code os} a configuration.
     *
     * @param bytes the document's bytes
     * @return empty when the document is JSON but none of these (a Docker schema 1 manifest, say)
     * @throws ImageFormatException when it is not a JSON object or is too large
     */
    public static Optional<ImageDocument<?>> sniff(byte[] bytes) {
        DEFAULT.checkSize(bytes.length);
        JsonNode tree = Json.readTree(bytes, ImageFormatException::new);
        if (!tree.isObject()) {
            throw new ImageFormatException(FormatReason.WRONG_TYPE, "",
                    "expected an object, found " + JsonFields.describe(tree));
        }
        if (tree.has("imageLayoutVersion")) {
            return Optional.of(ImageDocument.LAYOUT_HEADER);
        }
        if (tree.path("manifests").isArray()) {
            return Optional.of(ImageDocument.INDEX);
        }
        if (tree.path("layers").isArray() || tree.path("config").has("digest")) {
            return Optional.of(ImageDocument.MANIFEST);
        }
        if (tree.has("digest") && tree.has("size")) {
            return Optional.of(ImageDocument.DESCRIPTOR);
        }
        if (tree.has("rootfs") || tree.has("architecture") && tree.has("os")) {
            return Optional.of(ImageDocument.CONFIGURATION);
        }
        String mediaType = tree.path("mediaType").asText("");
        if (mediaType.isEmpty()) {
            return Optional.empty();
        }
        MediaType type = MediaType.of(mediaType);
        if (type.isManifest()) {
            return Optional.of(ImageDocument.MANIFEST);
        }
        if (type.isIndex()) {
            return Optional.of(ImageDocument.INDEX);
        }
        if (type.equals(MediaType.OCI_CONFIG) || type.equals(MediaType.DOCKER_CONFIG)) {
            return Optional.of(ImageDocument.CONFIGURATION);
        }
        return Optional.empty();
    }

    /**
     * Reads image-spec documents under a size limit other than the default; the static methods of
     * {@link ImageJson} read with the default. Immutable and safe to share.
     *
     * <pre>{@code
     * ImageManifest m = ImageJson.withMaxDocumentSize(64 * 1024).readManifest(System.in);
     * }</pre>
     */
    public static final class DocumentReader {

        private final long maxDocumentSize;
        private final DocumentLimit limit;

        private DocumentReader(long maxDocumentSize) {
            this.maxDocumentSize = maxDocumentSize;
            this.limit = new DocumentLimit(maxDocumentSize, ImageFormatException::new);
        }

        /** {@return the largest document, in bytes, this reader reads} */
        public long maxDocumentSize() {
            return maxDocumentSize;
        }

        // ---- generic reading

        /**
         * Reads a document of {@code kind}, keeping its bytes.
         *
         * @param <T> the model type
         * @param kind the kind of document
         * @param bytes the document's bytes
         * @return the document with its exact bytes, their digest and size
         * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
         *     names the JSON pointer), or is over the size limit
         */
        public <T> Parsed<T> parse(ImageDocument<T> kind, byte[] bytes) {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(bytes, "bytes");
            checkSize(bytes.length);
            byte[] copy = bytes.clone();
            return new Parsed<>(kind, kind.read(root(copy)), copy);
        }

        /**
         * Reads a whole stream (not closed), refusing it as soon as it passes the size limit.
         *
         * @param <T> the model type
         * @param kind the kind of document
         * @param in the stream, read to its end and not closed
         * @return the document with its exact bytes, their digest and size
         * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
         *     names the JSON pointer), or is over the size limit
         * @throws IOException if reading the stream fails
         */
        public <T> Parsed<T> parse(ImageDocument<T> kind, InputStream in) throws IOException {
            Objects.requireNonNull(kind, "kind");
            byte[] bytes = readLimited(in);
            return new Parsed<>(kind, kind.read(root(bytes)), bytes);
        }

        /**
         * Reads a file, refusing it by its size before reading it.
         *
         * @param <T> the model type
         * @param kind the kind of document
         * @param file the file
         * @return the document with its exact bytes, their digest and size
         * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
         *     names the JSON pointer), or is over the size limit
         * @throws IOException if reading the file fails
         */
        public <T> Parsed<T> parse(ImageDocument<T> kind, Path file) throws IOException {
            Objects.requireNonNull(kind, "kind");
            byte[] bytes = readBytes(file);
            return new Parsed<>(kind, kind.read(root(bytes)), bytes);
        }

        /**
         * Reads a document of {@code kind}, without keeping its bytes.
         *
         * @param <T> the model type
         * @param kind the kind of document
         * @param bytes the document's bytes
         * @return the document
         * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
         *     names the JSON pointer), or is over the size limit
         */
        public <T> T read(ImageDocument<T> kind, byte[] bytes) {
            Objects.requireNonNull(kind, "kind");
            checkSize(bytes.length);
            return kind.read(root(bytes));
        }

        /**
         * Reads a document of {@code kind}, without keeping its bytes.
         *
         * @param <T> the model type
         * @param kind the kind of document
         * @param in the stream, read to its end and not closed
         * @return the document
         * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
         *     names the JSON pointer), or is over the size limit
         * @throws IOException if reading the stream fails
         */
        public <T> T read(ImageDocument<T> kind, InputStream in) throws IOException {
            return parse(kind, in).value();
        }

        /**
         * Reads a document of {@code kind}, without keeping its bytes.
         *
         * @param <T> the model type
         * @param kind the kind of document
         * @param file the file
         * @return the document
         * @throws ImageFormatException when the document cannot be read as {@code kind} (the exception
         *     names the JSON pointer), or is over the size limit
         * @throws IOException if reading the file fails
         */
        public <T> T read(ImageDocument<T> kind, Path file) throws IOException {
            return parse(kind, file).value();
        }

        // ---- bounded reading

        /**
         * The bytes of one whole document from a stream (not closed), for callers that look at the
         * bytes before choosing a kind ({@link #sniff}, a validator). Refuses the stream as soon as it
         * passes {@link #maxDocumentSize()}, so an endless stream costs at most that much memory.
         *
         * @param in the stream, read to its end and not closed
         * @return the bytes
         * @throws ImageFormatException when the stream is longer than the limit
         * @throws IOException if reading the stream fails
         */
        public byte[] readBytes(InputStream in) throws IOException {
            return readLimited(in);
        }

        /**
         * The bytes of one whole document file. Refused by its size before reading, and again while
         * reading: a device or a file that grows ({@code /dev/zero} reports size 0) stops at the limit.
         *
         * @param file the file
         * @return the bytes
         * @throws ImageFormatException when the file is larger than the limit
         * @throws java.nio.file.NoSuchFileException when it does not exist
         * @throws IOException when it cannot be read, a directory for instance
         */
        public byte[] readBytes(Path file) throws IOException {
            return limit.read(file);
        }

        // ---- named reading

        /**
         * Reads an image manifest (manifest.md); as {@code read(ImageDocument.MANIFEST, ...)}.
         *
         * @param bytes the document's bytes
         * @return the image manifest
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         */
        public ImageManifest readManifest(byte[] bytes) {
            return read(ImageDocument.MANIFEST, bytes);
        }

        /**
         * Reads an image manifest (manifest.md); as {@code read(ImageDocument.MANIFEST, ...)}.
         *
         * @param in the stream, read to its end and not closed
         * @return the image manifest
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the stream fails
         */
        public ImageManifest readManifest(InputStream in) throws IOException {
            return read(ImageDocument.MANIFEST, in);
        }

        /**
         * Reads an image manifest (manifest.md); as {@code read(ImageDocument.MANIFEST, ...)}.
         *
         * @param file the file
         * @return the image manifest
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the file fails
         */
        public ImageManifest readManifest(Path file) throws IOException {
            return read(ImageDocument.MANIFEST, file);
        }

        /**
         * Reads an image index (image-index.md); as {@code read(ImageDocument.INDEX, ...)}.
         *
         * @param bytes the document's bytes
         * @return the image index
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         */
        public ImageIndex readIndex(byte[] bytes) {
            return read(ImageDocument.INDEX, bytes);
        }

        /**
         * Reads an image index (image-index.md); as {@code read(ImageDocument.INDEX, ...)}.
         *
         * @param in the stream, read to its end and not closed
         * @return the image index
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the stream fails
         */
        public ImageIndex readIndex(InputStream in) throws IOException {
            return read(ImageDocument.INDEX, in);
        }

        /**
         * Reads an image index (image-index.md); as {@code read(ImageDocument.INDEX, ...)}.
         *
         * @param file the file
         * @return the image index
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the file fails
         */
        public ImageIndex readIndex(Path file) throws IOException {
            return read(ImageDocument.INDEX, file);
        }

        /**
         * Reads an image configuration (config.md); as {@code read(ImageDocument.CONFIGURATION, ...)}.
         *
         * @param bytes the document's bytes
         * @return the image configuration
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         */
        public ImageConfiguration readConfiguration(byte[] bytes) {
            return read(ImageDocument.CONFIGURATION, bytes);
        }

        /**
         * Reads an image configuration (config.md); as {@code read(ImageDocument.CONFIGURATION, ...)}.
         *
         * @param in the stream, read to its end and not closed
         * @return the image configuration
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the stream fails
         */
        public ImageConfiguration readConfiguration(InputStream in) throws IOException {
            return read(ImageDocument.CONFIGURATION, in);
        }

        /**
         * Reads an image configuration (config.md); as {@code read(ImageDocument.CONFIGURATION, ...)}.
         *
         * @param file the file
         * @return the image configuration
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the file fails
         */
        public ImageConfiguration readConfiguration(Path file) throws IOException {
            return read(ImageDocument.CONFIGURATION, file);
        }

        /**
         * Reads a descriptor (descriptor.md); as {@code read(ImageDocument.DESCRIPTOR, ...)}.
         *
         * @param bytes the document's bytes
         * @return the descriptor
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         */
        public Descriptor readDescriptor(byte[] bytes) {
            return read(ImageDocument.DESCRIPTOR, bytes);
        }

        /**
         * Reads a descriptor (descriptor.md); as {@code read(ImageDocument.DESCRIPTOR, ...)}.
         *
         * @param in the stream, read to its end and not closed
         * @return the descriptor
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the stream fails
         */
        public Descriptor readDescriptor(InputStream in) throws IOException {
            return read(ImageDocument.DESCRIPTOR, in);
        }

        /**
         * Reads a descriptor (descriptor.md); as {@code read(ImageDocument.DESCRIPTOR, ...)}.
         *
         * @param file the file
         * @return the descriptor
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the file fails
         */
        public Descriptor readDescriptor(Path file) throws IOException {
            return read(ImageDocument.DESCRIPTOR, file);
        }

        /**
         * Reads an {@code oci-layout} file (image-layout.md); as {@code read(ImageDocument.LAYOUT_HEADER, ...)}.
         *
         * @param bytes the document's bytes
         * @return the layout header
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         */
        public ImageLayoutHeader readLayoutHeader(byte[] bytes) {
            return read(ImageDocument.LAYOUT_HEADER, bytes);
        }

        /**
         * Reads an {@code oci-layout} file (image-layout.md); as {@code read(ImageDocument.LAYOUT_HEADER, ...)}.
         *
         * @param in the stream, read to its end and not closed
         * @return the layout header
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the stream fails
         */
        public ImageLayoutHeader readLayoutHeader(InputStream in) throws IOException {
            return read(ImageDocument.LAYOUT_HEADER, in);
        }

        /**
         * Reads an {@code oci-layout} file (image-layout.md); as {@code read(ImageDocument.LAYOUT_HEADER, ...)}.
         *
         * @param file the file
         * @return the layout header
         * @throws ImageFormatException when the document is malformed (the exception names the JSON
         *     pointer) or over the size limit
         * @throws IOException if reading the file fails
         */
        public ImageLayoutHeader readLayoutHeader(Path file) throws IOException {
            return read(ImageDocument.LAYOUT_HEADER, file);
        }

        // ---- internals

        private JsonFields root(byte[] bytes) {
            return JsonFields.of(Json.readTree(bytes, ImageFormatException::new), "", ImageFormatException::new);
        }

        void checkSize(long size) {
            limit.check(size);
        }

        private byte[] readLimited(InputStream in) throws IOException {
            return limit.read(in);
        }
    }
}
