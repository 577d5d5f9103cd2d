package dev.oci4j.linux.internal.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * The few libc calls the JDK has no API for, direct-mapped (JNA binds them once at class load,
 * with no per-call reflection). Each throws {@link LastErrorException} carrying errno instead of
 * returning -1. Only {@link Mounts} uses them; nothing else should.
 */
final class LibC {

    static final int EBUSY = 16;
    static final int EINVAL = 22;
    static final int ENOENT = 2;
    static final int EEXIST = 17;

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

    static native int lsetxattr(String path, String name, byte[] value, NativeLong size, int flags)
            throws LastErrorException;
}
