package dev.oci4j.linux.internal.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import dev.oci4j.linux.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The master side of a pseudo-terminal, received from a runtime through a {@link ConsoleSocket}, as
 * a {@link Terminal}. Reads and writes wait in {@code poll(2)} with a short timeout, under a shared
 * lock that {@link #close()} takes exclusively: closing a descriptor another thread is blocked in
 * does not wake that thread on Linux, and a number closed under a reader could be reused by the
 * next {@code open} in this JVM.
 */
public final class PtyMaster implements Terminal {

    private static final short POLLIN = 0x1;
    private static final short POLLOUT = 0x4;
    private static final short POLLERR = 0x8;
    private static final short POLLHUP = 0x10;
    private static final short POLLNVAL = 0x20;
    private static final int POLL_MILLIS = 100;
    private static final int CHUNK = 8192;

    private final int fd;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final InputStream in = new In();
    private final OutputStream out = new Out();

    PtyMaster(int fd) {
        this.fd = fd;
    }

    @Override
    public InputStream inputStream() {
        return in;
    }

    @Override
    public OutputStream outputStream() {
        return out;
    }

    @Override
    public void resize(int columns, int rows) throws IOException {
        if (columns < 1 || columns > 0xffff || rows < 1 || rows > 0xffff) {
            throw new IllegalArgumentException("terminal size " + columns + "x" + rows
                    + ": expected 1 to 65535 columns and rows");
        }
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IOException("resize: the terminal is closed");
            }
            // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
            Memory size = new Memory(8);
            size.clear();
            size.setShort(0, (short) rows);
            size.setShort(2, (short) columns);
            LibC.ioctl(fd, new NativeLong(tiocswinsz()), size);
        } catch (LastErrorException e) {
            throw new IOException("resize the terminal to " + columns + "x" + rows + ": errno " + e.getErrorCode());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** TIOCSWINSZ: 0x5414 in the generic ioctl table, a _IOW value on powerpc. */
    private static long tiocswinsz() {
        return System.getProperty("os.arch").startsWith("ppc") ? 0x80087467L : 0x5414L;
    }

    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            LibC.close(fd);
        } catch (LastErrorException e) {
            throw new IOException("close the terminal: errno " + e.getErrorCode());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Waits up to {@link #POLL_MILLIS} for {@code events}; the returned events, 0 when none came. */
    private short poll(short events) throws IOException {
        Memory p = new Memory(8);
        p.setInt(0, fd);
        p.setShort(4, events);
        p.setShort(6, (short) 0);
        try {
            return LibC.poll(p, new NativeLong(1), POLL_MILLIS) == 0 ? 0 : p.getShort(6);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.EINTR) {
                return 0;
            }
            throw new IOException("poll the terminal: errno " + e.getErrorCode());
        }
    }

    private final class In extends InputStream {
        private final Memory buffer = new Memory(CHUNK);

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (true) {
                lock.readLock().lock();
                try {
                    if (closed) {
                        return -1;
                    }
                    short events = poll(POLLIN);
                    if ((events & POLLIN) != 0) {
                        long n = LibC.read(fd, buffer, new NativeLong(Math.min(len, CHUNK))).longValue();
                        if (n <= 0) {
                            return -1;
                        }
                        buffer.read(0, b, off, (int) n);
                        return (int) n;
                    }
                    if ((events & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
                        return -1; // no process holds the slave side any more
                    }
                } catch (LastErrorException e) {
                    // EIO: the slave side was closed by its last holder, Linux's end of file on a master.
                    if (e.getErrorCode() == LibC.EIO) {
                        return -1;
                    }
                    if (e.getErrorCode() != LibC.EINTR && e.getErrorCode() != LibC.EAGAIN) {
                        throw new IOException("read the terminal: errno " + e.getErrorCode());
                    }
                } finally {
                    lock.readLock().unlock();
                }
            }
        }
    }

    private final class Out extends OutputStream {
        private final Memory buffer = new Memory(CHUNK);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            while (len > 0) {
                lock.readLock().lock();
                try {
                    if (closed) {
                        throw new IOException("write to the terminal: it is closed");
                    }
                    short events = poll(POLLOUT);
                    if ((events & POLLOUT) != 0) {
                        int chunk = Math.min(len, CHUNK);
                        buffer.write(0, b, off, chunk);
                        int n = (int) LibC.write(fd, buffer, new NativeLong(chunk)).longValue();
                        off += n;
                        len -= n;
                    } else if ((events & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
                        throw new IOException("write to the terminal: no process holds it any more");
                    }
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == LibC.EIO) {
                        throw new IOException("write to the terminal: no process holds it any more");
                    }
                    if (e.getErrorCode() != LibC.EINTR && e.getErrorCode() != LibC.EAGAIN) {
                        throw new IOException("write to the terminal: errno " + e.getErrorCode());
                    }
                } finally {
                    lock.readLock().unlock();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "terminal (pty master fd " + fd + (closed ? ", closed" : "") + ")";
    }
}
