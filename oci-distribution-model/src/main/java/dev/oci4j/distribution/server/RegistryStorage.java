package dev.oci4j.distribution.server;

import dev.oci4j.image.Digest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a {@link RegistryServer} keeps repositories: blobs, manifests and tags. The server checks
 * names, digests and references before calling; a storage only stores. Implementations are safe for
 * concurrent use.
 */
public interface RegistryStorage extends Closeable {

    /**
     * Storage in this JVM's memory, gone when the server stops.
     *
     * @return an empty storage
     * @throws IOException when its upload directory cannot be created
     */
    static RegistryStorage inMemory() throws IOException {
        return new MemoryStorage();
    }

    /**
     * Storage on disk: one OCI image layout per repository under {@code dir} ({@code dir/library/busybox}),
     * so {@code oci:dir/library/busybox:latest} reads what was pushed; uploads in progress live under
     * {@code dir/_uploads} and are removed on start.
     *
     * @param dir the storage directory, created when missing; what an earlier storage left there is served
     * @return the storage
     * @throws IOException when {@code dir} cannot be created or written
     */
    static RegistryStorage onDisk(Path dir) throws IOException {
        return new LayoutStorage(dir);
    }

    /**
     * Whether anything was ever pushed to a repository.
     *
     * @param repository the repository name
     * @return true when it was, and it still holds something
     * @throws IOException when the storage cannot be read
     */
    boolean hasRepository(String repository) throws IOException;

    /**
     * Every repository name.
     *
     * @return the names, in any order; empty when none
     * @throws IOException when the storage cannot be read
     */
    List<String> repositories() throws IOException;

    /**
     * The size of a blob.
     *
     * @param repository the repository name
     * @param digest the blob's digest
     * @return its size in bytes; empty when {@code repository} does not hold it
     * @throws IOException when the storage cannot be read
     */
    OptionalLong blobSize(String repository, Digest digest) throws IOException;

    /**
     * Opens a blob at {@code offset}.
     *
     * @param repository the repository name
     * @param digest the blob's digest
     * @param offset the first byte to read, 0 for the whole blob
     * @return a stream of the blob from {@code offset}; the caller closes it
     * @throws java.nio.file.NoSuchFileException when {@code repository} does not hold it
     * @throws IOException when the storage cannot be read
     */
    InputStream openBlob(String repository, Digest digest, long offset) throws IOException;

    /**
     * Stores {@code content} as the blob {@code digest} of {@code size} bytes, verifying both
     * before it becomes visible.
     *
     * @param repository the repository name
     * @param digest the digest the content must have
     * @param size the size the content must have, -1 for any
     * @param content the blob's bytes, read to the end (not closed)
     * @throws dev.oci4j.image.DigestMismatchException when the content differs; nothing is stored
     * @throws IOException when the content cannot be read or the storage written
     */
    void putBlob(String repository, Digest digest, long size, InputStream content) throws IOException;

    /**
     * Removes a blob from {@code repository}.
     *
     * @param repository the repository name
     * @param digest the blob's digest
     * @return false when it was not there
     * @throws IOException when the storage cannot be written
     */
    boolean deleteBlob(String repository, Digest digest) throws IOException;

    /**
     * The manifest with this digest in {@code repository}.
     *
     * @param repository the repository name
     * @param digest the manifest's digest
     * @return the manifest as pushed; empty when {@code repository} does not hold it
     * @throws IOException when the storage cannot be read
     */
    Optional<StoredManifest> manifest(String repository, Digest digest) throws IOException;

    /**
     * Every manifest digest of {@code repository}, tagged or not.
     *
     * @param repository the repository name
     * @return the digests, in any order; empty when none
     * @throws IOException when the storage cannot be read
     */
    List<Digest> manifests(String repository) throws IOException;

    /**
     * Stores a manifest (its bytes unchanged), untagged unless {@link #tag} names it.
     *
     * @param repository the repository name
     * @param manifest the manifest
     * @throws IOException when the storage cannot be written
     */
    void putManifest(String repository, StoredManifest manifest) throws IOException;

    /**
     * Removes a manifest and every tag pointing at it.
     *
     * @param repository the repository name
     * @param digest the manifest's digest
     * @return false when it was not there
     * @throws IOException when the storage cannot be written
     */
    boolean deleteManifest(String repository, Digest digest) throws IOException;

    /**
     * The digest a tag points at.
     *
     * @param repository the repository name
     * @param tag the tag
     * @return the manifest digest; empty when there is no such tag
     * @throws IOException when the storage cannot be read
     */
    Optional<Digest> resolveTag(String repository, String tag) throws IOException;

    /**
     * Points {@code tag} at the stored manifest {@code digest}, moving it when it pointed elsewhere.
     *
     * @param repository the repository name
     * @param tag the tag
     * @param digest the digest of a manifest stored in {@code repository}
     * @throws IOException when the storage cannot be written
     */
    void tag(String repository, String tag, Digest digest) throws IOException;

    /**
     * Removes a tag, keeping the manifest.
     *
     * @param repository the repository name
     * @param tag the tag
     * @return false when there was no such tag
     * @throws IOException when the storage cannot be written
     */
    boolean untag(String repository, String tag) throws IOException;

    /**
     * Every tag of {@code repository}.
     *
     * @param repository the repository name
     * @return the tags, in any order; empty when none
     * @throws IOException when the storage cannot be read
     */
    List<String> tags(String repository) throws IOException;

    /** {@return a writable directory for uploads in progress, emptied by the storage when it opens} */
    Path uploadDirectory();
}
