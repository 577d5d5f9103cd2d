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

    /** A builder for an entry of {@code type} at {@code path}. */
    public static Builder builder(String path, Type type) {
        return new Builder(path, type);
    }

    /** A regular file of {@code size} bytes, mode 0644. */
    public static LayerEntry file(String path, long size, Content content) {
        return builder(path, Type.FILE).size(size).content(content).build();
    }

    /** A directory, mode 0755. */
    public static LayerEntry directory(String path) {
        return builder(path, Type.DIRECTORY).build();
    }

    /** A symbolic link to {@code target}. */
    public static LayerEntry symlink(String path, String target) {
        return builder(path, Type.SYMLINK).linkname(target).build();
    }

    /** A hard link to the earlier entry {@code target}. */
    public static LayerEntry hardlink(String path, String target) {
        return builder(path, Type.HARDLINK).linkname(target).build();
    }

    /** Hides {@code path} of the lower layers. */
    public static LayerEntry whiteout(String path) {
        return builder(path, Type.WHITEOUT).build();
    }

    /** Hides every lower child of directory {@code path}. */
    public static LayerEntry opaque(String path) {
        return builder(path, Type.OPAQUE).build();
    }

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

    /** The relative path, {@code /}-separated, without leading or trailing slash ("" is the root). */
    public String path() {
        return path;
    }

    public Type type() {
        return type;
    }

    /** Permission bits including setuid (04000), setgid (02000) and sticky (01000). */
    public int mode() {
        return mode;
    }

    public long uid() {
        return uid;
    }

    public long gid() {
        return gid;
    }

    /** Modification time; {@link Instant#EPOCH} unless set. */
    public Instant mtime() {
        return mtime;
    }

    /** Extended attributes by full name ({@code user.foo}, {@code security.capability}); values are copies. */
    public Map<String, byte[]> xattrs() {
        Map<String, byte[]> copy = new TreeMap<>();
        xattrs.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** The symlink target or hardlink source; present exactly for {@link Type#SYMLINK} and {@link Type#HARDLINK}. */
    public Optional<String> linkname() {
        return Optional.ofNullable(linkname);
    }

    public int devMajor() {
        return devMajor;
    }

    public int devMinor() {
        return devMinor;
    }

    /** Content size in bytes; 0 for everything but {@link Type#FILE}. */
    public long size() {
        return size;
    }

    /** The content, read once when written; empty stream unless {@link Type#FILE}. */
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

        /** The relative path; leading and trailing slashes and {@code ./} are dropped, {@code ..} is refused. */
        public Builder path(String path) {
            this.path = normalize(Objects.requireNonNull(path, "path"));
            return this;
        }

        public Builder type(Type type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder mode(int mode) {
            if ((mode & ~07777) != 0) {
                throw new IllegalArgumentException("mode 0" + Integer.toOctalString(mode)
                        + " has bits beyond 07777 (permissions, setuid, setgid, sticky)");
            }
            this.mode = mode;
            return this;
        }

        public Builder uid(long uid) {
            this.uid = nonNegative(uid, "uid");
            return this;
        }

        public Builder gid(long gid) {
            this.gid = nonNegative(gid, "gid");
            return this;
        }

        public Builder mtime(Instant mtime) {
            this.mtime = Objects.requireNonNull(mtime, "mtime");
            return this;
        }

        /** Adds an extended attribute (full name with namespace, such as {@code user.comment}). */
        public Builder putXattr(String name, byte[] value) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.indexOf('\0') >= 0 || name.indexOf('=') >= 0) {
                throw new IllegalArgumentException("xattr name \"" + name + "\" is empty or holds NUL or '='");
            }
            xattrs.put(name, Objects.requireNonNull(value, "value").clone());
            return this;
        }

        public Builder removeXattr(String name) {
            xattrs.remove(Objects.requireNonNull(name, "name"));
            return this;
        }

        public Builder clearXattrs() {
            xattrs.clear();
            return this;
        }

        public Builder xattrs(Map<String, byte[]> xattrs) {
            this.xattrs.clear();
            xattrs.forEach(this::putXattr);
            return this;
        }

        public Builder linkname(String linkname) {
            this.linkname = Objects.requireNonNull(linkname, "linkname");
            return this;
        }

        public Builder devMajor(int devMajor) {
            this.devMajor = (int) nonNegative(devMajor, "devMajor");
            return this;
        }

        public Builder devMinor(int devMinor) {
            this.devMinor = (int) nonNegative(devMinor, "devMinor");
            return this;
        }

        public Builder size(long size) {
            this.size = nonNegative(size, "size");
            return this;
        }

        public Builder content(Content content) {
            this.content = Objects.requireNonNull(content, "content");
            return this;
        }

        /**
         * @throws IllegalStateException when a link has no linkname, a non-link has one, a non-file has
         *     a size, or the root is given a type other than directory
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
