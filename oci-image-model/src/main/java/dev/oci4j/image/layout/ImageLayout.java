package dev.oci4j.image.layout;

import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An OCI image layout directory (image-spec image-layout.md): {@code oci-layout}, {@code index.json}
 * and content-addressed {@code blobs/<alg>/<encoded>}.
 *
 * <p>Blobs are written through temp files and appear atomically, verified; index.json changes are
 * read-modify-write under a lock shared by threads and processes, then renamed into place, so two
 * JVMs tagging into one layout lose nothing. Unknown files and unknown JSON members are kept.
 *
 * <pre>{@code
 * ImageLayout layout = ImageLayout.create(dir);
 * Blob layer = layout.writeBlob(in);
 * try (InputStream verified = layout.readBlob(layer.digest())) { ... }
 * }</pre>
 */
public final class ImageLayout {

    private final Path root;
    private final BlobStore blobs;
    private final LayoutLock lock;

    private ImageLayout(Path root) throws IOException {
        this.root = root;
        this.blobs = new BlobStore(root);
        this.lock = new LayoutLock(root);
    }

    /**
     * Creates a new, empty layout in {@code dir}, creating the directory if needed.
     *
     * @throws FileAlreadyExistsException when {@code dir} already holds an {@code oci-layout} file
     */
    public static ImageLayout create(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Files.createDirectories(dir);
        ImageLayout layout = new ImageLayout(dir);
        layout.lock.locked(() -> {
            if (Files.exists(dir.resolve(LayoutFiles.OCI_LAYOUT))) {
                throw new FileAlreadyExistsException(dir.resolve(LayoutFiles.OCI_LAYOUT).toString(), null,
                        "an image layout already exists here; use ImageLayout.open");
            }
            Files.createDirectories(layout.blobs.blobs());
            BlobStore.writeAtomically(dir.resolve(LayoutFiles.INDEX_JSON), LayoutFiles.EMPTY_INDEX);
            // oci-layout last: it marks the directory as a complete layout.
            BlobStore.writeAtomically(dir.resolve(LayoutFiles.OCI_LAYOUT), LayoutFiles.HEADER);
            return null;
        });
        return layout;
    }

