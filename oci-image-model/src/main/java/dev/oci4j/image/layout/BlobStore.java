package dev.oci4j.image.layout;

import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code blobs/} directory: content-addressed files written through private temp files.
 *
 * <p>Temp files live in {@value #TEMP_DIR} at the layout root (unknown files are ignored by other
 * tools, and the root is on the same file system as {@code blobs/} so the final rename is atomic).
 * Each is named {@code <jvm id>-<sequence>.part} and its writer holds an exclusive file lock on it
 * until it commits or aborts. A temp file is stale, and removed by {@link #removeStaleTemps()}, when
 * it belongs to this JVM but no writer here has it open, or it belongs to another process and its
 * lock can be taken: the operating system drops a crashed process's locks. Age is never used, so a
 * slow writer is never robbed. A writer locks its file right after creating it and then checks that
 * the name still exists, which closes the window in which a cleaner could delete an unlocked file.
 */
final class BlobStore {

    static final String TEMP_DIR = ".oci4j-tmp";
    private static final String TEMP_SUFFIX = ".part";

    /** Identifies this JVM's temp files; other processes' files are judged by their locks instead. */
    private static final String JVM_ID = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /**
     * File names of live writers' temp files in this JVM (file locks cannot be probed from inside the
     * same process). Names, not paths: two ImageLayouts may spell the same directory differently.
     */
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

    private final Path blobs;
    private final Path tempDir;

    BlobStore(Path root) {
        this.blobs = root.resolve("blobs");
        this.tempDir = root.resolve(TEMP_DIR);
    }

    /** A fresh mtime tells gc(gracePeriod) that a producer is about to reference this blob again. */
    void touch(Digest digest) {
        try {
            Files.setLastModifiedTime(path(digest), FileTime.from(Instant.now()));
        } catch (IOException e) {
            // Read-only blobs (a shared, pre-populated layout) are fine; only gc grace periods care.
        }
    }

    boolean hasTempDir() {
        return Files.isDirectory(tempDir);
    }

    Path blobs() {
        return blobs;
    }

    Path path(Digest digest) {
        // The digest grammar admits neither '/' nor a component of only dots, so this stays inside blobs/.
        return blobs.resolve(digest.algorithm()).resolve(digest.encoded());
    }

    boolean has(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    long size(Digest digest) throws IOException {
        return Files.size(path(digest));
    }

    InputStream open(Digest digest, long expectedSize) throws IOException {
        InputStream raw = Files.newInputStream(path(digest));
        return DigestingInputStream.verifying(raw, digest, expectedSize);
    }

    BlobWriter newWriter(String algorithm, Digest expected, long expectedSize) throws IOException {
        Files.createDirectories(tempDir);
        while (true) {
            Path temp = tempDir.resolve(JVM_ID + "-" + SEQUENCE.incrementAndGet() + TEMP_SUFFIX);
            LIVE.add(name(temp));
            FileChannel channel = null;
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileLock lock = channel.lock();
                if (Files.exists(temp)) {
                    return new BlobWriter(this, temp, channel, lock, algorithm, expected, expectedSize);
                }
                // Another process's cleaner deleted the file before we locked it: take a new name.
                channel.close();
                LIVE.remove(name(temp));
            } catch (IOException | RuntimeException | Error e) {
                if (channel != null) {
                    channel.close();
                }
                Files.deleteIfExists(temp);
                LIVE.remove(name(temp));
                throw e;
            }
        }
    }

    Blob write(InputStream in, String algorithm, Digest expected, long expectedSize) throws IOException {
        BlobWriter writer = newWriter(algorithm, expected, expectedSize);
        try {
            in.transferTo(writer);
            return writer.commit();
        } finally {
            writer.abort();
        }
    }

    /** Moves a verified, synced temp file to its content address, unless an intact copy is already there. */
    Blob install(Path temp, Digest digest, long size) throws IOException {
        try {
            Path target = path(digest);
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                Files.delete(temp);
                touch(digest);
                return new Blob(digest, size, false);
            }
            Path algDir = target.getParent();
            if (!Files.isDirectory(algDir)) {
                Files.createDirectories(algDir);
                syncDirectory(blobs);
            }
            try {
                // rename(2) replaces a truncated or corrupt blob of the same name; identical content is harmless.
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + temp + " atomically to " + target
                        + ": the layout's blobs/ directory must be on the same file system as its root", e);
            }
            syncDirectory(algDir);
            return new Blob(digest, size, true);
        } finally {
            LIVE.remove(name(temp));
        }
    }

    private static String name(Path temp) {
        return temp.getFileName().toString();
    }

    void released(Path temp) {
        LIVE.remove(name(temp));
    }

    /** A temp file removed by {@link #removeStaleTemps()}, with the bytes it held. */
    record RemovedTemp(Path path, long size) {
    }

    /** Removes temp files no live writer owns; call under the layout lock so cleaners do not race. */
    List<RemovedTemp> removeStaleTemps() throws IOException {
        List<RemovedTemp> removed = new ArrayList<>();
        if (!Files.isDirectory(tempDir)) {
            return removed;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tempDir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                long size = sizeOrZero(file);
                if (name.startsWith(JVM_ID + "-")) {
                    if (!LIVE.contains(name) && Files.deleteIfExists(file)) {
                        removed.add(new RemovedTemp(file, size));
                    }
                } else if (isAbandoned(file)) {
                    removed.add(new RemovedTemp(file, size));
                }
            }
        }
        return removed;
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes another process's temp file if its lock can be taken, proving its writer is gone. */
    private static boolean isAbandoned(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            try {
                Files.deleteIfExists(file);
                return true;
            } finally {
                lock.release();
            }
        } catch (NoSuchFileException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Writes a small file atomically: temp file, fsync, rename, directory fsync. Callers hold the layout lock. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        Path temp = atomicTempOf(target);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(content);
            out.flush();
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
    }

    static Path atomicTempOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".oci4j-tmp");
    }

    /** Makes a rename or create in {@code dir} durable; a no-op where directories cannot be opened (Windows). */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                return;
            }
            throw e;
        }
    }

    /** Every blob file whose path is a valid digest, in no particular order. */
    List<Digest> list() throws IOException {
        List<Digest> out = new ArrayList<>();
        if (!Files.isDirectory(blobs)) {
            return out;
        }
        try (DirectoryStream<Path> algs = Files.newDirectoryStream(blobs, Files::isDirectory)) {
            for (Path alg : algs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(alg, Files::isRegularFile)) {
                    for (Path f : files) {
                        String text = alg.getFileName() + ":" + f.getFileName();
                        if (Digest.isValid(text)) {
                            out.add(Digest.parse(text));
                        }
                    }
                }
            }
        }
        return out;
    }

    void delete(Digest digest) throws IOException {
        Files.deleteIfExists(path(digest));
    }
}
