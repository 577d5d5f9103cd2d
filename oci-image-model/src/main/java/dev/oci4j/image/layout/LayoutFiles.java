package dev.oci4j.image.layout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.internal.json.Json;
import dev.oci4j.image.internal.json.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and checks the two fixed files of a layout, {@code oci-layout} and {@code index.json}. */
final class LayoutFiles {

    static final String OCI_LAYOUT = "oci-layout";
    static final String INDEX_JSON = "index.json";
    static final String VERSION = "1.0.0";
    static final byte[] HEADER = ("{\"imageLayoutVersion\":\"" + VERSION + "\"}").getBytes(StandardCharsets.UTF_8);
    static final byte[] EMPTY_INDEX = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":[]}").getBytes(StandardCharsets.UTF_8);

    private LayoutFiles() {
    }

    /** Checks {@code oci-layout}: a JSON object with a string {@code imageLayoutVersion} of major version 1. */
    static String checkHeader(Path root) throws IOException {
        byte[] bytes = readFixed(root, OCI_LAYOUT);
        JsonNode tree = Json.readTree(bytes, (p, m) -> error(OCI_LAYOUT, p, m));
        JsonFields f = JsonFields.of(tree, "", (p, m) -> error(OCI_LAYOUT, p, m));
        String version = f.requiredString("imageLayoutVersion");
        if (!version.equals("1") && !version.startsWith("1.")) {
            throw error(OCI_LAYOUT, "/imageLayoutVersion",
                    "expected image layout version 1.0.0 (or another 1.x), found \"" + version + "\"");
        }
        return version;
    }

    /** Reads {@code index.json} as bytes; the caller parses it. */
    static byte[] readIndex(Path root) throws IOException {
        return readFixed(root, INDEX_JSON);
    }

    private static byte[] readFixed(Path root, String name) throws IOException {
        Path file = root.resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(name, root + " is not an OCI image layout: the file " + name
                    + " is missing (image-layout.md: it MUST exist)");
        }
    }

    /** An error in one of the layout's files; the location reads {@code index.json /manifests/0/digest}. */
    static ImageFormatException error(String file, String pointer, String message) {
        return new ImageFormatException(pointer.isEmpty() ? file : file + " " + pointer, message);
    }
}
