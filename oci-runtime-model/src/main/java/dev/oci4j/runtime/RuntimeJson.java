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
     * @throws IllegalArgumentException when not positive or above {@code Integer.MAX_VALUE - 8}
     */
    public static DocumentReader withMaxDocumentSize(long maxDocumentSize) {
        if (maxDocumentSize <= 0 || maxDocumentSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxDocumentSize must be between 1 and " + (Integer.MAX_VALUE - 8)
                    + ", was " + maxDocumentSize);
        }
        return new DocumentReader(maxDocumentSize);
    }

    /** @throws RuntimeFormatException when the document is not a configuration the model can hold, or above 4 MiB */
    public static Spec readSpec(byte[] json) {
        return STANDARD.readSpec(json);
    }

    /** Reads a whole stream (not closed), refusing it as soon as it passes 4 MiB. */
    public static Spec readSpec(InputStream in) throws IOException {
        return STANDARD.readSpec(in);
    }

    /** Reads a file, refusing it by its size before reading it. */
    public static Spec readSpec(Path path) throws IOException {
        return STANDARD.readSpec(path);
    }

    public static State readState(byte[] json) {
        return STANDARD.readState(json);
    }

    public static State readState(InputStream in) throws IOException {
        return STANDARD.readState(in);
    }

    public static State readState(Path path) throws IOException {
        return STANDARD.readState(path);
    }

    public static Features readFeatures(byte[] json) {
        return STANDARD.readFeatures(json);
    }

    public static Features readFeatures(InputStream in) throws IOException {
        return STANDARD.readFeatures(in);
    }

    public static Features readFeatures(Path path) throws IOException {
        return STANDARD.readFeatures(path);
    }

    /** Compact UTF-8 JSON. */
    public static byte[] write(Spec spec) {
        return Json.write(spec.toJson());
    }

    public static byte[] write(State state) {
        return Json.write(state.toJson());
    }

    public static byte[] write(Features features) {
        return Json.write(features.toJson());
    }

    /** Tab-indented UTF-8 JSON without a trailing newline, the layout {@code runc spec} writes. */
    public static byte[] writeIndented(Spec spec) {
        return Json.writeIndented(spec.toJson());
    }

    public static byte[] writeIndented(State state) {
        return Json.writeIndented(state.toJson());
    }

    public static byte[] writeIndented(Features features) {
        return Json.writeIndented(features.toJson());
    }

    /**
     * Tells a container configuration from a state or features document, for tools that accept
     * any of them. A state has {@code id} and {@code status}; features have {@code ociVersionMin} or
     * {@code ociVersionMax}; a configuration has {@code ociVersion} with none of those.
     *
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

        /** The largest document, in bytes, this reader reads. */
        public long maxDocumentSize() {
            return maxDocumentSize;
        }

        public Spec readSpec(byte[] json) {
            return read(json, Spec::fromJson);
        }

        public Spec readSpec(InputStream in) throws IOException {
            return readSpec(readLimited(in));
        }

        public Spec readSpec(Path path) throws IOException {
            return readSpec(readLimited(path));
        }

        public State readState(byte[] json) {
            return read(json, State::fromJson);
        }

        public State readState(InputStream in) throws IOException {
            return readState(readLimited(in));
        }

        public State readState(Path path) throws IOException {
            return readState(readLimited(path));
        }

        public Features readFeatures(byte[] json) {
            return read(json, Features::fromJson);
        }

        public Features readFeatures(InputStream in) throws IOException {
            return readFeatures(readLimited(in));
        }

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
