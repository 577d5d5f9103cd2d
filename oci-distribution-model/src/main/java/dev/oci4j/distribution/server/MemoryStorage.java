package dev.oci4j.distribution.server;

import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestingInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** {@link RegistryStorage#inMemory()}: blobs shared by content across repositories, uploads in a temp dir. */
final class MemoryStorage implements RegistryStorage {

    private final Map<Digest, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final Path uploads;

    private static final class Repo {
        final Set<Digest> blobs = ConcurrentHashMap.newKeySet();
        final Map<Digest, StoredManifest> manifests = new ConcurrentHashMap<>();
        final Map<String, Digest> tags = new ConcurrentHashMap<>();
    }

    MemoryStorage() throws IOException {
        // Uploads in progress are files (never a whole chunk in the heap); on Linux they go to the RAM-backed
        // /dev/shm when there is one, so that a storage "in memory" does not wait on a disk either.
        Path shm = Path.of("/dev/shm");
        this.uploads = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "oci4j-registry-uploads")
                : Files.createTempDirectory("oci4j-registry-uploads");
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
        return repo(repository).filter(r -> r.blobs.contains(digest))
                .map(r -> blobs.get(digest))
                .map(b -> OptionalLong.of(b.length)).orElse(OptionalLong.empty());
    }

    @Override
    public InputStream openBlob(String repository, Digest digest, long offset) throws IOException {
        byte[] bytes = repo(repository).filter(r -> r.blobs.contains(digest)).map(r -> blobs.get(digest)).orElse(null);
        if (bytes == null) {
            throw new NoSuchFileException(repository + "@" + digest);
        }
        int from = (int) Math.min(offset, bytes.length);
        return new ByteArrayInputStream(bytes, from, bytes.length - from);
    }

    @Override
    public void putBlob(String repository, Digest digest, long size, InputStream content) throws IOException {
        byte[] bytes;
        try (InputStream in = DigestingInputStream.verifying(content, digest, size)) {
            // A known size reads into one array of that size rather than a growing buffer.
            bytes = size >= 0 && size < Integer.MAX_VALUE - 8 ? in.readNBytes((int) size) : in.readAllBytes();
            if (in.read() >= 0) {
                throw new IOException("blob " + digest + " is longer than the " + size + " bytes announced");
            }
        }
        blobs.putIfAbsent(digest, bytes);
        writable(repository).blobs.add(digest);
    }

    @Override
    public void adoptBlob(String repository, Digest digest, long size, Path file) throws IOException {
        // Verified by the server while it arrived: read once, into an array of the right size.
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != size) {
            throw new IOException(file + " holds " + bytes.length + " bytes, expected " + size);
        }
        blobs.putIfAbsent(digest, bytes);
        writable(repository).blobs.add(digest);
    }

    @Override
    public boolean deleteBlob(String repository, Digest digest) {
        Optional<Repo> r = repo(repository);
        if (r.isEmpty() || !r.get().blobs.remove(digest)) {
            return false;
        }
        if (repos.values().stream().noneMatch(o -> o.blobs.contains(digest))) {
            blobs.remove(digest);
        }
        return true;
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

    @Override
    public void close() throws IOException {
        blobs.clear();
        repos.clear();
        try (Stream<Path> files = Files.walk(uploads)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
