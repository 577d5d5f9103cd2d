package dev.oci4j.image.internal.layer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extended attributes through the JDK, which on Linux reaches only the {@code user.} namespace:
 * {@code security.}, {@code trusted.} and {@code system.} need syscalls the JDK does not offer.
 */
public final class Xattrs {

    public static final String USER = "user.";

    private Xattrs() {
    }

    /** Only regular files and directories: the JDK opens the file, which would block on a FIFO. */
    public static Map<String, byte[]> read(Path p) {
        Map<String, byte[]> out = new TreeMap<>();
        UserDefinedFileAttributeView view =
                Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return out;
        }
        try {
            for (String name : view.list()) {
                ByteBuffer b = ByteBuffer.allocate(view.size(name));
                view.read(name, b);
                out.put(USER + name, java.util.Arrays.copyOf(b.array(), b.position()));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // A file system without xattr support simply has none.
        }
        return out;
    }

    /** Whether {@link #write} can set this name. */
    public static boolean writable(String name) {
        return name.startsWith(USER) && name.length() > USER.length();
    }

    public static void write(Path p, String name, byte[] value) throws IOException {
        UserDefinedFileAttributeView view =
                Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException(p + ": no extended attribute support");
        }
        view.write(name.substring(USER.length()), ByteBuffer.wrap(value));
    }
}
