package dev.oci4j.linux.internal.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Unix socket an OCI runtime sends a container's terminal to ({@code --console-socket}, runc's
 * docs/terminals.md): the runtime connects and sends one message whose {@code SCM_RIGHTS} control
 * data carries the pseudo-terminal master. The JDK's Unix socket channels cannot receive a file
 * descriptor, hence {@code recvmsg(2)} through JNA.
 */
public final class ConsoleSocket implements Closeable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int MSG_CMSG_CLOEXEC = 0x40000000;
    private static final int SOL_SOCKET = 1;
    private static final int SCM_RIGHTS = 1;
    private static final short POLLIN = 0x1;
    /** sun_path holds 108 bytes with its terminating NUL. */
    private static final int MAX_PATH = 107;

    private final Path path;
    private int fd;

    private ConsoleSocket(Path path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    /**
     * Listens on a new socket at {@code path}.
     *
     * @param path where the socket is made; it must not exist, and its absolute form must be at most
     *     107 bytes long
     * @return the listening socket
     * @throws IOException when the socket cannot be made there
     */
    public static ConsoleSocket listen(Path path) throws IOException {
        byte[] name = path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8);
        if (name.length > MAX_PATH) {
            throw new IOException("console socket " + path + ": " + name.length + " bytes, over the "
                    + MAX_PATH + " a Unix socket path can have");
        }
        // struct sockaddr_un { sa_family_t sun_family (a native unsigned short); char sun_path[108]; }
        byte[] address = new byte[2 + name.length + 1];
        Memory family = new Memory(2);
        family.setShort(0, (short) AF_UNIX);
        family.read(0, address, 0, 2);
        System.arraycopy(name, 0, address, 2, name.length);
        int fd;
        try {
            fd = LibC.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("console socket: socket(AF_UNIX): errno " + e.getErrorCode());
        }
        try {
            LibC.bind(fd, address, address.length);
            LibC.listen(fd, 1);
            return new ConsoleSocket(path, fd);
        } catch (LastErrorException e) {
            closeQuietly(fd);
            throw new IOException("console socket " + path + ": bind/listen: errno " + e.getErrorCode());
        }
    }

    /**
     * The path the runtime is given.
     *
     * @return the socket's path
     */
    public Path path() {
        return path;
    }

    /**
     * Accepts the runtime's connection and receives the terminal it sends.
     *
     * @param timeout how long to wait for the connection and for the message
     * @return the terminal
     * @throws IOException when nothing arrives in time or the message carries no descriptor
     */
    public synchronized PtyMaster receive(Duration timeout) throws IOException {
        if (fd < 0) {
            throw new IOException("console socket " + path + " is closed");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitReadable(fd, deadline, "no connection from the runtime");
        int conn;
        try {
            conn = LibC.accept4(fd, null, null, SOCK_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("console socket " + path + ": accept: errno " + e.getErrorCode());
        }
        try {
            awaitReadable(conn, deadline, "the runtime connected but sent no terminal");
            return new PtyMaster(receiveDescriptor(conn));
        } finally {
            closeQuietly(conn);
        }
    }

    private int receiveDescriptor(int conn) throws IOException {
        int p = Native.POINTER_SIZE;
        int s = Native.SIZE_T_SIZE;
        // The runtime sends the terminal's name as the data (runc: "/dev/pts/N"); only the descriptor matters.
        Memory data = new Memory(4096);
        Memory iov = new Memory(2L * p);
        iov.setPointer(0, data);
        setSize(iov, p, data.size());
        int header = align(s + 8, s);
        Memory control = new Memory(align(header + 4 * 16, s));
        control.clear();
        // struct msghdr: name, namelen (padded), iov, iovlen, control, controllen, flags
        Memory msg = new Memory(7L * p);
        msg.clear();
        msg.setPointer(2L * p, iov);
        setSize(msg, 3L * p, 1);
        msg.setPointer(4L * p, control);
        setSize(msg, 5L * p, control.size());
        long n;
        while (true) {
            try {
                n = LibC.recvmsg(conn, msg, MSG_CMSG_CLOEXEC).longValue();
                break;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw new IOException("console socket " + path + ": recvmsg: errno " + e.getErrorCode());
                }
            }
        }
        long controlLength = getSize(msg, 5L * p);
        int received = -1;
        // Walk the control messages (CMSG_FIRSTHDR/CMSG_NXTHDR): keep the first descriptor, close any other.
        for (long off = 0; off + header <= controlLength; ) {
            long length = getSize(control, off);
            if (length < header) {
                break;
            }
            int level = control.getInt(off + s);
            int type = control.getInt(off + s + 4);
            if (level == SOL_SOCKET && type == SCM_RIGHTS) {
                for (long at = off + header; at + 4 <= off + length; at += 4) {
                    int got = control.getInt(at);
                    if (received < 0) {
                        received = got;
                    } else {
                        closeQuietly(got);
                    }
                }
            }
            off += align(length, s);
        }
        if (received < 0) {
            throw new IOException("console socket " + path + ": the runtime's message (" + n
                    + " bytes) carries no file descriptor");
        }
        return received;
    }

    private void awaitReadable(int socket, long deadline, String what) throws IOException {
        Memory p = new Memory(8);
        while (true) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            p.setInt(0, socket);
            p.setShort(4, POLLIN);
            p.setShort(6, (short) 0);
            try {
                if (LibC.poll(p, new NativeLong(1), (int) Math.min(left, Integer.MAX_VALUE)) > 0) {
                    return;
                }
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw new IOException("console socket " + path + ": poll: errno " + e.getErrorCode());
                }
                continue;
            }
            if (left == 0) {
                throw new IOException("console socket " + path + ": " + what);
            }
        }
    }

    private static int align(long n, int to) {
        return (int) ((n + to - 1) / to * to);
    }

    private static void setSize(Pointer p, long offset, long value) {
        if (Native.SIZE_T_SIZE == 8) {
            p.setLong(offset, value);
        } else {
            p.setInt(offset, (int) value);
        }
    }

    private static long getSize(Pointer p, long offset) {
        return Native.SIZE_T_SIZE == 8 ? p.getLong(offset) : p.getInt(offset) & 0xffffffffL;
    }

    private static void closeQuietly(int fd) {
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            // nothing to do about a failed close of a descriptor being dropped
        }
    }

    /** Stops listening and removes the socket file. */
    @Override
    public synchronized void close() throws IOException {
        if (fd >= 0) {
            closeQuietly(fd);
            fd = -1;
        }
        Files.deleteIfExists(path);
    }
}
