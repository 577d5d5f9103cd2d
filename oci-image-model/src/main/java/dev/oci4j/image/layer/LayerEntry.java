package dev.oci4j.image.layer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One change in a layer changeset (image-spec layer.md "Changesets"): a file system object to add or
 * replace, or a whiteout hiding a path of the lower layers.
 *
 * <p>Paths are relative, {@code /}-separated, without a trailing slash; the writer adds the slash
 * to directories and turns {@link Type#WHITEOUT} into {@code dir/.wh.name} and {@link Type#OPAQUE}
 * into {@code dir/.wh..wh..opq}.
 *
 * <pre>{@code
 * LayerEntry hello = LayerEntry.file("app/hello.txt", 5, () -> new ByteArrayInputStream("hello".getBytes()))
 *         .toBuilder().mode(0644).uid(1000).gid(1000).build();
 * LayerEntry gone = LayerEntry.whiteout("etc/motd");
 * }</pre>
 */
public final class LayerEntry {

    /** The kind of object an entry describes. Tar's type flags, plus the two whiteout forms. */
    public enum Type {
        /** A regular file with content. */
        FILE,
        /** A directory. */
        DIRECTORY,
        /** A symbolic link; {@link #linkname()} is its target, stored verbatim. */
        SYMLINK,
        /** A hard link; {@link #linkname()} is the layer path of the file it shares an inode with. */
        HARDLINK,
        /** A character device ({@link #devMajor()}, {@link #devMinor()}). */
        CHAR_DEVICE,
        /** A block device ({@link #devMajor()}, {@link #devMinor()}). */
        BLOCK_DEVICE,
        /** A named pipe. */
        FIFO,
        /** Hides {@link #path()} of the lower layers: written as {@code .wh.NAME}. */
        WHITEOUT,
        /** Hides every lower child of the directory {@link #path()}: written as {@code .wh..wh..opq}. */
        OPAQUE
    }

    /** Opens an entry's content; called once, when the entry is written. */
    @FunctionalInterface
    public interface Content {
        /**
         * Opens the entry's content.
         *
         * @return a stream of exactly {@link #size()} bytes; the writer closes it
         * @throws IOException if the content cannot be opened
         */
        InputStream open() throws IOException;
    }

    private static final Content EMPTY = InputStream::nullInputStream;

    private final String path;
    private final Type type;
    private final int mode;
    private final long uid;
    private final long gid;
    private final Instant mtime;
    private final Map<String, byte[]> xattrs;
    private final String linkname;
    private final int devMajor;
    private final int devMinor;
    private final long size;
    private final Content content;

    private LayerEntry(Builder b) {
        this.path = b.path;
        this.type = b.type;
        this.mode = b.mode;
        this.uid = b.uid;
        this.gid = b.gid;
        this.mtime = b.mtime;
        this.xattrs = Collections.unmodifiableMap(new TreeMap<>(b.xattrs));
        this.linkname = b.linkname;
        this.devMajor = b.devMajor;
        this.devMinor = b.devMinor;
        this.size = b.size;
        this.content = b.content;
    }

    /**
     * A builder for an entry of {@code type} at {@code path}.
     *
     * @param path the relative path (see {@link Builder#path(String)})
     * @param type the kind of object
     * @return the builder, with mode 0755 for a directory, 0777 for a symlink, 0644 otherwise
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code path} has a {@code ..} segment or a NUL
     */
    public static Builder builder(String path, Type type) {
        return new Builder(path, type);
    }

    /**
     * A regular file of {@code size} bytes, mode 0644.
     *
     * @param path the relative path
     * @param size the content's length in bytes
     * @param content opens exactly {@code size} bytes
     * @return the entry
     * @throws IllegalArgumentException if {@code path} is invalid or {@code size} is negative
     */
    public static LayerEntry file(String path, long size, Content content) {
        return builder(path, Type.FILE).size(size).content(content).build();
    }

    /**
     * A directory, mode 0755.
     *
     * @param path the relative path; {@code ""} is the layer's root
     * @return the entry
     * @throws IllegalArgumentException if {@code path} has a {@code ..} segment or a NUL
     */
    public static LayerEntry directory(String path) {
        return builder(path, Type.DIRECTORY).build();
    }

    /**
     * A symbolic link to {@code target}.
     *
     * @param path the relative path of the link
     * @param target the link's target, stored verbatim (absolute or relative)
     * @return the entry
     * @throws IllegalArgumentException if {@code path} is invalid
     * @throws IllegalStateException if {@code target} is empty
     */
    public static LayerEntry symlink(String path, String target) {
        return builder(path, Type.SYMLINK).linkname(target).build();
    }

    /**
     * A hard link to the earlier entry {@code target}.
     *
     * @param path the relative path of the link
     * @param target the layer path of the file it links to
     * @return the entry
     * @throws IllegalArgumentException if {@code path} is invalid
     * @throws IllegalStateException if {@code target} is empty
     */
    public static LayerEntry hardlink(String path, String target) {
        return builder(path, Type.HARDLINK).linkname(target).build();
    }

    /**
     * Hides {@code path} of the lower layers.
     *
     * @param path the relative path to hide
     * @return the entry, written as {@code .wh.NAME}
     * @throws IllegalArgumentException if {@code path} is invalid
     */
    public static LayerEntry whiteout(String path) {
        return builder(path, Type.WHITEOUT).build();
    }

    /**
     * Hides every lower child of directory {@code path}.
     *
     * @param path the directory whose lower children to hide; {@code ""} is the root
     * @return the entry, written as {@code PATH/.wh..wh..opq}
     * @throws IllegalArgumentException if {@code path} is invalid
     */
    public static LayerEntry opaque(String path) {
        return builder(path, Type.OPAQUE).build();
    }

    /** {@return a builder holding this entry's values} */
    public Builder toBuilder() {
        Builder b = new Builder(path, type);
        b.mode = mode;
        b.uid = uid;
        b.gid = gid;
        b.mtime = mtime;
        b.xattrs.putAll(xattrs);
        b.linkname = linkname;
        b.devMajor = devMajor;
        b.devMinor = devMinor;
        b.size = size;
        b.content = content;
        return b;
    }

    /**
     * {@return the relative path, {@code /}-separated, without leading or trailing slash ("" is the root)}
     */
    public String path() {
        return path;
    }

    /** {@return the kind of object} */
    public Type type() {
        return type;
    }

    /** {@return permission bits including setuid (04000), setgid (02000) and sticky (01000)} */
    public int mode() {
        return mode;
    }

    /** {@return the owner's user id, 0 unless set} */
    public long uid() {
        return uid;
    }

    /** {@return the owner's group id, 0 unless set} */
    public long gid() {
        return gid;
    }

    /** {@return modification time; {@link Instant#EPOCH} unless set} */
    public Instant mtime() {
        return mtime;
    }

    /**
     * {@return extended attributes by full name ({@code user.foo}, {@code security.capability}); values are copies}
     */
    public Map<String, byte[]> xattrs() {
        Map<String, byte[]> copy = new TreeMap<>();
        xattrs.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * {@return the symlink target or hardlink source; present exactly for {@link Type#SYMLINK} and {@link Type#HARDLINK}}
     */
    public Optional<String> linkname() {
        return Optional.ofNullable(linkname);
    }

    /**
     * {@return the device major number of a {@link Type#CHAR_DEVICE} or {@link Type#BLOCK_DEVICE}, else 0}
     */
    public int devMajor() {
        return devMajor;
    }

    /**
     * {@return the device minor number of a {@link Type#CHAR_DEVICE} or {@link Type#BLOCK_DEVICE}, else 0}
     */
    public int devMinor() {
        return devMinor;
    }

    /** {@return content size in bytes; 0 for everything but {@link Type#FILE}} */
    public long size() {
        return size;
    }

    /** {@return the content, read once when written; empty stream unless {@link Type#FILE}} */
    public Content content() {
        return content;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LayerEntry e)) {
            return false;
        }
        if (!(path.equals(e.path) && type == e.type && mode == e.mode && uid == e.uid && gid == e.gid
                && mtime.equals(e.mtime) && Objects.equals(linkname, e.linkname) && devMajor == e.devMajor
                && devMinor == e.devMinor && size == e.size && content == e.content
                && xattrs.keySet().equals(e.xattrs.keySet()))) {
            return false;
        }
        return xattrs.entrySet().stream().allMatch(x -> Arrays.equals(x.getValue(), e.xattrs.get(x.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, type, mode, uid, gid, mtime, linkname, devMajor, devMinor, size);
    }

    @Override
    public String toString() {
        return "LayerEntry{" + type + " " + path + " mode=0" + Integer.toOctalString(mode) + " uid=" + uid
                + " gid=" + gid + " mtime=" + mtime + (linkname == null ? "" : " -> " + linkname)
                + (type == Type.FILE ? " size=" + size : "") + (xattrs.isEmpty() ? "" : " xattrs=" + xattrs.keySet())
                + "}";
    }

    /** Builds a {@link LayerEntry}; mode defaults to 0755 for directories, 0644 otherwise. */
    public static final class Builder {
        private String path;
        private Type type;
        private int mode;
        private long uid;
        private long gid;
        private Instant mtime = Instant.EPOCH;
        private final Map<String, byte[]> xattrs = new TreeMap<>();
        private String linkname;
        private int devMajor;
        private int devMinor;
        private long size;
        private Content content = EMPTY;

        private Builder(String path, Type type) {
            path(path);
            this.type = Objects.requireNonNull(type, "type");
            this.mode = type == Type.DIRECTORY ? 0755 : type == Type.SYMLINK ? 0777 : 0644;
        }

        /**
         * The relative path; leading and trailing slashes and {@code ./} are dropped, {@code ..} is refused.
         *
         * @param path the relative, {@code /}-separated path
         * @return this builder
         * @throws NullPointerException if {@code path} is null
         * @throws IllegalArgumentException if {@code path} has a {@code ..} segment or a NUL
         */
        public Builder path(String path) {
            this.path = normalize(Objects.requireNonNull(path, "path"));
            return this;
        }

        /**
         * Sets the kind of object; the mode stays as it was.
         *
         * @param type the kind of object
         * @return this builder
         */
        public Builder type(Type type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets the permission bits with setuid, setgid and sticky.
         *
         * @param mode the bits, such as {@code 0644}
         * @return this builder
         * @throws IllegalArgumentException if {@code mode} has bits beyond {@code 07777}
         */
        public Builder mode(int mode) {
            if ((mode & ~07777) != 0) {
                throw new IllegalArgumentException("mode 0" + Integer.toOctalString(mode)
                        + " has bits beyond 07777 (permissions, setuid, setgid, sticky)");
            }
            this.mode = mode;
            return this;
        }

        /**
         * Sets the owner's user id.
         *
         * @param uid the user id, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code uid} is negative
         */
        public Builder uid(long uid) {
            this.uid = nonNegative(uid, "uid");
            return this;
        }

        /**
         * Sets the owner's group id.
         *
         * @param gid the group id, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code gid} is negative
         */
        public Builder gid(long gid) {
            this.gid = nonNegative(gid, "gid");
            return this;
        }

        /**
         * Sets the modification time (a writer may clamp or fix it).
         *
         * @param mtime the time
         * @return this builder
         */
        public Builder mtime(Instant mtime) {
            this.mtime = Objects.requireNonNull(mtime, "mtime");
            return this;
        }

        /**
         * Adds an extended attribute (full name with namespace, such as {@code user.comment}).
         *
         * @param name the attribute's full name
         * @param value the attribute's value, copied
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is empty or holds NUL or {@code =}
         */
        public Builder putXattr(String name, byte[] value) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.indexOf('\0') >= 0 || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("xattr name \"" + name + "\" is empty or holds NUL or '='");
            }
            xattrs.put(name, Objects.requireNonNull(value, "value").clone());
            return this;
        }

        /**
         * Removes an extended attribute, if set.
         *
         * @param name the attribute's full name
         * @return this builder
         */
        public Builder removeXattr(String name) {
            xattrs.remove(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Removes every extended attribute.
         *
         * @return this builder
         */
        public Builder clearXattrs() {
            xattrs.clear();
            return this;
        }

        /**
         * Replaces the extended attributes, as {@link #putXattr} each.
         *
         * @param xattrs the attributes by full name; values are copied
         * @return this builder
         * @throws IllegalArgumentException if a name is empty or holds NUL or {@code =}
         */
        public Builder xattrs(Map<String, byte[]> xattrs) {
            this.xattrs.clear();
            xattrs.forEach(this::putXattr);
            return this;
        }

        /**
         * Sets the symlink target or the hard link's layer path.
         *
         * @param linkname the target
         * @return this builder
         */
        public Builder linkname(String linkname) {
            this.linkname = Objects.requireNonNull(linkname, "linkname");
            return this;
        }

        /**
         * Sets the device major number.
         *
         * @param devMajor the major number, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code devMajor} is negative
         */
        public Builder devMajor(int devMajor) {
            this.devMajor = (int) nonNegative(devMajor, "devMajor");
            return this;
        }

        /**
         * Sets the device minor number.
         *
         * @param devMinor the minor number, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code devMinor} is negative
         */
        public Builder devMinor(int devMinor) {
            this.devMinor = (int) nonNegative(devMinor, "devMinor");
            return this;
        }

        /**
         * Sets the content length of a {@link Type#FILE}.
         *
         * @param size the length in bytes
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is negative
         */
        public Builder size(long size) {
            this.size = nonNegative(size, "size");
            return this;
        }

        /**
         * Sets how the content of a {@link Type#FILE} is opened.
         *
         * @param content opens exactly {@link #size(long) size} bytes
         * @return this builder
         */
        public Builder content(Content content) {
            this.content = Objects.requireNonNull(content, "content");
            return this;
        }

        /**
         * {@return the entry}
         *
         * @throws IllegalStateException when a link has no linkname, a non-link has one, a non-file has
         *     a size, a name starts with {@code .wh.}, or the root is given a type other than directory or opaque
         */
        public LayerEntry build() {
            boolean link = type == Type.SYMLINK || type == Type.HARDLINK;
            if (link && (linkname == null || linkname.isEmpty())) {
                throw new IllegalStateException(type + " entry " + path + " needs a linkname");
            }
            if (!link && linkname != null) {
                throw new IllegalStateException(type + " entry " + path + " cannot have a linkname");
            }
            if (type != Type.FILE && size != 0) {
                throw new IllegalStateException(type + " entry " + path + " cannot have content (size " + size + ")");
            }
            String base = path.substring(path.lastIndexOf('/') + 1);
            if (base.startsWith(".wh.")) {
                throw new IllegalStateException("entry " + path + ": names starting with .wh. are reserved for"
                        + " whiteouts; use a WHITEOUT or OPAQUE entry");
            }
            if (path.isEmpty() && type != Type.DIRECTORY && type != Type.OPAQUE) {
                throw new IllegalStateException("the root can only be a DIRECTORY or OPAQUE entry, not " + type);
            }
            return new LayerEntry(this);
        }

        private static long nonNegative(long v, String what) {
            if (v < 0) {
                throw new IllegalArgumentException(what + " must not be negative: " + v);
            }
            return v;
        }

        private static String normalize(String p) {
            StringBuilder sb = new StringBuilder(p.length());
            for (String part : p.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    throw new IllegalArgumentException("path \"" + p + "\" has a '..' segment");
                }
                if (part.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("path \"" + p + "\" holds NUL");
                }
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(part);
            }
            return sb.toString();
        }
    }
}
