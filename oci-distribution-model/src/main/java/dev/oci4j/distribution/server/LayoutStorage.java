package dev.oci4j.distribution.server;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.layout.ImageLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@link RegistryStorage#onDisk(Path)}: each repository an OCI image layout, every manifest an entry of
 * its index.json (tags carry {@code org.opencontainers.image.ref.name}), so other OCI tools read it.
 * Blob writes are the layout's (temp file, fsync, rename): a crash never leaves a partial blob visible.
 */
final class LayoutStorage implements RegistryStorage {

    static final String REF_NAME = "org.opencontainers.image.ref.name";
    static final String UPLOADS = "_uploads";
    /** What a layout holds at its top; a repository component with one of these names is escaped. */
    static final Set<String> RESERVED = Set.of("blobs", "index.json", "oci-layout");
    static final String ESCAPE = "_";

    private final Path root;
    private final Path uploads;
    private final Map<String, ImageLayout> layouts = new ConcurrentHashMap<>();

    LayoutStorage(Path dir) throws IOException {
        this.root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new AccessDeniedException(root.toString(), null, "registry storage must be a writable directory");
        }
        this.uploads = root.resolve(UPLOADS);
        // Sessions live in memory: after a restart their files belong to nobody.
        deleteTree(uploads);
        Files.createDirectories(uploads);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The directory of a repository: its name's components as nested directories, except that a
     * component a layout uses for itself ({@code blobs}, {@code index.json}, {@code oci-layout}) gets a
     * {@code _} in front. Repository components cannot begin with {@code _} (the spec's grammar), so
     * the escaped names collide with no other repository, and {@code a/blobs} never lands in the blobs
     * of {@code a}. Every other name maps to itself, so {@code oci:DIR/a/b:tag} reads repository a/b.
     */
    Path dir(String repository) {
        Path dir = root;
        for (String component : repository.split("/")) {
            dir = dir.resolve(RESERVED.contains(component) ? ESCAPE + component : component);
        }
        return dir;
    }

    /** The repository a directory under the root holds, undoing {@link #dir}'s escape. */
    private String repository(Path dir) {
        StringBuilder name = new StringBuilder();
        for (Path component : root.relativize(dir)) {
            String c = component.toString();
            name.append(name.length() == 0 ? "" : "/").append(c.startsWith(ESCAPE) ? c.substring(ESCAPE.length()) : c);
        }
        return name.toString();
    }

    private Optional<ImageLayout> existing(String repository) throws IOException {
        ImageLayout l = layouts.get(repository);
        if (l != null) {
            return Optional.of(l);
        }
        Path dir = dir(repository);
        if (!Files.isRegularFile(dir.resolve("oci-layout"))) {
            return Optional.empty();
        }
        return Optional.of(layouts.computeIfAbsent(repository, r -> open(dir)));
    }

    private ImageLayout writable(String repository) {
        return layouts.computeIfAbsent(repository, r -> create(dir(r)));
    }

    private static ImageLayout open(Path dir) {
        try {
            return ImageLayout.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens or creates the layout in {@code dir}. A directory that already holds the directories of
     * nested repositories ({@code a} after {@code a/b} was pushed) is no empty directory, which
     * {@link ImageLayout#create} rightly refuses; there the layout is created in the upload directory
     * and its entries moved in, {@code oci-layout} last, so that a crash leaves no half layout.
     */
    private ImageLayout create(Path dir) {
        try {
            if (Files.isRegularFile(dir.resolve("oci-layout")) || !Files.isDirectory(dir) || isEmpty(dir)) {
                return ImageLayout.openOrCreate(dir);
            }
            // Leftovers of a move a crash interrupted: a nested repository is never named so (see dir()).
            deleteTree(dir.resolve("blobs"));
            Files.deleteIfExists(dir.resolve("index.json"));
            Path staging = uploads.resolve("layout-" + java.util.UUID.randomUUID());
            ImageLayout.create(staging);
            for (String entry : List.of("blobs", "index.json", "oci-layout")) {
                Files.move(staging.resolve(entry), dir.resolve(entry), StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(staging);
            return ImageLayout.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    @Override
    public boolean hasRepository(String repository) throws IOException {
        return existing(repository).isPresent();
    }

    @Override
    public List<String> repositories() throws IOException {
        List<String> names = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String file = dir.getFileName().toString();
                // Uploads, a layout's blobs and temp directories (dot names) hold no repositories.
                if (dir.equals(uploads) || file.startsWith(".")
                        || file.equals("blobs") && Files.isRegularFile(dir.resolveSibling("oci-layout"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (Files.isRegularFile(dir.resolve("oci-layout"))) {
                    names.add(repository(dir));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return names;
    }

    @Override
    public OptionalLong blobSize(String repository, Digest digest) throws IOException {
        Optional<ImageLayout> l = existing(repository);
        if (l.isEmpty() || !l.get().hasBlob(digest)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(l.get().blobSize(digest));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();   // deleted meanwhile
        }
    }

    @Override
    public InputStream openBlob(String repository, Digest digest, long offset) throws IOException {
        ImageLayout l = existing(repository).orElseThrow(() -> new NoSuchFileException(repository));
        // Served as stored, without verifying: ranges need random access, and the layout verified it on write.
        SeekableByteChannel ch = Files.newByteChannel(l.blobPath(digest));
        ch.position(offset);
        return Channels.newInputStream(ch);
    }

    @Override
    public void putBlob(String repository, Digest digest, long size, InputStream content) throws IOException {
        try {
            writable(repository).writeBlob(content, digest, size);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Moves the upload's file to its content address as the layout itself would commit a blob:
     * synced first, renamed atomically, the directory synced after; an intact copy already there wins.
     */
    @Override
    public void adoptBlob(String repository, Digest digest, long size, Path file) throws IOException {
        ImageLayout layout;
        try {
            layout = writable(repository);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Path target = layout.blobPath(digest);
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Not every file system syncs a directory; the rename itself is atomic either way.
        }
    }

    /**
     * Hard-links the source layout's blob file into the target layout, so the content exists once and
     * stays in {@code to} when {@code from} deletes it; a copy where a link cannot be made (another file
     * system). The link or copy is made in the upload directory and renamed into place, so the target
     * never shows a partial blob.
     */
    @Override
    public boolean mountBlob(String from, String to, Digest digest) throws IOException {
        Optional<ImageLayout> source = existing(from);
        if (source.isEmpty() || !source.get().hasBlob(digest)) {
            return false;
        }
        ImageLayout target;
        try {
            target = writable(to);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Path src = source.get().blobPath(digest);
        Path dst = target.blobPath(digest);
        if (Files.isRegularFile(dst) && Files.size(dst) == Files.size(src)) {
            return true;
        }
        Path tmp = uploads.resolve("mount-" + java.util.UUID.randomUUID());
        try {
            try {
                Files.createLink(tmp, src);
            } catch (NoSuchFileException e) {
                return false;   // deleted from the source meanwhile
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(src, tmp);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            Files.createDirectories(dst.getParent());
            Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public boolean deleteBlob(String repository, Digest digest) throws IOException {
        Optional<ImageLayout> l = existing(repository);
        return l.isPresent() && Files.deleteIfExists(l.get().blobPath(digest));
    }

    @Override
    public Optional<StoredManifest> manifest(String repository, Digest digest) throws IOException {
        Optional<ImageLayout> l = existing(repository);
        if (l.isEmpty()) {
            return Optional.empty();
        }
        Optional<Descriptor> d = l.get().index().manifests().stream().filter(m -> m.digest().equals(digest)).findFirst();
        if (d.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = l.get().readBlobBytes(digest, d.get().size());
        return Optional.of(new StoredManifest(digest, d.get().mediaType().orElse(MediaType.OCI_MANIFEST), bytes));
    }

    @Override
    public List<Digest> manifests(String repository) throws IOException {
        Optional<ImageLayout> l = existing(repository);
        return l.isEmpty() ? List.of()
                : l.get().index().manifests().stream().map(Descriptor::digest).distinct().sorted().toList();
    }

    @Override
    public void putManifest(String repository, StoredManifest m) throws IOException {
        ImageLayout l = writable(repository);
        l.writeBlob(new ByteArrayInputStream(m.bytes()), m.digest(), m.bytes().length);
        Descriptor d = Descriptor.of(m.mediaType(), m.digest(), m.bytes().length);
        update(l, entries -> {
            if (entries.stream().noneMatch(e -> e.digest().equals(m.digest()))) {
                entries.add(d);
            }
            return entries;
        });
    }

    private static void update(ImageLayout l, UnaryOperator<List<Descriptor>> change) throws IOException {
        l.updateIndex(i -> i.toBuilder().manifests(change.apply(new ArrayList<>(i.manifests()))).build());
    }

    @Override
    public boolean deleteManifest(String repository, Digest digest) throws IOException {
        Optional<ImageLayout> l = existing(repository);
        return l.isPresent() && l.get().remove(digest) > 0;
    }

    @Override
    public Optional<Digest> resolveTag(String repository, String tag) throws IOException {
        Optional<ImageLayout> l = existing(repository);
        return l.isEmpty() ? Optional.empty() : l.get().resolve(tag).map(Descriptor::digest);
    }

    @Override
    public void tag(String repository, String tag, Digest digest) throws IOException {
        update(writable(repository), entries -> {
            List<Descriptor> out = withoutTag(entries, tag);
            Descriptor target = out.stream().filter(e -> e.digest().equals(digest)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("manifest " + digest + " is not stored"));
            Descriptor tagged = target.toBuilder().annotations(Map.of()).putAnnotation(REF_NAME, tag).build();
            int untagged = indexOf(out, digest, true);
            if (untagged >= 0) {
                out.set(untagged, tagged);
            } else {
                out.add(tagged);
            }
            return out;
        });
    }

    /** Removes the entry named {@code tag}, keeping its manifest as an untagged entry when nothing else names it. */
    private static List<Descriptor> withoutTag(List<Descriptor> entries, String tag) {
        List<Descriptor> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            Descriptor e = out.get(i);
            if (tag.equals(e.annotations().get(REF_NAME))) {
                Digest d = e.digest();
                boolean elsewhere = out.stream().anyMatch(o -> o != e && o.digest().equals(d));
                if (elsewhere) {
                    out.remove(i--);
                } else {
                    out.set(i, e.toBuilder().annotations(Map.of()).build());
                }
            }
        }
        return out;
    }

    private static int indexOf(List<Descriptor> entries, Digest digest, boolean untaggedOnly) {
        for (int i = 0; i < entries.size(); i++) {
            Descriptor e = entries.get(i);
            if (e.digest().equals(digest) && (!untaggedOnly || !e.annotations().containsKey(REF_NAME))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean untag(String repository, String tag) throws IOException {
        Optional<ImageLayout> l = existing(repository);
        if (l.isEmpty() || l.get().resolve(tag).isEmpty()) {
            return false;
        }
        update(l.get(), entries -> withoutTag(entries, tag));
        return true;
    }

    @Override
    public List<String> tags(String repository) throws IOException {
        Optional<ImageLayout> l = existing(repository);
        if (l.isEmpty()) {
            return List.of();
        }
        ImageIndex index = l.get().index();
        return index.manifests().stream().map(d -> d.annotations().get(REF_NAME))
                .filter(t -> t != null && Checks.isTag(t)).distinct().toList();
    }

    @Override
    public Path uploadDirectory() {
        return uploads;
    }

    @Override
    public void close() throws IOException {
        layouts.clear();
        deleteTree(uploads);
        Files.createDirectories(uploads);
    }
}
