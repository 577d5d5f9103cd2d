package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.DocumentLimit;
import dev.oci4j.internal.json.Json;
import dev.oci4j.internal.json.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * The JSON codec of the runtime spec: reads and writes {@link Spec} (config.json), {@link State}
 * and {@link Features}. Output is compact UTF-8 with members in the order of the Go reference
 * structs, omitempty as their tags say, map keys sorted and unknown members written back last.
 *
 * <p>Reading throws {@link RuntimeFormatException}, with a reason and a JSON pointer, for anything
 * the model cannot hold, and for nothing else. Documents larger than {@link #DEFAULT_MAX_DOCUMENT_SIZE}
 * (4 MiB) are refused: streams as soon as they pass it, files by their size before reading;
 * {@link #withMaxDocumentSize(long)} reads with another limit.
 *
 * <pre>{@code
 * Spec spec = RuntimeJson.readSpec(bundle.resolve("config.json"));
 * Files.write(bundle.resolve("config.json"), RuntimeJson.writeIndented(spec.toBuilder().hostname("web").build()));
 * }</pre>
 */
public final class RuntimeJson {

    /**
     * 4 MiB, as {@code ImageJson}: a config.json with a full seccomp profile is about 30 KiB, so this
     * refuses only what is not a configuration, before it can fill the heap.
     */
    public static final long DEFAULT_MAX_DOCUMENT_SIZE = 4L * 1024 * 1024;

    private static final DocumentReader STANDARD = new DocumentReader(DEFAULT_MAX_DOCUMENT_SIZE);

    /** What a runtime-spec JSON document is, judged by its members. */
    public enum DocumentKind {
        /** A container configuration (config.json). */
        CONFIG,
        /** The state of a container, as {@code runc state} prints it. */
        STATE,
        /** The features of a runtime, as {@code runc features} prints it. */
        FEATURES,
        /** JSON, but none of the above. */
        UNKNOWN
    }

    private RuntimeJson() {
    }

    /**
     * Reads documents of up to {@code maxDocumentSize} bytes instead of the default 4 MiB.
     *
     * @param maxDocumentSize the largest document accepted, in bytes
     * @return a reader with the same reading methods as this class, under that limit
     * @throws IllegalArgumentException when not positive or above {@code Integer.MAX_VALUE - 8}
     */
    public static DocumentReader withMaxDocumentSize(long maxDocumentSize) {
        if (maxDocumentSize <= 0 || maxDocumentSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDocumentSize must be between 1 and " + (Integer.MAX_VALUE - 8)
                    + ", was " + maxDocumentSize);
        }
        return new DocumentReader(maxDocumentSize);
    }

    /**
     * Reads a container configuration (config.json, runtime-spec config.md).
     *
     * @param json the document's UTF-8 bytes
     * @return the configuration; members the model does not know are kept as extensions
     * @throws RuntimeFormatException when the document is not a configuration the model can hold, or above 4 MiB
     */
    public static Spec readSpec(byte[] json) {
        return STANDARD.readSpec(json);
    }

    /**
     * Reads a container configuration from a whole stream (not closed), refusing it as soon as it passes 4 MiB.
     *
     * @param in the stream, read to its end
     * @return the configuration
     * @throws IOException when reading the stream fails
     * @throws RuntimeFormatException when the document is not a configuration the model can hold, or above 4 MiB
     */
    public static Spec readSpec(InputStream in) throws IOException {
        return STANDARD.readSpec(in);
    }

    /**
     * Reads a container configuration from a file, refusing it by its size before reading it.
     *
     * @param path the file, usually a bundle's {@code config.json}
     * @return the configuration
     * @throws IOException when the file cannot be read
     * @throws RuntimeFormatException when the document is not a configuration the model can hold, or above 4 MiB
     */
    public static Spec readSpec(Path path) throws IOException {
        return STANDARD.readSpec(path);
    }

    /**
     * Reads the state of a container (runtime-spec runtime.md "State"), as {@code runc state} prints it.
     *
     * @param json the document's UTF-8 bytes
     * @return the state
     * @throws RuntimeFormatException when the document is not a state the model can hold, or above 4 MiB
     */
    public static State readState(byte[] json) {
        return STANDARD.readState(json);
    }

    /**
     * Reads the state of a container from a whole stream (not closed), refusing it as soon as it passes 4 MiB.
     *
     * @param in the stream, read to its end
     * @return the state
     * @throws IOException when reading the stream fails
     * @throws RuntimeFormatException when the document is not a state the model can hold, or above 4 MiB
     */
    public static State readState(InputStream in) throws IOException {
        return STANDARD.readState(in);
    }

    /**
     * Reads the state of a container from a file, refusing it by its size before reading it.
     *
     * @param path the file
     * @return the state
     * @throws IOException when the file cannot be read
     * @throws RuntimeFormatException when the document is not a state the model can hold, or above 4 MiB
     */
    public static State readState(Path path) throws IOException {
        return STANDARD.readState(path);
    }

    /**
     * Reads the features of a runtime (runtime-spec features.md), as {@code runc features} prints them.
     *
     * @param json the document's UTF-8 bytes
     * @return the features
     * @throws RuntimeFormatException when the document is not a features document the model can hold, or above 4 MiB
     */
    public static Features readFeatures(byte[] json) {
        return STANDARD.readFeatures(json);
    }

    /**
     * Reads the features of a runtime from a whole stream (not closed), refusing it as soon as it passes 4 MiB.
     *
     * @param in the stream, read to its end
     * @return the features
     * @throws IOException when reading the stream fails
     * @throws RuntimeFormatException when the document is not a features document the model can hold, or above 4 MiB
     */
    public static Features readFeatures(InputStream in) throws IOException {
        return STANDARD.readFeatures(in);
    }

    /**
     * Reads the features of a runtime from a file, refusing it by its size before reading it.
     *
     * @param path the file
     * @return the features
     * @throws IOException when the file cannot be read
     * @throws RuntimeFormatException when the document is not a features document the model can hold, or above 4 MiB
     */
    public static Features readFeatures(Path path) throws IOException {
        return STANDARD.readFeatures(path);
    }

    /**
     * Writes a configuration as compact UTF-8 JSON.
     *
     * @param spec the configuration
     * @return the JSON bytes, unknown members written back after the known ones
     */
    public static byte[] write(Spec spec) {
        return Json.write(spec.toJson());
    }

    /**
     * Writes a state as compact UTF-8 JSON.
     *
     * @param state the state
     * @return the JSON bytes
     */
    public static byte[] write(State state) {
        return Json.write(state.toJson());
    }

    /**
     * Writes a features document as compact UTF-8 JSON.
     *
     * @param features the features
     * @return the JSON bytes
     */
    public static byte[] write(Features features) {
        return Json.write(features.toJson());
    }

    /**
     * Writes a configuration as tab-indented UTF-8 JSON without a trailing newline, the layout
     * {@code runc spec} writes.
     *
     * @param spec the configuration
     * @return the JSON bytes
     */
    public static byte[] writeIndented(Spec spec) {
        return Json.writeIndented(spec.toJson());
    }

    /**
     * Writes a state as tab-indented UTF-8 JSON without a trailing newline.
     *
     * @param state the state
     * @return the JSON bytes
     */
    public static byte[] writeIndented(State state) {
        return Json.writeIndented(state.toJson());
    }

    /**
     * Writes a features document as tab-indented UTF-8 JSON without a trailing newline, the layout
     * {@code runc features} prints.
     *
     * @param features the features
     * @return the JSON bytes
     */
    public static byte[] writeIndented(Features features) {
        return Json.writeIndented(features.toJson());
    }

    /**
     * Tells a container configuration from a state or features document, for tools that accept
     * any of them. A state has {@code id} and {@code status}; features have {@code ociVersionMin} or
     * {@code ociVersionMax}; a configuration has {@code ociVersion} or a configuration section
     * ({@code process}, {@code root}, {@code mounts}, {@code linux}, ...) with none of those.
     *
     * @param json the document's UTF-8 bytes
     * @return the kind; {@link DocumentKind#UNKNOWN} for JSON that is none of them, a non-object included
     * @throws RuntimeFormatException if the bytes are not JSON or above 4 MiB
     */
    public static DocumentKind sniff(byte[] json) {
        STANDARD.checkSize(json.length);
        JsonNode tree = Json.readTree(json, RuntimeFormatException::new);
        if (!tree.isObject()) {
            return DocumentKind.UNKNOWN;
        }
        if (tree.has("id") && tree.has("status")) {
            return DocumentKind.STATE;
        }
        if (tree.has("ociVersionMin") || tree.has("ociVersionMax")) {
            return DocumentKind.FEATURES;
        }
        boolean configMember = tree.has("process") || tree.has("root") || tree.has("mounts")
                || tree.has("linux") || tree.has("windows") || tree.has("solaris") || tree.has("vm") || tree.has("zos");
        if (tree.has("ociVersion") || configMember) {
            return DocumentKind.CONFIG;
        }
        return DocumentKind.UNKNOWN;
    }

    /**
     * Reads runtime-spec documents under a size limit other than the default; the static methods of
     * {@link RuntimeJson} read with the default. Immutable and safe to share.
     *
     * <pre>{@code
     * Spec spec = RuntimeJson.withMaxDocumentSize(64 * 1024).readSpec(System.in);
     * }</pre>
     */
    public static final class DocumentReader {

        private final long maxDocumentSize;
        private final DocumentLimit limit;

        private DocumentReader(long maxDocumentSize) {
            this.maxDocumentSize = maxDocumentSize;
            this.limit = new DocumentLimit(maxDocumentSize, RuntimeFormatException::new);
        }

        /**
         * The largest document this reader reads.
         *
         * @return the limit in bytes
         */
        public long maxDocumentSize() {
            return maxDocumentSize;
        }

        /**
         * Reads a container configuration, as {@link RuntimeJson#readSpec(byte[])} under this reader's limit.
         *
         * @param json the document's UTF-8 bytes
         * @return the configuration
         * @throws RuntimeFormatException when the document is not a configuration the model can hold, or above the
         *        limit
         */
        public Spec readSpec(byte[] json) {
            return read(json, Spec::fromJson);
        }

        /**
         * Reads a container configuration from a whole stream (not closed), refusing it as soon as it passes the limit.
         *
         * @param in the stream, read to its end
         * @return the configuration
         * @throws IOException when reading the stream fails
         * @throws RuntimeFormatException when the document is not a configuration the model can hold, or above the
         *        limit
         */
        public Spec readSpec(InputStream in) throws IOException {
            return readSpec(readLimited(in));
        }

        /**
         * Reads a container configuration from a file, refusing it by its size before reading it.
         *
         * @param path the file
         * @return the configuration
         * @throws IOException when the file cannot be read
         * @throws RuntimeFormatException when the document is not a configuration the model can hold, or above the
         *        limit
         */
        public Spec readSpec(Path path) throws IOException {
            return readSpec(readLimited(path));
        }

        /**
         * Reads the state of a container under this reader's limit.
         *
         * @param json the document's UTF-8 bytes
         * @return the state
         * @throws RuntimeFormatException when the document is not a state the model can hold, or above the limit
         */
        public State readState(byte[] json) {
            return read(json, State::fromJson);
        }

        /**
         * Reads the state of a container from a whole stream (not closed), refusing it as soon as it passes the limit.
         *
         * @param in the stream, read to its end
         * @return the state
         * @throws IOException when reading the stream fails
         * @throws RuntimeFormatException when the document is not a state the model can hold, or above the limit
         */
        public State readState(InputStream in) throws IOException {
            return readState(readLimited(in));
        }

        /**
         * Reads the state of a container from a file, refusing it by its size before reading it.
         *
         * @param path the file
         * @return the state
         * @throws IOException when the file cannot be read
         * @throws RuntimeFormatException when the document is not a state the model can hold, or above the limit
         */
        public State readState(Path path) throws IOException {
            return readState(readLimited(path));
        }

        /**
         * Reads the features of a runtime under this reader's limit.
         *
         * @param json the document's UTF-8 bytes
         * @return the features
         * @throws RuntimeFormatException when the document is not a features document the model can hold, or above
         *        the limit
         */
        public Features readFeatures(byte[] json) {
            return read(json, Features::fromJson);
        }

        /**
         * Reads the features of a runtime from a whole stream (not closed), refusing it as soon as it passes the limit.
         *
         * @param in the stream, read to its end
         * @return the features
         * @throws IOException when reading the stream fails
         * @throws RuntimeFormatException when the document is not a features document the model can hold, or above
         *        the limit
         */
        public Features readFeatures(InputStream in) throws IOException {
            return readFeatures(readLimited(in));
        }

        /**
         * Reads the features of a runtime from a file, refusing it by its size before reading it.
         *
         * @param path the file
         * @return the features
         * @throws IOException when the file cannot be read
         * @throws RuntimeFormatException when the document is not a features document the model can hold, or above
         *        the limit
         */
        public Features readFeatures(Path path) throws IOException {
            return readFeatures(readLimited(path));
        }

        private <T> T read(byte[] json, Function<JsonFields, T> reader) {
            Objects.requireNonNull(json, "json");
            checkSize(json.length);
            return reader.apply(JsonFields.of(Json.readTree(json, RuntimeFormatException::new), "", RuntimeFormatException::new));
        }

        void checkSize(long size) {
            limit.check(size);
        }

        private byte[] readLimited(Path path) throws IOException {
            return limit.read(path);
        }

        private byte[] readLimited(InputStream in) throws IOException {
            return limit.read(in);
        }
    }
}
