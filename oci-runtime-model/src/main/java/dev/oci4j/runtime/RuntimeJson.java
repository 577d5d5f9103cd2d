package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
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
 * <pre>{@code
 * Spec spec = RuntimeJson.readSpec(bundle.resolve("config.json"));
 * Files.write(bundle.resolve("config.json"), RuntimeJson.writeIndented(spec.toBuilder().hostname("web").build()));
 * }</pre>
 */
public final class RuntimeJson {

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

    public static Spec readSpec(byte[] json) {
        return read(json, Spec::fromJson);
    }

    public static Spec readSpec(InputStream in) throws IOException {
        return readSpec(in.readAllBytes());
    }

    public static Spec readSpec(Path path) throws IOException {
        return readSpec(Files.readAllBytes(path));
    }

    public static State readState(byte[] json) {
        return read(json, State::fromJson);
    }

    public static State readState(InputStream in) throws IOException {
        return readState(in.readAllBytes());
    }

    public static State readState(Path path) throws IOException {
        return readState(Files.readAllBytes(path));
    }

    public static Features readFeatures(byte[] json) {
        return read(json, Features::fromJson);
    }

    public static Features readFeatures(InputStream in) throws IOException {
        return readFeatures(in.readAllBytes());
    }

    public static Features readFeatures(Path path) throws IOException {
        return readFeatures(Files.readAllBytes(path));
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
     * @throws RuntimeFormatException if the bytes are not JSON
     */
    public static DocumentKind sniff(byte[] json) {
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

    private static <T> T read(byte[] json, Function<JsonFields, T> reader) {
        Objects.requireNonNull(json, "json");
        JsonNode tree = Json.readTree(json, RuntimeFormatException::new);
        return reader.apply(JsonFields.of(tree, "", RuntimeFormatException::new));
    }
}
