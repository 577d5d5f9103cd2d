package dev.oci4j.image.layout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes changes to one layout across threads and processes: a ReentrantLock shared by every
 * {@link ImageLayout} of the same directory in this JVM, then an exclusive {@link FileLock} on the
 * lock file for other processes.
 *
 * <p>The in-JVM lock is keyed by the layout's real path in a static, reference-counted map, because
 * file locks are held per process: a second channel of the same JVM asking for the lock gets an
 * OverlappingFileLockException, and closing any channel of the file drops the process's POSIX lock.
 * Only the thread holding the in-JVM lock therefore ever opens the lock file. Entries leave the map
 * when no one holds or waits for them, so long-lived JVMs do not accumulate layouts.
 */
final class LayoutLock {

    /** Unknown files in a layout are ignored by other tools (image-layout.md), so the lock file may live at the root. */
    static final String FILE_NAME = ".oci4j.lock";

    private static final Map<Path, Shared> SHARED = new ConcurrentHashMap<>();

    private static final class Shared {
        final ReentrantLock lock = new ReentrantLock();
        int users;
        FileChannel channel;
        FileLock fileLock;
    }

    /** A body that runs under the lock. */
    interface Body<T> {
        T run() throws IOException;
    }

    private final Path root;
    private final Path lockFile;

    LayoutLock(Path root) throws IOException {
        this.root = root.toRealPath();
        this.lockFile = this.root.resolve(FILE_NAME);
    }

    <T> T locked(Body<T> body) throws IOException {
        Shared shared = SHARED.compute(root, (k, v) -> {
            Shared s = v == null ? new Shared() : v;
            s.users++;
            return s;
        });
        try {
            shared.lock.lock();
            try {
                boolean outermost = shared.lock.getHoldCount() == 1;
                if (outermost) {
                    shared.channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    try {
                        shared.fileLock = shared.channel.lock();
                    } catch (IOException | RuntimeException e) {
                        shared.channel.close();
                        shared.channel = null;
                        throw e;
                    }
                }
                try {
                    return body.run();
                } finally {
                    if (outermost) {
                        try {
                            shared.fileLock.release();
                        } finally {
                            shared.channel.close();
                            shared.channel = null;
                            shared.fileLock = null;
                        }
                    }
                }
            } finally {
                shared.lock.unlock();
            }
        } finally {
            SHARED.computeIfPresent(root, (k, v) -> --v.users == 0 ? null : v);
        }
    }

    /** Whether the current thread holds this layout's lock. */
    boolean isHeldByCurrentThread() {
        Shared s = SHARED.get(root);
        return s != null && s.lock.isHeldByCurrentThread();
    }
}
