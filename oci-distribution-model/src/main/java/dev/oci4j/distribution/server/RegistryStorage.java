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
     * Storage that persists nothing: repositories, manifests and tags live in this JVM's memory, and blob
     * content and uploads in progress in a private temp directory ({@code /dev/shm} where it exists, so
     * nothing waits on a disk) rather than in the heap, so that finishing an upload moves a file instead of
     * copying the blob and a blob need not fit in the heap. Closing the storage (which stopping the server
     * does) deletes that directory: nothing is left after close.
     *
     * @return the storage, to be given to {@link RegistryServer.Builder#storage}
     * @throws IOException when the upload directory cannot be created
     */
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

    /**
     * Whether anything was ever pushed to {@code repository}.
     *
     * @param repository a repository name the server has checked
     * @return true when the repository exists
     * @throws IOException when the storage cannot be read
     */
    boolean hasRepository(String repository) throws IOException;

    /**
     * Every repository name, in any order.
     *
     * @return the names, as clients spell them ({@code library/busybox})
     * @throws IOException when the storage cannot be read
     */
    List<String> repositories() throws IOException;

    /**
     * The blob's size.
     *
     * @param repository the repository
     * @param digest     the blob's digest
     * @return its length in bytes, empty when {@code repository} does not hold it
     * @throws IOException when the storage cannot be read
     */
    OptionalLong blobSize(String repository, Digest digest) throws IOException;

    /**
     * Opens a blob at {@code offset}.
     *
     * @param repository the repository
     * @param digest     the blob's digest
     * @param offset     where to start, from 0 to the blob's size
     * @return the blob's bytes from {@code offset} on; the caller closes it
     * @throws java.nio.file.NoSuchFileException when {@code repository} does not hold it
     * @throws IOException when the blob cannot be read
     */
    InputStream openBlob(String repository, Digest digest, long offset) throws IOException;

    /**
     * Stores {@code content} as the blob {@code digest} of {@code size} bytes (-1: any), verifying both
     * before it becomes visible.
     *
     * @param repository the repository the blob joins (created when new)
     * @param digest     the digest the content must have (sha256 or sha512)
     * @param size       the length the content must have, -1 for any
     * @param content    the bytes, read to their end; the caller closes it
     * @throws dev.oci4j.image.DigestMismatchException when the content differs; nothing is stored
     * @throws IOException when the blob cannot be written; nothing is then visible
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

    /**
     * Adds the blob {@code digest} of {@code from} to {@code to} (a cross-repository mount), sharing the
     * content where the storage can: the memory storage adds it to {@code to}'s set, the disk storage makes
     * a hard link (a copy across file systems). Either way the blob stays in {@code to} when it is later
     * deleted from {@code from}. The default copies it through {@link #openBlob} and {@link #putBlob}.
     *
     * @param from   the repository holding the blob
     * @param to     the repository the blob joins (created when new)
     * @param digest the blob's digest
     * @return false when {@code from} does not hold the blob; nothing is then changed
     * @throws IOException when the blob cannot be read or stored; nothing is then visible in {@code to}
     */
    default boolean mountBlob(String from, String to, Digest digest) throws IOException {
        OptionalLong size = blobSize(from, digest);
        if (size.isEmpty()) {
            return false;
        }
        try (InputStream in = openBlob(from, digest, 0)) {
            putBlob(to, digest, size.getAsLong(), in);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;   // deleted from the source meanwhile
        }
        return true;
    }

    /**
     * Removes the blob from {@code repository}.
     *
     * @param repository the repository
     * @param digest     the blob's digest
     * @return false when it was not there
     * @throws IOException when the storage cannot be written
     */
    boolean deleteBlob(String repository, Digest digest) throws IOException;

    /**
     * The manifest with this digest in {@code repository}.
     *
     * @param repository the repository
     * @param digest     the manifest's digest
     * @return the manifest as pushed, empty when the repository does not hold it
     * @throws IOException when the storage cannot be read
     */
    Optional<StoredManifest> manifest(String repository, Digest digest) throws IOException;

    /**
     * Every manifest digest of {@code repository}, tagged or not.
     *
     * @param repository the repository
     * @return the digests, none when the repository does not exist
     * @throws IOException when the storage cannot be read
     */
    List<Digest> manifests(String repository) throws IOException;

    /**
     * Stores a manifest (its bytes unchanged), untagged unless {@link #tag} names it.
     *
     * @param repository the repository (created when new)
     * @param manifest   the manifest, whose blobs the server has checked
     * @throws IOException when the storage cannot be written
     */
    void putManifest(String repository, StoredManifest manifest) throws IOException;

    /**
     * Removes the manifest and every tag pointing at it.
     *
     * @param repository the repository
     * @param digest     the manifest's digest
     * @return false when it was not there
     * @throws IOException when the storage cannot be written
     */
    boolean deleteManifest(String repository, Digest digest) throws IOException;

    /**
     * The digest {@code tag} points at.
     *
     * @param repository the repository
     * @param tag        a tag the server has checked
     * @return the manifest's digest, empty when there is no such tag
     * @throws IOException when the storage cannot be read
     */
    Optional<Digest> resolveTag(String repository, String tag) throws IOException;

    /**
     * Points {@code tag} at the stored manifest {@code digest}, moving it when it pointed elsewhere.
     *
     * @param repository the repository
     * @param tag        a tag the server has checked
     * @param digest     a manifest stored in {@code repository}
     * @throws IOException when the storage cannot be written
     */
    void tag(String repository, String tag, Digest digest) throws IOException;

    /**
     * Removes {@code tag}, keeping the manifest.
     *
     * @param repository the repository
     * @param tag        the tag
     * @return false when there was no such tag
     * @throws IOException when the storage cannot be written
     */
    boolean untag(String repository, String tag) throws IOException;

    /**
     * Every tag of {@code repository}, in any order.
     *
     * @param repository the repository
     * @return the tags, none when the repository does not exist
     * @throws IOException when the storage cannot be read
     */
    List<String> tags(String repository) throws IOException;

    /**
     * A writable directory for uploads in progress, emptied by the storage when it opens. On disk it is
     * on the same file system as the blobs, so that a finished upload is moved, not copied.
     *
     * @return the directory
     */
    Path uploadDirectory();
}
