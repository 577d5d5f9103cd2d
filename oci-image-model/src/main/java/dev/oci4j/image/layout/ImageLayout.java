package dev.oci4j.image.layout;

import dev.oci4j.image.Annotations;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageDocument;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Parsed;
import dev.oci4j.image.Platform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
    private final IndexStore index;

    private ImageLayout(Path root) throws IOException {
        this.root = root;
        this.blobs = new BlobStore(root);
        this.lock = new LayoutLock(root);
        this.index = new IndexStore(root, lock);
    }

    /**
     * Creates a new, empty layout in {@code dir}, creating the directory if needed. Only a missing or
     * empty directory is used (or one holding what an interrupted create left behind): a layout is
     * never written among other files.
     *
     * @param dir the directory to create the layout in
     * @return the new layout, with an empty index.json
     * @throws FileAlreadyExistsException when {@code dir} already holds an {@code oci-layout} file
     * @throws java.nio.file.FileSystemException naming {@code dir} and what it holds when it is not
     *     a directory, or holds other files
     * @throws NullPointerException if {@code dir} is null
     */
    public static ImageLayout create(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Path header = dir.resolve(LayoutFiles.OCI_LAYOUT);
        if (Files.exists(header, LinkOption.NOFOLLOW_LINKS)) {
            throw alreadyALayout(header);
        }
        // Before the lock, which creates a lock file: a refused directory is left exactly as it was.
        LayoutFiles.checkCreatable(dir);
        Files.createDirectories(dir);
        ImageLayout layout = new ImageLayout(dir);
        layout.lock.locked(() -> {
            if (Files.exists(header, LinkOption.NOFOLLOW_LINKS)) {
                throw alreadyALayout(header);
            }
            LayoutFiles.checkCreatable(dir);   // again under the lock: another writer may have been quicker
            Files.createDirectories(layout.blobs.blobs());
            BlobStore.writeAtomically(dir.resolve(LayoutFiles.INDEX_JSON), LayoutFiles.EMPTY_INDEX);
            // oci-layout last: it marks the directory as a complete layout.
            BlobStore.writeAtomically(header, LayoutFiles.HEADER);
            return null;
        });
        return layout;
    }

    private static FileAlreadyExistsException alreadyALayout(Path header) {
        return new FileAlreadyExistsException(header.toString(), null,
                "an image layout already exists here; use ImageLayout.open");
    }

    /**
     * Opens an existing layout, checking {@code oci-layout} and {@code index.json}, and removes temp
     * files left by writers that crashed.
     *
     * @param dir the layout's directory
     * @return the layout
     * @throws NoSuchFileException when {@code dir} does not exist
     * @throws NotDirectoryException when {@code dir} is not a directory
     * @throws ImageFormatException naming the file (and JSON pointer) when the layout is malformed
     * @throws IOException if reading the layout fails
     */
    public static ImageLayout open(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "does not exist; expected an OCI image layout directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir + " (expected an OCI image layout directory)");
        }
        LayoutFiles.checkHeader(dir);
        ImageLayout layout = new ImageLayout(dir);
        layout.index();
        if (!Files.isDirectory(layout.blobs.blobs())) {
            throw new ImageFormatException("blobs", dir + ": the blobs directory is missing (image-layout.md: it MUST exist)");
        }
        // Only when temp files can exist: opening a layout other tools wrote, or a read-only one,
        // must not create our lock file.
        if (layout.blobs.hasTempDir() && Files.isWritable(dir)) {
            layout.lock.locked(layout.blobs::removeStaleTemps);
        }
        return layout;
    }

    /**
     * Opens the layout in {@code dir} when it has an {@code oci-layout} file; otherwise creates one,
     * but only in a missing or empty directory (see {@link #create(Path)}).
     *
     * @param dir the layout's directory
     * @return the existing or new layout
     * @throws java.nio.file.FileSystemException naming {@code dir} and what it holds when it is
     *     neither a layout nor empty
     * @throws ImageFormatException naming the file when an existing layout is malformed
     */
    public static ImageLayout openOrCreate(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        if (Files.exists(dir.resolve(LayoutFiles.OCI_LAYOUT), LinkOption.NOFOLLOW_LINKS)) {
            return open(dir);   // without taking the lock: the layout may be read-only
        }
        try {
            return create(dir);
        } catch (FileAlreadyExistsException e) {
            return open(dir);   // another process created it meanwhile
        }
    }

    /** {@return the layout's directory} */
    public Path root() {
        return root;
    }

    // ---------------------------------------------------------------- blobs

    /**
     * Where the blob with this digest lives, {@code blobs/<alg>/<encoded>}, whether or not it exists.
     *
     * @param digest the blob's digest
     * @return the blob's path under {@link #root()}
     */
    public Path blobPath(Digest digest) {
        return blobs.path(Objects.requireNonNull(digest, "digest"));
    }

    /**
     * Whether the blob is present (not whether its content is right: see {@link #verify()}).
     *
     * @param digest the blob's digest
     * @return true when a file of that name exists under {@code blobs/}
     */
    public boolean hasBlob(Digest digest) {
        return blobs.has(Objects.requireNonNull(digest, "digest"));
    }

    /**
     * The stored blob's length in bytes.
     *
     * @param digest the blob's digest
     * @return the size of the stored file
     * @throws java.nio.file.NoSuchFileException when it is absent
     * @throws IOException if the size cannot be read
     */
    public long blobSize(Digest digest) throws IOException {
        return blobs.size(Objects.requireNonNull(digest, "digest"));
    }

    /**
     * Every blob under {@code blobs/} whose file name is a valid digest.
     *
     * @return the digests of the stored blobs; names that are not digests (temp files, strays) are left out
     * @throws IOException if listing {@code blobs/} fails
     */
    public List<Digest> blobs() throws IOException {
        return List.copyOf(blobs.list());
    }

    /**
     * A writer for a blob of unknown content, named by its SHA-256 digest.
     *
     * @return an open writer; commit it to store the blob, close it to discard
     * @throws IOException if the temp file cannot be created
     */
    public BlobWriter newBlobWriter() throws IOException {
        return blobs.newWriter(Digest.SHA256, null, -1);
    }

    /**
     * A writer for a blob that must have digest {@code expected} and {@code expectedSize} bytes (-1: any
     * size); commit fails with DigestMismatchException otherwise, and nothing is stored.
     *
     * @param expected the digest the content must have
     * @param expectedSize the size the content must have, or -1 for any
     * @return an open writer; commit it to store the blob, close it to discard
     * @throws IOException if the temp file cannot be created
     * @throws IllegalArgumentException if {@code expected}'s algorithm cannot be verified (not sha256 or sha512)
     */
    public BlobWriter newBlobWriter(Digest expected, long expectedSize) throws IOException {
        Objects.requireNonNull(expected, "expected");
        requireVerifiable(expected);
        return blobs.newWriter(expected.algorithm(), expected, expectedSize);
    }

    /**
     * Stores everything {@code in} yields as a SHA-256-named blob; the stream is not closed.
     *
     * @param in the content
     * @return the stored blob
     * @throws IOException if reading {@code in} or storing the blob fails
     */
    public Blob writeBlob(InputStream in) throws IOException {
        return blobs.write(Objects.requireNonNull(in, "in"), Digest.SHA256, null, -1);
    }

    /**
     * Stores {@code in}'s content, checking it against {@code expected} and {@code expectedSize}
     * (-1: any size) before it becomes visible.
     *
     * @param in the content; left unread when a blob of that digest and size is already stored
     * @param expected the digest the content must have
     * @param expectedSize the size the content must have, or -1 for any
     * @return the stored blob; {@link Blob#created()} is false when it was there already
     * @throws dev.oci4j.image.DigestMismatchException when the content differs; nothing is stored
     * @throws IOException if reading {@code in} or storing the blob fails
     * @throws IllegalArgumentException if {@code expected}'s algorithm cannot be verified (not sha256 or sha512)
     */
    public Blob writeBlob(InputStream in, Digest expected, long expectedSize) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(expected, "expected");
        requireVerifiable(expected);
        if (blobs.has(expected) && expectedSize >= 0 && blobs.size(expected) == expectedSize) {
            // Content addressed: the same digest and size is the same content. Leave the stream unread.
            blobs.touch(expected);
            return new Blob(expected, expectedSize, false);
        }
        return blobs.write(in, expected.algorithm(), expected, expectedSize);
    }

    /**
     * Stores a small blob such as a manifest or config, keeping the exact bytes.
     *
     * @param content the content
     * @return the stored blob, named by its SHA-256 digest
     * @throws IOException if storing the blob fails
     */
    public Blob writeBlob(byte[] content) throws IOException {
        return writeBlob(new ByteArrayInputStream(Objects.requireNonNull(content, "content")));
    }

    /**
     * Opens a blob for reading; the stream fails with DigestMismatchException at its end when the
     * content does not match the digest, so nothing unverified is ever trusted. Closing it before the
     * end reads the rest to verify it (a tar reader stops at the trailer; the blob may go on).
     *
     * @param digest the blob's digest
     * @return the blob's content, verified as it is read
     * @throws java.nio.file.NoSuchFileException when the blob is absent
     * @throws IllegalArgumentException if {@code digest}'s algorithm cannot be verified (not sha256 or sha512)
     */
    public InputStream readBlob(Digest digest) throws IOException {
        Objects.requireNonNull(digest, "digest");
        requireVerifiable(digest);
        return blobs.open(digest, -1);
    }

    /**
     * Like {@link #readBlob(Digest)}, also failing once more than {@code expectedSize} bytes arrive or fewer at the end.
     *
     * @param digest the blob's digest
     * @param expectedSize the size the blob must have, or -1 for any
     * @return the blob's content, verified as it is read
     * @throws IOException if the blob is absent or cannot be opened
     * @throws IllegalArgumentException if {@code digest}'s algorithm cannot be verified (not sha256 or sha512)
     */
    public InputStream readBlob(Digest digest, long expectedSize) throws IOException {
        Objects.requireNonNull(digest, "digest");
        requireVerifiable(digest);
        return blobs.open(digest, expectedSize);
    }

    /**
     * Reads a small blob (a manifest, an index, a config) fully, verified.
     *
     * @param digest the blob's digest
     * @param expectedSize the size the blob must have, or -1 for any
     * @return the blob's content
     * @throws IOException if the blob is absent or cannot be read
     * @throws dev.oci4j.image.DigestMismatchException if the content does not match {@code digest} or {@code expectedSize}
     */
    public byte[] readBlobBytes(Digest digest, long expectedSize) throws IOException {
        try (InputStream in = readBlob(digest, expectedSize)) {
            return in.readAllBytes();   // reaching the end is what verifies
        }
    }

    private static void requireVerifiable(Digest digest) {
        if (!digest.isVerifiable()) {
            throw new IllegalArgumentException("digest algorithm \"" + digest.algorithm()
                    + "\" cannot be verified; supported: sha256, sha512");
        }
    }

    /**
     * Reads and verifies a blob against its descriptor's digest and size.
     *
     * @param descriptor the descriptor of the blob
     * @return the blob's content, verified as it is read
     * @throws IOException if the blob is absent or cannot be opened
     */
    public InputStream readBlob(Descriptor descriptor) throws IOException {
        Objects.requireNonNull(descriptor, "descriptor");
        return readBlob(descriptor.digest(), descriptor.size());
    }

    // ---------------------------------------------------------------- JSON documents

    /**
     * Stores JSON bytes unchanged (their digest is over these exact bytes) and describes them.
     *
     * @param mediaType the media type the descriptor gives the document
     * @param json the document's bytes, stored as they are
     * @return a descriptor of the stored blob
     * @throws IOException if storing the blob fails
     */
    public Descriptor writeJson(MediaType mediaType, byte[] json) throws IOException {
        Objects.requireNonNull(mediaType, "mediaType");
        Blob blob = writeBlob(json);
        return Descriptor.of(mediaType, blob.digest(), blob.size());
    }

    /**
     * Serializes and stores a manifest; the descriptor carries its media type and artifactType.
     *
     * @param manifest the manifest
     * @return a descriptor of the stored manifest
     * @throws IOException if storing the blob fails
     */
    public Descriptor writeManifest(ImageManifest manifest) throws IOException {
        return write(Documents.encode(ImageDocument.MANIFEST, manifest));
    }

    /**
     * Serializes and stores an index (a nested index, not index.json).
     *
     * @param index the index
     * @return a descriptor of the stored index
     * @throws IOException if storing the blob fails
     */
    public Descriptor writeIndex(ImageIndex index) throws IOException {
        return write(Documents.encode(ImageDocument.INDEX, index));
    }

    /**
     * Serializes and stores an image configuration.
     *
     * @param config the configuration
     * @return a descriptor of the stored configuration
     * @throws IOException if storing the blob fails
     */
    public Descriptor writeConfig(ImageConfiguration config) throws IOException {
        return write(Documents.encode(ImageDocument.CONFIGURATION, config));
    }

    private Descriptor write(Parsed<?> parsed) throws IOException {
        writeBlob(new ByteArrayInputStream(parsed.bytes()), parsed.digest(), parsed.size());
        return parsed.descriptor();
    }

    /**
     * Reads, verifies and parses the manifest a descriptor points at.
     *
     * @param descriptor the manifest's descriptor
     * @return the manifest with its exact bytes, digest and size
     * @throws IOException if the blob is absent or cannot be read
     * @throws ImageFormatException if the blob is larger than a document may be or is not a manifest
     * @throws dev.oci4j.image.DigestMismatchException if the blob does not match the descriptor
     */
    public Parsed<ImageManifest> parseManifest(Descriptor descriptor) throws IOException {
        return Documents.parse(ImageDocument.MANIFEST, readDocument(descriptor), descriptor.digest().toString());
    }

    /**
     * Reads, verifies and parses the (nested) index a descriptor points at.
     *
     * @param descriptor the index's descriptor
     * @return the index with its exact bytes, digest and size
     * @throws IOException if the blob is absent or cannot be read
     * @throws ImageFormatException if the blob is larger than a document may be or is not an index
     * @throws dev.oci4j.image.DigestMismatchException if the blob does not match the descriptor
     */
    public Parsed<ImageIndex> parseIndex(Descriptor descriptor) throws IOException {
        return Documents.parse(ImageDocument.INDEX, readDocument(descriptor), descriptor.digest().toString());
    }

    /**
     * Reads, verifies and parses the image configuration a descriptor points at.
     *
     * @param descriptor the configuration's descriptor
     * @return the configuration with its exact bytes, digest and size
     * @throws IOException if the blob is absent or cannot be read
     * @throws ImageFormatException if the blob is larger than a document may be or is not a configuration
     * @throws dev.oci4j.image.DigestMismatchException if the blob does not match the descriptor
     */
    public Parsed<ImageConfiguration> parseConfig(Descriptor descriptor) throws IOException {
        return Documents.parse(ImageDocument.CONFIGURATION, readDocument(descriptor), descriptor.digest().toString());
    }

    private byte[] readDocument(Descriptor descriptor) throws IOException {
        Objects.requireNonNull(descriptor, "descriptor");
        if (descriptor.size() > LayoutVerifier.MAX_DOCUMENT_SIZE) {
            throw new ImageFormatException(descriptor.digest().toString(), "descriptor size " + descriptor.size()
                    + " is larger than the " + LayoutVerifier.MAX_DOCUMENT_SIZE + " bytes accepted for a document");
        }
        return readBlobBytes(descriptor.digest(), descriptor.size());
    }

    // ---------------------------------------------------------------- index.json

    /**
     * The current index.json, unknown members kept.
     *
     * @return the index
     * @throws ImageFormatException naming index.json and the JSON pointer when it is malformed
     * @throws IOException if index.json cannot be read
     */
    public ImageIndex index() throws IOException {
        return index.read();
    }

    /**
     * The named images: each {@link Annotations#REF_NAME ref name} in index.json with the entry it
     * names, in index order (the first entry wins when a name repeats, as {@link #resolve} does).
     * Entries without a name are left out.
     *
     * @return the entries by ref name, in index order; unmodifiable
     * @throws IOException if index.json cannot be read
     */
    public Map<String, Descriptor> tags() throws IOException {
        Map<String, Descriptor> tags = new LinkedHashMap<>();
        for (Descriptor d : index().manifests()) {
            String name = d.annotations().get(Annotations.REF_NAME);
            if (name != null) {
                tags.putIfAbsent(name, d);
            }
        }
        return Collections.unmodifiableMap(tags);
    }

    /**
     * The first index.json entry whose {@code org.opencontainers.image.ref.name} is {@code refName}
     * (any text: names other tools wrote are not checked against the grammar).
     *
     * @param refName the ref name
     * @return the entry, or empty when no entry has that name
     * @throws IOException if index.json cannot be read
     */
    public Optional<Descriptor> resolve(String refName) throws IOException {
        Objects.requireNonNull(refName, "refName");
        return index().manifests().stream()
                .filter(d -> refName.equals(d.annotations().get(Annotations.REF_NAME)))
                .findFirst();
    }

    /**
     * Follows {@code refName} to an image manifest, through nested indexes, choosing the first entry
     * whose platform matches {@code platform} (image-index.md); empty when the name is unknown or no
     * entry matches.
     *
     * @param refName the ref name
     * @param platform the platform to choose in an index
     * @return the image manifest's descriptor
     * @throws IOException if index.json or a nested index cannot be read
     * @throws ImageFormatException if a nested index is malformed or indexes nest deeper than 16 levels
     */
    public Optional<Descriptor> resolveManifest(String refName, Platform platform) throws IOException {
        Objects.requireNonNull(platform, "platform");
        Optional<Descriptor> entry = resolve(refName);
        return entry.isEmpty() ? Optional.empty() : resolveManifest(entry.get(), platform);
    }

    /**
     * Follows a descriptor to an image manifest, through nested indexes, for {@code platform}.
     *
     * @param descriptor an index or manifest descriptor
     * @param platform the platform to choose in an index
     * @return the image manifest's descriptor ({@code descriptor} itself when it is not an index), or
     *     empty when no entry matches
     * @throws IOException if a nested index cannot be read
     * @throws ImageFormatException if a nested index is malformed or indexes nest deeper than 16 levels
     */
    public Optional<Descriptor> resolveManifest(Descriptor descriptor, Platform platform) throws IOException {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(platform, "platform");
        Descriptor d = descriptor;
        for (int depth = 0; depth < 16; depth++) {
            if (!d.mediaType().map(MediaType::isIndex).orElse(false)) {
                return Optional.of(d);
            }
            Optional<Descriptor> next = parseIndex(d).value().firstMatching(platform);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            d = next.get();
        }
        throw new ImageFormatException(descriptor.digest().toString(), "indexes nest deeper than 16 levels");
    }

    /**
     * Names {@code target} {@code refName} in index.json: the entry that had this name is replaced,
     * every other entry stays, including other names for the same digest.
     *
     * @param refName the ref name, matching the grammar of annotations.md
     * @param target the descriptor to name, usually a manifest's or an index's
     * @return the entry as written, with the ref name annotation
     * @throws IllegalArgumentException when {@code refName} does not match the ref grammar
     * @throws IOException if index.json cannot be read or written
     */
    public Descriptor tag(String refName, Descriptor target) throws IOException {
        RefName.check(refName);
        Objects.requireNonNull(target, "target");
        Descriptor tagged = target.toBuilder().putAnnotation(Annotations.REF_NAME, refName).build();
        index.update(i -> IndexStore.withTag(i, refName, tagged));
        return tagged;
    }

    /**
     * Removes the entries named {@code refName}; the blobs stay until {@link #gc()}.
     *
     * @param refName the ref name
     * @return true when an entry was removed
     * @throws IOException if index.json cannot be read or written
     */
    public boolean untag(String refName) throws IOException {
        Objects.requireNonNull(refName, "refName");
        boolean[] removed = {false};
        index.update(i -> {
            ImageIndex after = IndexStore.withoutTag(i, refName);
            removed[0] = after.manifests().size() != i.manifests().size();
            return after;
        });
        return removed[0];
    }

    /**
     * Removes every index.json entry pointing at {@code digest}, whatever its names; returns how many.
     *
     * @param digest the digest whose entries to remove
     * @return the number of entries removed
     * @throws IOException if index.json cannot be read or written
     */
    public int remove(Digest digest) throws IOException {
        Objects.requireNonNull(digest, "digest");
        int[] removed = {0};
        index.update(i -> {
            ImageIndex after = IndexStore.withoutDigest(i, digest);
            removed[0] = i.manifests().size() - after.manifests().size();
            return after;
        });
        return removed[0];
    }

    /**
     * Changes index.json atomically: {@code change} sees the current index under the layout lock (held
     * against other threads and processes) and its result replaces the file. Keep it quick and pure.
     *
     * @param change turns the current index into the new one
     * @return the index as written
     * @throws IOException if index.json cannot be read or written
     */
    public ImageIndex updateIndex(UnaryOperator<ImageIndex> change) throws IOException {
        return index.update(Objects.requireNonNull(change, "change"));
    }

    // ---------------------------------------------------------------- verify, gc

    /**
     * Checks everything index.json references, as deep as it goes: each blob exists with its
     * descriptor's size and digest, documents parse and validate (ImageValidator; SHOULDs are
     * warnings), layers decompress to the config's diff_ids; and every other blob under {@code blobs/}
     * matches its name. Reports every problem instead of stopping at the first.
     *
     * @return every problem found, and how much content was checked
     * @throws IOException if index.json or a blob cannot be read for a reason other than its content
     */
    public LayoutVerification verify() throws IOException {
        return new LayoutVerifier(this).run();
    }

    /**
     * Deletes blobs not reachable from index.json and temp files of writers that are gone, under the
     * layout lock. Run it when no producer is between storing blobs and tagging them, or use
     * {@link #gc(Duration)}.
     *
     * @return what was removed
     * @throws IOException without deleting anything when a reachable index or manifest cannot be read,
     *     since its children could not be known
     */
    public GcResult gc() throws IOException {
        return gc(Duration.ZERO);
    }

    /**
     * Like {@link #gc()}, sparing unreachable blobs stored or re-stored within {@code gracePeriod}.
     *
     * @param gracePeriod how long an unreachable blob is kept after it was stored; {@link Duration#ZERO} for none
     * @return what was removed
     * @throws IOException without deleting anything when a reachable index or manifest cannot be read
     */
    public GcResult gc(Duration gracePeriod) throws IOException {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        return lock.locked(() -> new LayoutGc(this, blobs).run(gracePeriod));
    }

    @Override
    public String toString() {
        return "ImageLayout[" + root + "]";
    }
}
