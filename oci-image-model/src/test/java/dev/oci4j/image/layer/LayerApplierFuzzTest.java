package dev.oci4j.image.layer;

import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import dev.oci4j.testing.FuzzRuns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of {@link LayerApplier} (issue 7, defect 12): generated and damaged layer stacks (see
 * {@link FuzzLayers}) are applied to a fresh root in a sandbox that also holds a sentinel directory.
 * Whatever the layers hold, the apply either succeeds or fails with a {@link LayerFormatException}
 * naming its layer, or an {@link IOException} (a digest mismatch, a file system refusal); nothing
 * outside the root changes: the sentinel tree is identical down to inode link counts and change
 * times, and nothing new appears beside the root; and it ends (a watchdog turns a hang into a
 * failure naming the stack).
 *
 * <p>CI runs a fixed seed with the tries set in {@code junit-platform.properties}. A long run:
 * <pre>
 * mvn -pl oci-image-model -am test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djqwik.tries.default=100000 -Doci4j.fuzz.seed=random
 * </pre>
 */
class LayerApplierFuzzTest {

    private static Path base;

    @BeforeContainer
    static void createBase() throws IOException {
        base = Files.createTempDirectory("oci4j-layer-fuzz");
    }

    @AfterContainer
    static void removeBase() throws IOException {
        deleteTree(base);
    }

    @Provide
    Arbitrary<Long> trySeeds() {
        return Arbitraries.longs().map(s -> s ^ FuzzRuns.SALT);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void hostileLayersFailOnlyAsDeclaredAndTouchNothingOutsideTheRoot(@ForAll("trySeeds") long seed) throws Exception {
        applyInSandbox(FuzzLayers.stack(seed, false));
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void damagedLayerStreamsFailOnlyAsDeclaredAndTouchNothingOutsideTheRoot(@ForAll("trySeeds") long seed)
            throws Exception {
        applyInSandbox(FuzzLayers.stack(seed, true));
    }

    private static void applyInSandbox(FuzzLayers.Stack stack) throws Exception {
        Path sandbox = Files.createTempDirectory(base, "try");
        try {
            Path root = sandbox.resolve("root");
            Path outside = sentinel(sandbox.resolve("outside"));
            Map<String, String> before = describe(outside);
            List<LayerBlob> sources = sources(stack, sandbox);
            Throwable failure = FuzzRuns.run(ignored -> {
                try {
                    LayerApplier.builder().build().apply(root, sources);
                } catch (LayerFormatException e) {
                    if (e.location() == null || e.layer() == null || e.getMessage() == null) {
                        throw new AssertionError("layer format exception without location, layer or message", e);
                    }
                } catch (IOException declared) {
                    // a digest mismatch, or the file system refusing something: declared, and fine
                }
            }, new byte[0]);
            if (failure != null) {
                throw new AssertionError((failure instanceof TimeoutException ? "hang: " : "undeclared exception: ")
                        + failure + "\n  layers: " + stack + "\n  salt (-Doci4j.fuzz.seed): " + FuzzRuns.SALT, failure);
            }
            Map<String, String> after = describe(outside);
            if (!after.equals(before)) {
                throw new AssertionError("the sentinel beside the root changed\n  before: " + before + "\n  after:  "
                        + after + "\n  layers: " + stack);
            }
            Set<String> beside = new TreeSet<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(sandbox)) {
                ds.forEach(p -> beside.add(p.getFileName().toString()));
            }
            if (!beside.equals(Set.of("outside", "root")) && !beside.equals(Set.of("outside"))) {
                throw new AssertionError("something appeared beside the root: " + beside + "\n  layers: " + stack);
            }
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                throw new AssertionError("the root is no longer a directory\n  layers: " + stack);
            }
        } finally {
            deleteTree(sandbox);
        }
    }

    private static List<LayerBlob> sources(FuzzLayers.Stack stack, Path sandbox) throws IOException {
        Random r = new Random(stack.seed());
        List<LayerBlob> out = new ArrayList<>();
        for (int i = 0; i < stack.layers().size(); i++) {
            String packing = stack.packing().isEmpty() ? null : stack.packing().get(i);
            byte[] bytes = FuzzLayers.bytes(stack.layers().get(i), packing, sandbox.toString(), stack.seed() + i);
            LayerBlob.Builder b = LayerBlob.builder(() -> new ByteArrayInputStream(bytes)).name("#" + i);
            switch (packing == null ? 0 : r.nextInt(5)) {
                case 1 -> b.digest(Digest.sha256(bytes)).size(bytes.length);
                case 2 -> b.digest(Digest.sha256(new byte[] {(byte) i})).size(bytes.length);
                case 3 -> b.diffId(Digest.sha256(bytes));
                case 4 -> b.mediaType(List.of(MediaType.OCI_LAYER_TAR, MediaType.OCI_LAYER_TAR_GZIP,
                        MediaType.OCI_LAYER_TAR_ZSTD).get(r.nextInt(3)));
                default -> { }
            }
            out.add(b.build());
        }
        return out;
    }

    // ---- the sentinel

    private static Path sentinel(Path outside) throws IOException {
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(outside.resolve("sentinel"), "untouched");
        Files.writeString(outside.resolve("dir/inner"), "untouched too");
        Files.createDirectory(outside.resolve("empty"));
        Files.createSymbolicLink(outside.resolve("link"), Path.of("sentinel"));
        Files.createSymbolicLink(outside.resolve("up"), Path.of(".."));
        return outside;
    }

    /** Every entry below {@code dir}, not following links: type, mode, owner, links, times, size, content. */
    private static Map<String, String> describe(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        describe(dir, dir, out);
        return out;
    }

    private static void describe(Path top, Path p, Map<String, String> out) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,nlink,ctime,lastModifiedTime,size,ino",
                LinkOption.NOFOLLOW_LINKS);
        StringBuilder sb = new StringBuilder();
        sb.append(Integer.toOctalString((Integer) a.get("mode"))).append(' ').append(a.get("uid")).append(':')
                .append(a.get("gid")).append(" nlink=").append(a.get("nlink")).append(" ctime=").append(a.get("ctime"))
                .append(" mtime=").append(a.get("lastModifiedTime")).append(" size=").append(a.get("size"));
        if (Files.isSymbolicLink(p)) {
            sb.append(" -> ").append(Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            sb.append(' ').append(Digest.sha256(Files.readAllBytes(p)));
        }
        out.put(top.relativize(p).toString(), sb.toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path c : ds) {
                    describe(top, c, out);
                }
            }
        }
    }

    /** Removes a tree without following links, making directories writable first (modes 0 and 0555 come from layers). */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                ds.forEach(children::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path c : children) {
                deleteTree(c);
            }
        }
        Files.delete(p);
    }
}
