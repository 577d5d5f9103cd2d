package dev.oci4j.linux.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layer.LayerEntry;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles whose rootfs is an overlay over layers applied once into a {@link LayerCache}: the tree is
 * the one a full copy gives, whiteouts and opaque directories included, and nothing stays mounted.
 */
class OverlayRootfsTest {

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    @TempDir
    static Path shared;

    static ImageLayout layout;
    static Descriptor entry;

    @TempDir
    Path tmp;

    /** A base layer with a.txt, keep.txt, d/x, d/y; a top layer that deletes a.txt and makes d opaque with d/z. */
    @BeforeAll
    static void buildTwoLayerImage() throws IOException {
        TestEnvironment.requireRoot("overlay mounts and overlay whiteouts need CAP_SYS_ADMIN");
        Path base = Files.createDirectories(shared.resolve("base"));
        Files.writeString(base.resolve("a.txt"), "a");
        Files.writeString(base.resolve("keep.txt"), "keep");
        Files.createDirectories(base.resolve("d"));
        Files.writeString(base.resolve("d/x"), "x");
        Files.writeString(base.resolve("d/y"), "y");
        byte[] z = "z".getBytes(StandardCharsets.UTF_8);
        layout = ImageLayout.openOrCreate(shared.resolve("layout"));
        ImageBuilder.fromScratch()
                .platform(Platform.host())
                .sourceDateEpoch(Instant.ofEpochSecond(1_700_000_000))
                .addLayer(base)
                .addEntries(List.of(LayerEntry.whiteout("a.txt"), LayerEntry.directory("d"), LayerEntry.opaque("d"),
                        LayerEntry.file("d/z", z.length, () -> new ByteArrayInputStream(z))))
                .cmd("/true")
                .writeTo(layout, "two");
        entry = layout.resolve("two").orElseThrow();
    }

    private PreparedBundle prepare(Path dir, LayerCache cache) throws IOException {
        return BundlePreparer.prepare(layout, entry, Platform.host(), dir, ContainerOptions.DEFAULTS, cache);
    }

    @Test
    void anOverlayShowsTheTreeAFullCopyGivesWithWhiteoutsAndOpaqueDirectories() throws IOException {
        List<String> mountsBefore = mountinfo();
        LayerCache cache = LayerCache.at(tmp.resolve("cache"));
        PreparedBundle copy = BundlePreparer.prepare(layout, entry, Platform.host(), tmp.resolve("copy"),
                ContainerOptions.DEFAULTS);
        try (PreparedBundle overlay = prepare(tmp.resolve("overlay"), cache)) {
            assertThat(overlay.rootfsMethod()).isEqualTo(RootfsMethod.OVERLAY);
            assertThat(copy.rootfsMethod()).isEqualTo(RootfsMethod.COPY);
            assertThat(tree(overlay.rootfs())).isEqualTo(tree(copy.rootfs()))
                    .contains("keep.txt", "d", "d/z").doesNotContain("a.txt", "d/x", "d/y");
            assertThat(mountinfo()).anyMatch(m -> m.startsWith(overlay.rootfs().toString() + " "));
        }
        assertThat(mountinfo()).isEqualTo(mountsBefore);
        assertThat(tmp.resolve("overlay")).doesNotExist();
        copy.delete();
    }

    @Test
    void theCachedTopLayerHoldsOverlayWhiteoutsAndTheOpaqueMark() throws IOException {
        LayerCache cache = LayerCache.at(tmp.resolve("cache"));
        prepare(tmp.resolve("b"), cache).delete();
        List<Path> layers = cachedLayers(cache);
        assertThat(layers).hasSize(2);
        Path top = layers.stream().filter(l -> Files.exists(l.resolve("d/z"))).findFirst().orElseThrow();
        Path whiteout = top.resolve("a.txt");
        int mode = (Integer) Files.getAttribute(whiteout, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertThat(mode & S_IFMT).as("a character device").isEqualTo(S_IFCHR);
        assertThat((Long) Files.getAttribute(whiteout, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isZero();
        // The opaque mark (trusted.overlay.opaque, which Java cannot read) is what hides d/x and d/y
        // in the overlay: the first test compares the trees.
        assertThat(tree(top.resolve("d"))).containsExactly("z");
    }

    @Test
    void laterBundlesReuseTheCacheAndEachHasItsOwnUpperDirectory() throws IOException {
        LayerCache cache = LayerCache.at(tmp.resolve("cache"));
        try (PreparedBundle first = prepare(tmp.resolve("first"), cache);
                PreparedBundle second = prepare(tmp.resolve("second"), cache)) {
            assertThat(second.rootfsMethod()).isEqualTo(RootfsMethod.OVERLAY);
            Files.writeString(first.rootfs().resolve("keep.txt"), "changed");
            Files.delete(first.rootfs().resolve("d/z"));
            assertThat(second.rootfs().resolve("keep.txt")).hasContent("keep");
            assertThat(second.rootfs().resolve("d/z")).hasContent("z");
        }
        assertThat(cachedLayers(cache)).hasSize(2);
        for (Path layer : cachedLayers(cache)) {
            assertThat(tree(layer)).doesNotContain("keep.txt.changed");
        }
        assertThat(tmp.resolve("cache/tmp")).isEmptyDirectory();
    }

    @Test
    void concurrentPreparationsApplyEachLayerOnce() throws Exception {
        LayerCache cache = LayerCache.at(tmp.resolve("cache"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<PreparedBundle> bundles = new ArrayList<>();
        try {
            List<Future<PreparedBundle>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Path dir = tmp.resolve("c" + i);
                futures.add(pool.submit(() -> prepare(dir, cache)));
            }
            for (Future<PreparedBundle> f : futures) {
                bundles.add(f.get());
            }
            for (PreparedBundle b : bundles) {
                assertThat(b.rootfsMethod()).isEqualTo(RootfsMethod.OVERLAY);
                assertThat(tree(b.rootfs())).contains("d/z").doesNotContain("a.txt");
            }
        } finally {
            pool.shutdown();
            for (PreparedBundle b : bundles) {
                b.delete();
            }
        }
        assertThat(cachedLayers(cache)).hasSize(2);
        assertThat(tmp.resolve("cache/tmp")).isEmptyDirectory();
    }

    @Test
    void aBundleLeftMountedByAnotherProcessIsRemovedByItsDirectory() throws IOException {
        List<String> mountsBefore = mountinfo();
        PreparedBundle b = prepare(tmp.resolve("detached"), LayerCache.at(tmp.resolve("cache")));
        PreparedBundle.remove(b.dir());
        assertThat(b.dir()).doesNotExist();
        assertThat(mountinfo()).isEqualTo(mountsBefore);
    }

    private static List<Path> cachedLayers(LayerCache cache) throws IOException {
        try (Stream<Path> s = Files.list(cache.dir().resolve("sha256"))) {
            return s.collect(Collectors.toList());
        }
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        }
    }

    /**
     * This test's mounts: other tests and programs mount on this machine at the same time, so only
     * mount points under the test's own directory are compared.
     */
    private List<String> mountinfo() throws IOException {
        return dev.oci4j.linux.ContainerRuntimeContract.mountsUnder(tmp);
    }
}