    /**
     * Opens an existing layout, checking {@code oci-layout} and {@code index.json}, and removes temp
     * files left by writers that crashed.
     *
     * @throws ImageFormatException naming the file (and JSON pointer) when the layout is malformed
     */
    public static ImageLayout open(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NotDirectoryException(dir + " (expected an OCI image layout directory)");
        }
        LayoutFiles.checkHeader(dir);
        ImageLayout layout = new ImageLayout(dir);
        layout.readIndexTree();
        if (!Files.isDirectory(layout.blobs.blobs())) {
            throw new ImageFormatException("blobs", dir + ": the blobs directory is missing (image-layout.md: it MUST exist)");
        }
        layout.lock.locked(layout.blobs::removeStaleTemps);
        return layout;
    }

    /** Opens the layout in {@code dir}, or creates it when {@code dir} has no {@code oci-layout} file. */
    public static ImageLayout openOrCreate(Path dir) throws IOException {
        try {
            return create(dir);
        } catch (FileAlreadyExistsException e) {
            return open(dir);
        }
    }

    /** The layout's directory. */
    public Path root() {
        return root;
    }

    // ---------------------------------------------------------------- blobs

    /** Where the blob with this digest lives, {@code blobs/<alg>/<encoded>}, whether or not it exists. */
    public Path blobPath(Digest digest) {
        return blobs.path(Objects.requireNonNull(digest, "digest"));
    }

    /** Whether the blob is present (not whether its content is right: see {@link #verify()}). */
    public boolean hasBlob(Digest digest) {
        return blobs.has(Objects.requireNonNull(digest, "digest"));
    }

    /** The stored blob's length in bytes. @throws java.nio.file.NoSuchFileException when it is absent */
    public long blobSize(Digest digest) throws IOException {
        return blobs.size(Objects.requireNonNull(digest, "digest"));
    }

    /** Every blob under {@code blobs/} whose file name is a valid digest. */
    public List<Digest> blobs() throws IOException {
        return List.copyOf(blobs.list());
    }

    /** A writer for a blob of unknown content, named by its SHA-256 digest. */
    public BlobWriter newBlobWriter() throws IOException {
        return blobs.newWriter(Digest.SHA256, null, -1);
    }

    /**
     * A writer for a blob that must have digest {@code expected} and {@code expectedSize} bytes (-1: any
     * size); commit fails with DigestMismatchException otherwise, and nothing is stored.
     */
    public BlobWriter newBlobWriter(Digest expected, long expectedSize) throws IOException {
        Objects.requireNonNull(expected, "expected");
        requireVerifiable(expected);
        return blobs.newWriter(expected.algorithm(), expected, expectedSize);
    }

    /** Stores everything {@code in} yields as a SHA-256-named blob; the stream is not closed. */
    public Blob writeBlob(InputStream in) throws IOException {
        return blobs.write(Objects.requireNonNull(in, "in"), Digest.SHA256, null, -1);
    }

    /**
     * Stores {@code in}'s content, checking it against {@code expected} and {@code expectedSize}
     * (-1: any size) before it becomes visible.
     *
     * @throws dev.oci4j.image.DigestMismatchException when the content differs; nothing is stored
     */
    public Blob writeBlob(InputStream in, Digest expected, long expectedSize) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(expected, "expected");
        requireVerifiable(expected);
        if (blobs.has(expected) && expectedSize >= 0 && blobs.size(expected) == expectedSize) {
            // Content addressed: the same digest and size is the same content. Leave the stream unread.
            return new Blob(expected, expectedSize, false);
        }
        return blobs.write(in, expected.algorithm(), expected, expectedSize);
    }

    /** Stores a small blob such as a manifest or config, keeping the exact bytes. */
    public Blob writeBlob(byte[] content) throws IOException {
        return writeBlob(new ByteArrayInputStream(Objects.requireNonNull(content, "content")));
    }

    /**
     * Opens a blob for reading; the stream fails with DigestMismatchException at its end when the
     * content does not match the digest, so nothing unverified is ever trusted.
     *
     * @throws java.nio.file.NoSuchFileException when the blob is absent
     */
    public InputStream readBlob(Digest digest) throws IOException {
        Objects.requireNonNull(digest, "digest");
        requireVerifiable(digest);
        return blobs.open(digest, -1);
    }

    /** Like {@link #readBlob(Digest)}, also failing once more than {@code expectedSize} bytes arrive or fewer at the end. */
    public InputStream readBlob(Digest digest, long expectedSize) throws IOException {
        Objects.requireNonNull(digest, "digest");
        requireVerifiable(digest);
        return blobs.open(digest, expectedSize);
    }

    /** Reads a small blob (a manifest, an index, a config) fully, verified. */
    public byte[] readBlobBytes(Digest digest, long expectedSize) throws IOException {
        try (InputStream in = readBlob(digest, expectedSize)) {
            byte[] bytes = in.readAllBytes();
            in.read(); // reaching the end again is harmless; readAllBytes already triggered verification
            return bytes;
        }
    }

    private static void requireVerifiable(Digest digest) {
        if (!digest.isVerifiable()) {
            throw new IllegalArgumentException("digest algorithm \"" + digest.algorithm()
                    + "\" cannot be verified; supported: sha256, sha512");
        }
    }

    // ---------------------------------------------------------------- index.json

    private com.fasterxml.jackson.databind.JsonNode readIndexTree() throws IOException {
        byte[] bytes = LayoutFiles.readIndex(root);
        return dev.oci4j.image.internal.json.Json.readTree(bytes,
                (p, m) -> LayoutFiles.error(LayoutFiles.INDEX_JSON, p, m));
    }

    @Override
    public String toString() {
        return "ImageLayout[" + root + "]";
    }
}
