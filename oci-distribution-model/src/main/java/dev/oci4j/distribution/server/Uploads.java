package dev.oci4j.distribution.server;

import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upload sessions in progress, each a temp file in the storage's upload directory. A session nobody
 * touched for the timeout is swept, file and all: a client that went away leaves nothing behind.
 */
final class Uploads {

    /** Large enough that a 100 MiB chunk costs few system calls. */
    static final int BUFFER = 256 * 1024;

    /** One session: the repository it belongs to and the bytes received so far. */
    static final class Session {
        final String id;
        final String repository;
        final Path file;
        long size;
        /** Bytes of the last chunk that carried data; -1 before the first. */
        long lastChunk = -1;
        /**
         * SHA-256 of the bytes received so far, kept as they arrive so that the closing PUT of a sha256
         * blob needs no second pass over the file; and its state before the chunk in progress, for a rollback.
         */
        MessageDigest sha256 = newSha256();
        MessageDigest beforeChunk;
        volatile long lastUsedNanos = System.nanoTime();

        Session(String id, String repository, Path file) {
            this.id = id;
            this.repository = repository;
            this.file = file;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Path dir;

    Uploads(Path dir) {
        this.dir = dir;
    }

    Session open(String repository) throws IOException {
        String id = UUID.randomUUID().toString();
        Path file = Files.createFile(dir.resolve(id));
        Session s = new Session(id, repository, file);
        sessions.put(id, s);
        return s;
    }

    Session get(String repository, String id) {
        Session s = sessions.get(id);
        if (s == null || !s.repository.equals(repository)) {
            throw new ApiError(404, ErrorCode.BLOB_UPLOAD_UNKNOWN, "no upload session " + id + " in " + repository);
        }
        s.lastUsedNanos = System.nanoTime();
        return s;
    }

    /**
     * Appends {@code in} to the session; when the stream fails midway the file is cut back, so the
     * session holds only whole chunks.
     *
     * @return how many bytes were appended
     */
    static long append(Session s, InputStream in) throws IOException {
        s.beforeChunk = copy(s.sha256);
        try (FileChannel ch = FileChannel.open(s.file, StandardOpenOption.WRITE)) {
            ch.position(s.size);
            long written = 0;
            byte[] buf = new byte[BUFFER];
            try {
                for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        ch.write(bb);
                    }
                    s.sha256.update(buf, 0, n);
                    written += n;
                }
            } catch (IOException e) {
                ch.truncate(s.size);
                s.sha256 = s.beforeChunk;
                throw e;
            }
            return written;
        } finally {
            s.lastUsedNanos = System.nanoTime();
        }
    }

    /** What the upload holds, as a digest of {@code algorithm}; empty when only a pass over the file can tell. */
    static Optional<Digest> received(Session s, String algorithm) {
        if (!algorithm.equals(Digest.SHA256)) {
            return Optional.empty();
        }
        return Optional.of(Digest.parse(Digest.SHA256, HexFormat.of().formatHex(copy(s.sha256).digest())));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest copy(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 of this JDK cannot be cloned", e);
        }
    }

    /** Commits what was appended: the session's size grows by {@code written}. */
    static void accept(Session s, long written) {
        s.size += written;
        if (written > 0) {
            s.lastChunk = written;
        }
    }

    /** Discards bytes appended after the session's size (a chunk that was refused after reading). */
    static void rollback(Session s) throws IOException {
        try (FileChannel ch = FileChannel.open(s.file, StandardOpenOption.WRITE)) {
            ch.truncate(s.size);
        }
        s.sha256 = s.beforeChunk;
    }

    boolean close(Session s) {
        boolean removed = sessions.remove(s.id, s);
        try {
            Files.deleteIfExists(s.file);
        } catch (IOException ignored) {
            // swept again when the storage reopens its upload directory
        }
        return removed;
    }

    /** Removes sessions idle longer than {@code timeout}; returns how many. */
    int sweep(Duration timeout) {
        long now = System.nanoTime();
        int n = 0;
        for (Session s : sessions.values()) {
            if (now - s.lastUsedNanos > timeout.toNanos() && close(s)) {
                n++;
            }
        }
        return n;
    }

    void closeAll() {
        sessions.values().forEach(this::close);
    }

    int size() {
        return sessions.size();
    }
}
