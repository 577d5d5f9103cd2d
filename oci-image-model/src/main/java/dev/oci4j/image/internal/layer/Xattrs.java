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
    private static final String SCHILY_PREFIX = "SCHILY.xattr.";
    private static final String LIBARCHIVE_PREFIX = "LIBARCHIVE.xattr.";

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

    /** Removes the {@code user.} attributes of {@code p} whose full names are not in {@code keep}. */
    public static void removeOthers(Path p, java.util.Set<String> keep) throws IOException {
        UserDefinedFileAttributeView view =
                Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        for (String name : view.list()) {
            if (!keep.contains(USER + name)) {
                view.delete(name);
            }
        }
    }

    /**
     * The extended attributes in an entry's PAX records: GNU tar's {@code SCHILY.xattr.NAME} (text)
     * and bsdtar's binary-safe {@code LIBARCHIVE.xattr.URLENCODED-NAME} (base64). SCHILY wins unless
     * the tar reader had to replace bytes that were not UTF-8, in which case the base64 copy does.
     */
    public static Map<String, byte[]> fromPax(Map<String, String> pax, java.util.function.Consumer<String> warn) {
        Map<String, byte[]> values = new TreeMap<>();
        for (Map.Entry<String, String> h : pax.entrySet()) {
            if (h.getKey().startsWith(LIBARCHIVE_PREFIX)) {
                try {
                    values.put(java.net.URLDecoder.decode(h.getKey().substring(LIBARCHIVE_PREFIX.length()),
                            java.nio.charset.StandardCharsets.UTF_8), java.util.Base64.getDecoder().decode(h.getValue()));
                } catch (IllegalArgumentException ex) {
                    warn.accept("xattr record " + h.getKey() + " is not valid base64; ignored");
                }
            }
        }
        for (Map.Entry<String, String> h : pax.entrySet()) {
            if (h.getKey().startsWith(SCHILY_PREFIX)) {
                String name = h.getKey().substring(SCHILY_PREFIX.length());
                boolean damaged = h.getValue().indexOf('\uFFFD') >= 0;
                if (damaged && values.containsKey(name)) {
                    continue;
                }
                if (damaged) {
                    warn.accept("xattr " + name + " has a binary value that the tar reader decoded as UTF-8;"
                            + " it may be damaged");
                }
                values.put(name, h.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
