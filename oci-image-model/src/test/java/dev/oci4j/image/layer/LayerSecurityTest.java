package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Digest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No entry may create, modify or follow anything outside the target root. Each attack is a real
 * tar; a sentinel directory beside the root must come out untouched.
 */
class LayerSecurityTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path outside;
    private Map<String, String> outsideBefore;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectory(tmp.resolve("root"));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Trees.file(outside, "sentinel", "untouched");
        Trees.file(outside, "dir/inner", "untouched");
        outsideBefore = Trees.describe(tmp.resolve("outside"), true, true);
    }

    private void assertOutsideUntouched() throws Exception {
        assertThat(Trees.describe(outside, true, true)).isEqualTo(outsideBefore);
        assertThat(tmp.resolve("sentinel")).doesNotExist();
        assertThat(tmp.resolve("pwned")).doesNotExist();
    }

    private void apply(byte[]... tars) throws Exception {
        List<LayerBlob> list = new ArrayList<>();
        for (byte[] t : tars) {
            list.add(LayerBlob.builder(() -> new ByteArrayInputStream(t))
                    .digest(Digest.sha256(t)).build());
        }
        LayerApplier.builder().build().apply(root, list);
    }

    private void assertRefused(String entry, byte[]... tars) throws Exception {
        assertThatThrownBy(() -> apply(tars))
                .isInstanceOf(LayerFormatException.class)
                .satisfies(e -> {
                    LayerFormatException lfe = (LayerFormatException) e;
                    assertThat(lfe.entry()).contains(entry);
                    assertThat(lfe.layer()).isEqualTo(Digest.sha256(tars[tars.length - 1]).toString());
                    assertThat(lfe.getMessage()).contains(entry).contains("sha256:");
                });
        assertOutsideUntouched();
    }

    @Test
    void dotDotNamesAreRefused() throws Exception {
        assertRefused("../outside/sentinel", new CraftedTar().file("../outside/sentinel", "pwned").bytes());
        assertRefused("../pwned", new CraftedTar().file("../pwned", "pwned").bytes());
    }

    @Test
    void aNameThatEscapesAfterNormalizationIsRefused() throws Exception {
        assertRefused("a/../../pwned", new CraftedTar().dir("a").file("a/../../pwned", "x").bytes());
        assertRefused("/../pwned", new CraftedTar().file("/../pwned", "x").bytes());
    }

    @Test
    void absoluteNamesLandInsideTheRoot() throws Exception {
        String abs = outside.resolve("sentinel").toString();
        apply(new CraftedTar().file(abs, "pwned").bytes());
        assertThat(root.resolve(abs.substring(1))).hasContent("pwned");
        assertOutsideUntouched();
    }

    @Test
    void anAbsoluteSymlinkParentIsResolvedInsideTheRoot() throws Exception {
        apply(new CraftedTar().symlink("evil", outside.toString()).bytes(),
                new CraftedTar().file("evil/sentinel", "pwned").file("evil/dir/inner", "pwned").bytes());
        assertThat(root.resolve(outside.toString().substring(1)).resolve("sentinel")).hasContent("pwned");
        assertOutsideUntouched();
    }

    @Test
    void aRelativeSymlinkParentClimbingOutIsClampedAtTheRoot() throws Exception {
        apply(new CraftedTar().dir("a").symlink("a/evil", "../../../../../../../../outside").bytes(),
                new CraftedTar().file("a/evil/sentinel", "pwned").bytes());
        assertThat(root.resolve("outside/sentinel")).hasContent("pwned");
        assertOutsideUntouched();
    }

    @Test
    void aSymlinkCreatedEarlierInTheSameLayerIsNotAWayOut() throws Exception {
        apply(new CraftedTar().symlink("evil", "../outside").file("evil/sentinel", "pwned").bytes());
        assertThat(root.resolve("outside/sentinel")).hasContent("pwned");
        assertOutsideUntouched();
    }

    @Test
    void symlinkChainsStayInsideTheRoot() throws Exception {
        apply(new CraftedTar().symlink("a", "b").symlink("b", "c").symlink("c", outside.toString())
                .file("a/sentinel", "pwned").bytes());
        assertThat(root.resolve(outside.toString().substring(1)).resolve("sentinel")).hasContent("pwned");
        assertOutsideUntouched();
    }

    @Test
    void aDirectoryReplacedByASymlinkInTheSameLayerIsResolvedAfresh() throws Exception {
        apply(new CraftedTar().dir("a").file("a/f", "f").symlink("a", outside.toString()).file("a/pwned", "x")
                .file("a/sentinel", "pwned").bytes(),
                new CraftedTar().dir("b").file("b/f", "f").bytes(),
                new CraftedTar().symlink("b", "../outside").file("b/sentinel", "pwned").bytes());
        assertThat(root.resolve(outside.toString().substring(1)).resolve("sentinel")).hasContent("pwned");
        assertThat(root.resolve("outside/sentinel")).hasContent("pwned");
        assertOutsideUntouched();
        assertThat(outside.resolve("pwned")).doesNotExist();
    }

    @Test
    void directoryAttributesSetAtTheEndOfALayerNeverFollowALaterSymlink() throws Exception {
        apply(new CraftedTar().dir("a").dir("a/dir", 0700).file("a/dir/x", "x").dir("a/dir", 0700)
                .symlink("a", outside.toString()).bytes());
        apply(new CraftedTar().dir("c").dir("c/dir", 0700).bytes(),
                new CraftedTar().file("c/dir/new", "n").symlink("c", outside.toString()).bytes());
        assertThat(Files.isSymbolicLink(root.resolve("a"))).isTrue();
        assertOutsideUntouched();
    }

    @Test
    void symlinkLoopsAreRefused() throws Exception {
        assertRefused("a/x", new CraftedTar().symlink("a", "b").symlink("b", "a").file("a/x", "x").bytes());
    }

    @Test
    void aFileOverASymlinkReplacesTheLinkNotItsTarget() throws Exception {
        apply(new CraftedTar().symlink("s", outside.resolve("sentinel").toString()).bytes(),
                new CraftedTar().file("s", "pwned").dir("s2").bytes());
        assertThat(Files.isSymbolicLink(root.resolve("s"))).isFalse();
        assertThat(root.resolve("s")).hasContent("pwned");
        assertOutsideUntouched();
    }

    @Test
    void aDirectoryEntryOverASymlinkToOutsideDoesNotChangeTheTarget() throws Exception {
        apply(new CraftedTar().symlink("d", outside.toString()).bytes(),
                new CraftedTar().dir("d", 0700).bytes());
        assertThat(Files.isSymbolicLink(root.resolve("d"))).isFalse();
        assertThat(root.resolve("d")).isDirectory();
        assertOutsideUntouched();
    }

    @Test
    void hardlinksToOutsideAreRefused() throws Exception {
        assertRefused("h", new CraftedTar().hardlink("h", "../outside/sentinel").bytes());
        assertRefused("h2", new CraftedTar().hardlink("h2", outside.resolve("sentinel").toString()).bytes());
    }

    @Test
    void hardlinksThroughASymlinkAreResolvedInsideTheRoot() throws Exception {
        assertRefused("h", new CraftedTar().symlink("l", outside.toString()).hardlink("h", "l/sentinel").bytes());
        // The link target is the symlink itself, never what it points to.
        apply(new CraftedTar().symlink("l2", outside.resolve("sentinel").toString()).hardlink("h2", "l2").bytes());
        assertThat(Files.isSymbolicLink(root.resolve("h2"))).isTrue();
        assertOutsideUntouched();
    }

    @Test
    void whiteoutsPointingOutsideAreRefused() throws Exception {
        assertRefused("../outside/.wh.sentinel", new CraftedTar().whiteout("../outside/.wh.sentinel").bytes());
        assertRefused("a/.wh..", new CraftedTar().dir("a").whiteout("a/.wh..").bytes());
        assertRefused("a/.wh...", new CraftedTar().dir("a").whiteout("a/.wh...").bytes());
    }

    @Test
    void whiteoutsAndOpaqueMarkersThroughASymlinkStayInsideTheRoot() throws Exception {
        apply(new CraftedTar().symlink("evil", outside.toString()).symlink("evil2", "../outside").bytes(),
                new CraftedTar().whiteout("evil/.wh.sentinel").whiteout("evil2/.wh.dir")
                        .whiteout("evil/dir/.wh..wh..opq").whiteout("evil2/.wh..wh..opq").bytes());
        assertOutsideUntouched();
    }

    @Test
    void aWhiteoutOfASymlinkRemovesTheLinkOnly() throws Exception {
        apply(new CraftedTar().symlink("s", outside.toString()).bytes(),
                new CraftedTar().whiteout(".wh.s").bytes());
        assertThat(root.resolve("s")).doesNotExist();
        assertThat(Files.exists(root.resolve("s"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertOutsideUntouched();
    }

    @Test
    void aNonDirectoryParentIsRefused() throws Exception {
        assertRefused("f/x", new CraftedTar().file("f", "file").file("f/x", "x").bytes());
    }
}
