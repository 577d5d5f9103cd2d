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

    /** Storage in this JVM's memory, gone when the server stops. */
    static RegistryStorage inMemory() throws IOException {
        return new MemoryStorage();
    }

    /**
     * Storage on disk: one OCI image layout per repository under {@code dir} ({@code dir/library/busybox}),
     * so {@code oci:dir/library/busybox:latest} reads what was pushed; uploads in progress live under
     * {@code dir/_uploads} and are removed on start.
     *
     * <p>Nested names nest directories: {@code a} and {@code a/b} are both layouts, the second inside
     * the first (OCI tools ignore what a layout does not name). A name component that a layout uses
     * for itself ({@code blobs}, {@code index.json}, {@code oci-layout}) is stored with a leading
     * {@code _}: {@code a/blobs} lives in {@code dir/a/_blobs}. No repository component may begin with
     * {@code _} (distribution-spec's name grammar), so the mapping is one to one and
     * {@link #repositories()} gives the names back.
     *
     * @param dir the storage's directory, created when missing
     * @return the storage, to be given to {@link RegistryServer.Builder#storage}
     * @throws IOException when {@code dir} cannot be created or written
     */
    static RegistryStorage onDisk(Path dir) throws IOException {
        return new LayoutStorage(dir);
    }

    /** Whether anything was ever pushed to {@code repository} (and it still holds something). */
    boolean hasRepository(String repository) throws IOException;

    /** Every repository name, in any order. */
    List<String> repositories() throws IOException;

    /** The blob's size, empty when {@code repository} does not hold it. */
    OptionalLong blobSize(String repository, Digest digest) throws IOException;

    /**
     * Opens a blob at {@code offset}.
     *
     * @throws java.nio.file.NoSuchFileException when {@code repository} does not hold it
     */
    InputStream openBlob(String repository, Digest digest, long offset) throws IOException;

    /**
     * Stores {@code content} as the blob {@code digest} of {@code size} bytes (-1: any), verifying both
     * before it becomes visible.
     *
     * @throws dev.oci4j.image.DigestMismatchException when the content differs; nothing is stored
     */
    void putBlob(String repository, Digest digest, long size, InputStream content) throws IOException;

    /**
     * Stores an upload's file as the blob {@code digest}, taking the file over: the server has already
     * checked that it holds {@code size} bytes of that digest. The default copies it through
     * {@link #putBlob}; a storage on the same file system moves it instead. The caller deletes
     * {@code file} afterwards if it is still there.
     *
     * @param repository the repository the blob joins
     * @param digest     the blob's verified digest
     * @param size       the blob's length in bytes
     * @param file       the upload's file, in {@link #uploadDirectory()}
     * @throws IOException when the blob cannot be stored; nothing is then visible
     */
    default void adoptBlob(String repository, Digest digest, long size, Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            putBlob(repository, digest, size, in);
        }
    }

    /** Removes the blob from {@code repository}; false when it was not there. */
    boolean deleteBlob(String repository, Digest digest) throws IOException;

    /** The manifest with this digest in {@code repository}. */
    Optional<StoredManifest> manifest(String repository, Digest digest) throws IOException;

    /** Every manifest digest of {@code repository}, tagged or not. */
    List<Digest> manifests(String repository) throws IOException;

    /** Stores a manifest (its bytes unchanged), untagged unless {@link #tag} names it. */
    void putManifest(String repository, StoredManifest manifest) throws IOException;

    /** Removes the manifest and every tag pointing at it; false when it was not there. */
    boolean deleteManifest(String repository, Digest digest) throws IOException;

    /** The digest {@code tag} points at. */
    Optional<Digest> resolveTag(String repository, String tag) throws IOException;

    /** Points {@code tag} at the stored manifest {@code digest}, moving it when it pointed elsewhere. */
    void tag(String repository, String tag, Digest digest) throws IOException;

    /** Removes {@code tag}, keeping the manifest; false when there was no such tag. */
    boolean untag(String repository, String tag) throws IOException;

    /** Every tag of {@code repository}, in any order. */
    List<String> tags(String repository) throws IOException;

    /** A writable directory for uploads in progress, emptied by the storage when it opens. */
    Path uploadDirectory();
}
