package dev.oci4j.image.layout;

import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageLayoutHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            // Reading it would fail with a bare "Is a directory" that names no path.
            throw new ImageFormatException(name, file + " is a directory; image-layout.md says " + name
                    + " MUST be a file");
        }
        try {
            // Bounded: the file may be a device or a link to one (/dev/zero's size reads as 0).
            return Documents.readBytes(file, name);
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(name, root + " is not an OCI image layout: the file " + name
                    + " is missing (image-layout.md: it MUST exist)");
        }
    }

    /**
     * What an interrupted {@code ImageLayout.create} leaves behind, before its last step writes
     * {@code oci-layout}: an empty {@code blobs/}, an empty index.json, the lock and temp files.
     */
    private static final Set<String> CREATE_LEFTOVERS = Set.of(LayoutLock.FILE_NAME, BlobStore.TEMP_DIR,
            BlobStore.atomicTempOf(Path.of(INDEX_JSON)).toString(), BlobStore.atomicTempOf(Path.of(OCI_LAYOUT)).toString());

    /**
     * Checks that a layout may be created in {@code dir}: it is missing, empty, or holds only what an
     * interrupted create left. Anything else is someone's data, and a layout written over it would
     * mix the two (and overwrite an index.json).
     *
     * @throws FileSystemException naming {@code dir} and what it holds
     */
    static void checkCreatable(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null,
                    "not a directory; expected an OCI image layout directory, or a missing or empty one to create it in");
        }
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (!isCreateLeftover(child)) {
                    found.add(child.getFileName() + (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) ? "/" : ""));
                }
            }
        }
        if (!found.isEmpty()) {
            found.sort(null);
            int shown = Math.min(found.size(), 5);
            String list = String.join(", ", found.subList(0, shown))
                    + (found.size() > shown ? " and " + (found.size() - shown) + " more" : "");
            throw new FileSystemException(dir.toString(), null, "not an OCI image layout (no " + OCI_LAYOUT
                    + " file) and not empty: found " + list + "; refusing to write a layout into it");
        }
    }

    private static boolean isCreateLeftover(Path child) throws IOException {
        String name = child.getFileName().toString();
        if (CREATE_LEFTOVERS.contains(name)) {
            return true;
        }
        if (name.equals("blobs")) {
            if (!Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(child)) {
                return !entries.iterator().hasNext();
            }
        }
        return name.equals(INDEX_JSON) && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
                && Files.size(child) == EMPTY_INDEX.length && Arrays.equals(Files.readAllBytes(child), EMPTY_INDEX);
    }

    /** An error in one of the layout's files; the location reads {@code index.json /manifests/0/digest}. */
    static ImageFormatException error(String file, String pointer, String message) {
        return new ImageFormatException(pointer.isEmpty() ? file : file + " " + pointer, message);
    }
}
