package dev.oci4j.linux.internal.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few libc calls the JDK has no API for, direct-mapped (JNA binds them once at class load,
 * with no per-call reflection). Each throws {@link LastErrorException} carrying errno instead of
 * returning -1. Only this package uses them ({@link Mounts}, {@link ConsoleSocket}, {@link PtyMaster}).
 */
final class LibC {

    static final int EBUSY = 16;
    static final int EINVAL = 22;
    static final int ENOENT = 2;
    static final int EEXIST = 17;
    static final int EINTR = 4;
    static final int EIO = 5;
    static final int EAGAIN = 11;

    /** umount2 flag: detach now, finish when the last user is gone. */
    static final int MNT_DETACH = 2;
    /** mode bits of a character device (sys/stat.h). */
    static final int S_IFCHR = 0020000;

    static {
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    static native int mount(String source, String target, String fstype, NativeLong flags, String data)
            throws LastErrorException;

    static native int umount2(String target, int flags) throws LastErrorException;

    /** dev_t is 64 bits on every Linux ABI glibc supports; glibc exports mknod itself since 2.33. */
    static native int mknod(String path, int mode, long dev) throws LastErrorException;

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, byte[] address, int length) throws LastErrorException;

    static native int listen(int fd, int backlog) throws LastErrorException;

    static native int accept4(int fd, Pointer address, Pointer length, int flags) throws LastErrorException;

    static native NativeLong recvmsg(int fd, Pointer message, int flags) throws LastErrorException;

    static native int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    static native NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

    static native NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

    /** ioctl(2) is variadic; its third argument is always a pointer for the requests used here. */
    static native int ioctl(int fd, NativeLong request, Pointer argument) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int lsetxattr(String path, String name, byte[] value, NativeLong size, int flags)
            throws LastErrorException;
}
