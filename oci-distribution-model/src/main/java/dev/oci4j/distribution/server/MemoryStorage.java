package dev.oci4j.distribution.server;

import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@link RegistryStorage#inMemory()}: repositories, manifests and tags in maps; blob content shared by
 * digest across repositories, as files in a private temp directory ({@code /dev/shm} where it exists) that
 * {@link #close()} deletes. Files rather than heap arrays because a finished upload is then a rename, not a
 * copy of the whole blob into the heap, and a blob never has to fit in the heap at all.
 */
final class MemoryStorage implements RegistryStorage {

    /** Blob sizes; a digest is in here exactly when its file is in {@link #blobDir}. */
    private final Map<Digest, Long> sizes = new ConcurrentHashMap<>();
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    /** Guards the step between a blob's content and the repositories holding it (publish, mount, delete). */
    private final Object lock = new Object();
    private final Path root;
    private final Path blobDir;
    private final Path uploads;

    private static final class Repo {
        final Set<Digest> blobs = ConcurrentHashMap.newKeySet();
        final Map<Digest, StoredManifest> manifests = new ConcurrentHashMap<>();
        final Map<String, Digest> tags = new ConcurrentHashMap<>();
    }

    MemoryStorage() throws IOException {
        // On Linux the RAM-backed /dev/shm when there is one, so that a storage "in memory" does not wait on a
        // disk; uploads and blobs share the directory so that finishing an upload is a rename.
        Path shm = Path.of("/dev/shm");
        this.root = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "oci4j-registry-memory")
                : Files.createTempDirectory("oci4j-registry-memory");
        this.blobDir = Files.createDirectory(root.resolve("blobs"));
        this.uploads = Files.createDirectory(root.resolve("uploads"));
    }

    /** The private directory holding blobs and uploads, for tests that check it is gone after close. */
    Path root() {
        return root;
    }

    private Path file(Digest digest) {
        return blobDir.resolve(digest.algorithm() + "-" + digest.encoded());
    }

    private Optional<Repo> repo(String name) {
        return Optional.ofNullable(repos.get(name));
    }

    private Repo writable(String name) {
        return repos.computeIfAbsent(name, n -> new Repo());
    }

    @Override
    public boolean hasRepository(String repository) {
        return repos.containsKey(repository);
    }

    @Override
    public List<String> repositories() {
        return List.copyOf(repos.keySet());
    }

    @Override
    public OptionalLong blobSize(String repository, Digest digest) {
        Long size = repo(repository).filter(r -> r.blobs.contains(digest)).map(r -> sizes.get(digest)).orElse(null);
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    @Override
    public InputStream openBlob(String repository, Digest digest, long offset) throws IOException {
        if (blobSize(repository, digest).isEmpty()) {
            throw new NoSuchFileException(repository + "@" + digest);
        }
        // Deleted meanwhile: NoSuchFileException too. Deleted once open: Linux keeps the content for this reader.
        SeekableByteChannel ch = Files.newByteChannel(file(digest));
        ch.position(offset);
        return Channels.newInputStream(ch);
    }

    @Override
    public void putBlob(String repository, Digest digest, long size, InputStream content) throws IOException {
        Path tmp = uploads.resolve("put-" + UUID.randomUUID());
        try {
            long written;
            try (InputStream in = DigestingInputStream.verifying(content, digest, size);
                 OutputStream out = Files.newOutputStream(tmp)) {
                written = in.transferTo(out);
            }
            if (size >= 0 && written != size) {
                throw new IOException("blob " + digest + " has " + written + " bytes, not the " + size + " announced");
            }
            publish(repository, digest, written, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void adoptBlob(String repository, Digest digest, long size, Path file) throws IOException {
        long actual = Files.size(file);
        if (actual != size) {
            throw new IOException(file + " holds " + actual + " bytes, expected " + size);
        }
        publish(repository, digest, size, file);
    }

    /** Moves {@code file} to the digest's place unless the content is already there, then adds it to the repository. */
    private void publish(String repository, Digest digest, long size, Path file) throws IOException {
        synchronized (lock) {
            if (!sizes.containsKey(digest)) {
                Files.move(file, file(digest), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                sizes.put(digest, size);
            }
            writable(repository).blobs.add(digest);
        }
    }

    /** Shares the content: the blob joins {@code to}'s set, nothing is copied. */
    @Override
    public boolean mountBlob(String from, String to, Digest digest) {
        synchronized (lock) {
            if (blobSize(from, digest).isEmpty()) {
                return false;
            }
            writable(to).blobs.add(digest);
            return true;
        }
    }

    @Override
    public boolean deleteBlob(String repository, Digest digest) throws IOException {
        synchronized (lock) {
            Optional<Repo> r = repo(repository);
            if (r.isEmpty() || !r.get().blobs.remove(digest)) {
                return false;
            }
            if (repos.values().stream().noneMatch(o -> o.blobs.contains(digest))) {
                sizes.remove(digest);
                Files.deleteIfExists(file(digest));
            }
            return true;
        }
    }

    @Override
    public Optional<StoredManifest> manifest(String repository, Digest digest) {
        return repo(repository).map(r -> r.manifests.get(digest));
    }

    @Override
    public List<Digest> manifests(String repository) {
        return repo(repository).map(r -> r.manifests.keySet().stream().sorted(Comparator.naturalOrder()).toList())
                .orElse(List.of());
    }

    @Override
    public void putManifest(String repository, StoredManifest manifest) {
        writable(repository).manifests.put(manifest.digest(), manifest);
    }

    @Override
    public synchronized boolean deleteManifest(String repository, Digest digest) {
        Optional<Repo> r = repo(repository);
        if (r.isEmpty() || r.get().manifests.remove(digest) == null) {
            return false;
        }
        r.get().tags.values().removeIf(digest::equals);
        return true;
    }

    @Override
    public Optional<Digest> resolveTag(String repository, String tag) {
        return repo(repository).map(r -> r.tags.get(tag));
    }

    @Override
    public synchronized void tag(String repository, String tag, Digest digest) {
        writable(repository).tags.put(tag, digest);
    }

    @Override
    public boolean untag(String repository, String tag) {
        return repo(repository).map(r -> r.tags.remove(tag) != null).orElse(false);
    }

    @Override
    public List<String> tags(String repository) {
        return repo(repository).map(r -> List.copyOf(new ArrayList<>(r.tags.keySet()))).orElse(List.of());
    }

    @Override
    public Path uploadDirectory() {
        return uploads;
    }

    /** Forgets everything and deletes the private directory: nothing of this storage outlives it. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            sizes.clear();
            repos.clear();
            if (!Files.exists(root)) {
                return;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
