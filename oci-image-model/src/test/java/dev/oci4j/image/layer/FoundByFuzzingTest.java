package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bugs {@link LayerApplierFuzzTest} found, each pinned by its smallest tar. */
class FoundByFuzzingTest {

    private static final String LONG = "l".repeat(101);

    @TempDir
    Path tmp;

    /**
     * A name past 100 characters travels whole in a PAX {@code path} record, where a NUL survives;
     * the applier threw the JDK's InvalidPathException (an IllegalArgumentException) instead of
     * naming the entry.
     */
    @Test
    void aNulInAPaxPathIsALayerFormatExceptionNamingTheEntry() {
        byte[] tar = new CraftedTar().file(LONG + "/a\u0000b", "x").bytes();
        assertThatThrownBy(() -> apply(tar))
                .isInstanceOf(LayerFormatException.class)
                .hasMessageContaining("NUL")
                .satisfies(e -> assertThat(((LayerFormatException) e).entry()).contains(LONG + "/a\u0000b"));
    }

    @Test
    void aNulInAPaxLinkpathIsALayerFormatExceptionForSymlinksAndHardLinks() throws Exception {
        byte[] lower = new CraftedTar().file("keep", "x").file("s", "").bytes();
        apply(lower);
        byte[] badSymlink = new CraftedTar().symlink("s", LONG + "/\u0000").bytes();
        assertThatThrownBy(() -> apply(badSymlink)).isInstanceOf(LayerFormatException.class).hasMessageContaining("NUL");
        // Refused before anything was removed: the file the link would have replaced is still there.
        assertThat(tmp.resolve("root/s")).isRegularFile();
        byte[] badHardlink = new CraftedTar().hardlink("h", LONG + "\u0000b").bytes();
        assertThatThrownBy(() -> apply(badHardlink)).isInstanceOf(LayerFormatException.class).hasMessageContaining("NUL");
        assertThat(Files.exists(tmp.resolve("root/keep"))).isTrue();
    }

    private void apply(byte[] tar) throws Exception {
        LayerApplier.builder().build().apply(tmp.resolve("root"),
                LayerSource.builder(() -> new ByteArrayInputStream(tar)).name("fuzz").build());
    }
}
