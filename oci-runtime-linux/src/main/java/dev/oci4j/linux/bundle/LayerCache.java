package dev.oci4j.linux.bundle;

import dev.oci4j.image.Digest;
import dev.oci4j.image.layer.ApplyResult;
import dev.oci4j.image.layer.Compression;
import dev.oci4j.image.layer.LayerApplier;
import dev.oci4j.image.layer.LayerBlob;
import dev.oci4j.linux.internal.jna.Mounts;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Layers applied once per diffID, each alone into its own directory, ready to be an overlayfs
 * lower directory: the image's whiteouts become overlayfs whiteouts (a character device 0/0) and
 * its opaque markers the {@code trusted.overlay.opaque} xattr, so stacking the directories in an
 * overlay gives the same tree as applying the layers in order.
 *
 * <p>A layer is applied into a temporary directory while its blob digest and diffID are verified,
 * then renamed into place; a directory under {@code sha256/} is therefore always complete and
 * verified, and is never changed again (overlayfs only reads it). Two threads or two JVMs asking for
 * the same layer serialize on an in-process lock and a file lock per diffID: one applies, the other
 * reuses. Layout: {@code DIR/sha256/HEX} (layers), {@code DIR/locks/}, {@code DIR/tmp/}.
 * Nothing is evicted; delete the directory when no container uses it.
 */
public final class LayerCache {

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;

    private LayerCache(Path dir) {
        this.dir = dir;
    }

    /**
     * A cache in {@code dir}, created when first used.
     *
     * @param dir the cache directory, made absolute
     * @return the cache
     * @throws NullPointerException when {@code dir} is null
     */
    public static LayerCache at(Path dir) {
        return new LayerCache(Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize());
    }

    /**
     * The system property {@code oci4j.layerCache}, else {@code $XDG_CACHE_HOME/oci4j/layers}, else
     * {@code ~/.cache/oci4j/layers}.
     *
     * @return the cache there
     */
    public static LayerCache defaultCache() {
        String p = System.getProperty("oci4j.layerCache");
        if (p != null && !p.isBlank()) {
            return at(Path.of(p));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("oci4j").resolve("layers"));
    }

    /** {@return the cache directory, absolute} */
    public Path dir() {
        return dir;
    }

    /**
     * Whether the layer with this diffID is in the cache.
     *
     * @param diffId the digest of the layer's uncompressed tar
     * @return true when its directory is complete in the cache
     */
    public boolean contains(Digest diffId) {
        return Files.isDirectory(layerDir(diffId), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The directory holding the layer {@code source} (whose diffID is {@code diffId}) applied alone,
     * applying it first when the cache lacks it.
     *
     * @param source the layer blob
     * @param diffId the digest of its uncompressed tar, verified while applying
     * @param warnings receives what applying warned about (entries skipped, ownership not kept, ...)
     * @return the layer's directory, {@code DIR/ALGORITHM/HEX}; never change it
     * @throws IOException when the blob cannot be read or does not match its digests, or the directory cannot be
     *        written
     */
    public Path layer(LayerBlob source, Digest diffId, List<String> warnings) throws IOException {
        Objects.requireNonNull(source, "source");
        Path target = layerDir(diffId);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        Files.createDirectories(dir.resolve("locks"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(target.getParent());
        String key = diffId.algorithm() + "-" + diffId.encoded();
        Path lockFile = dir.resolve("locks").resolve(key + ".lock");
        // FileChannel.lock is per process: a second thread of this JVM would get
        // OverlappingFileLockException, so threads queue on their own lock first.
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = ch.lock()) {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                return target;
            }
            removeStale(key);
            Path tmp = Files.createTempDirectory(dir.resolve("tmp"), key + "-");
            try {
                LayerBlob verified = source.diffId().isPresent() ? source : source.toBuilder().diffId(diffId).build();
                ApplyResult r = LayerApplier.builder().build().apply(tmp, verified);
                warnings.addAll(r.warnings());
                overlayWhiteouts(verified, tmp, warnings);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException | Error e) {
                try {
                    PreparedBundle.deleteTree(tmp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                if (e instanceof AtomicMoveNotSupportedException || e instanceof FileAlreadyExistsException) {
                    throw new IOException("layer cache " + dir + ": could not move " + tmp + " into place: " + e, e);
                }
                throw e;
            }
            return target;
        } finally {
            local.unlock();
        }
    }

    private Path layerDir(Digest diffId) {
        String alg = diffId.algorithm();
        String hex = diffId.encoded();
        // Digest already keeps both parts inside their grammar; '/' and ".." cannot appear.
        return dir.resolve(alg).resolve(hex);
    }

    /** Temporary directories for this layer left by a process that died: only the lock holder writes them. */
    private void removeStale(String key) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("tmp"), key + "-*")) {
            for (Path p : ds) {
                PreparedBundle.deleteTree(p);
            }
        }
    }

    /**
     * Reads the layer's tar a second time for its whiteouts, which the applier (rightly) consumes
     * when applying onto an empty directory, and writes them in overlayfs' form.
     */
    private static void overlayWhiteouts(LayerBlob source, Path root, List<String> warnings) throws IOException {
        List<String> whiteouts = new ArrayList<>();
        List<String> opaques = new ArrayList<>();
        try (InputStream raw = source.opener().open()) {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            Compression c = Compression.detect(buffered);
            TarArchiveInputStream tar = new TarArchiveInputStream(c.decompress(buffered), StandardCharsets.UTF_8.name());
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = clean(e.getName());
                int slash = name.lastIndexOf('/');
                String base = name.substring(slash + 1);
                if (base.equals(OPAQUE)) {
                    opaques.add(slash < 0 ? "" : name.substring(0, slash));
                } else if (base.startsWith(WHITEOUT)) {
                    whiteouts.add((slash < 0 ? "" : name.substring(0, slash + 1)) + base.substring(WHITEOUT.length()));
                }
            }
        }
        for (String d : opaques) {
            Path p = directory(root, d, warnings);
            if (p != null) {
                Mounts.markOpaque(p);
            }
        }
        for (String w : whiteouts) {
            int slash = w.lastIndexOf('/');
            Path parent = directory(root, slash < 0 ? "" : w.substring(0, slash), warnings);
            if (parent == null) {
                continue;
            }
            Path p = parent.resolve(w.substring(slash + 1));
            // An entry of this very layer wins over its whiteout, as when applying in order.
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Mounts.whiteout(p);
            }
        }
    }

    /**
     * The directory {@code rel} under {@code root}, created (0755) when this layer has no entry for
     * it; null with a warning when a component is not a directory, since the applier already
     * refused every name that climbs out of the root.
     */
    private static Path directory(Path root, String rel, List<String> warnings) throws IOException {
        Path p = root;
        if (rel.isEmpty()) {
            return p;
        }
        for (String comp : rel.split("/")) {
            if (comp.isEmpty() || comp.equals(".")) {
                continue;
            }
            if (comp.equals("..")) {
                warnings.add("whiteout under " + rel + " climbs out of the layer; ignored");
                return null;
            }
            p = p.resolve(comp);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(p);
            } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                warnings.add("whiteout under " + rel + ": " + root.relativize(p) + " is not a directory in its layer; ignored");
                return null;
            }
        }
        return p;
    }

    private static String clean(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    @Override
    public String toString() {
        return "LayerCache{" + dir + "}";
    }
}
