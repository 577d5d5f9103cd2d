package dev.oci4j.image.layout;

import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageLayoutHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and checks the two fixed files of a layout, {@code oci-layout} and {@code index.json}. */
final class LayoutFiles {

    static final String OCI_LAYOUT = "oci-layout";
    static final String INDEX_JSON = "index.json";
    static final byte[] HEADER = ("{\"imageLayoutVersion\":\"" + ImageLayoutHeader.VERSION + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] EMPTY_INDEX = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":[]}").getBytes(StandardCharsets.UTF_8);

    private LayoutFiles() {
    }

    /** Checks {@code oci-layout}: a JSON object with a string {@code imageLayoutVersion} of major version 1. */
    static ImageLayoutHeader checkHeader(Path root) throws IOException {
        ImageLayoutHeader header = Documents.parse(DocumentKind.LAYOUT_HEADER, readFixed(root, OCI_LAYOUT), OCI_LAYOUT)
                .value();
        String version = header.imageLayoutVersion();
        if (!version.equals("1") && !version.startsWith("1.")) {
            throw error(OCI_LAYOUT, "/imageLayoutVersion",
                    "expected image layout version " + ImageLayoutHeader.VERSION + " (or another 1.x), found \""
                    + version + "\"");
        }
        return header;
    }

    /** Reads {@code index.json} as bytes; the caller parses it. */
    static byte[] readIndex(Path root) throws IOException {
        return readFixed(root, INDEX_JSON);
    }

    private static byte[] readFixed(Path root, String name) throws IOException {
        Path file = root.resolve(name);
        try {
            // Bounded: the file may be a device or a link to one (/dev/zero's size reads as 0).
            return Documents.readBytes(file, name);
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
