package dev.oci4j.image.layer;

import static dev.oci4j.testing.TestEnvironment.isRoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, the applier leaves out the chown of a new file whose tar ids are the ones it was created with;
 * a setgid directory or one owned by other ids gives new files other ids, and there the chown must happen.
 */
class NewFileOwnerTest {

    @TempDir
    Path tmp;

    private static String owner(Path p) throws Exception {
        return Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void rootOwnedEntriesGetRootIdsBelowSetgidAndForeignDirectories() throws Exception {
        assumeTrue(isRoot(), "chown needs root");
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.setAttribute(out, "unix:gid", 4321);
        Files.setAttribute(out, "unix:mode", 02755);
        Path foreign = Files.createDirectory(out.resolve("foreign"));
        Files.setAttribute(foreign, "unix:uid", 1234);
        Files.setAttribute(foreign, "unix:gid", 5678);
        Path plain = Files.createDirectory(out.resolve("plain"));
        Files.setAttribute(plain, "unix:gid", 0);
        Files.setAttribute(plain, "unix:mode", 0755);
        // uid and gid 0 throughout; "d" is created by the layer below the setgid root, and inherits its setgid.
        Path blob = new CraftedTar().file("a", "a").file("d/b", "b").dir("d").file("d/c", "c")
                .file("foreign/e", "e").file("plain/f", "f").writeTo(tmp.resolve("layer.tar"));

        ApplyResult r = LayerApplier.builder().build().apply(out, LayerBlob.of(blob));

        assertThat(r.warnings()).isEmpty();
        for (String name : new String[] {"a", "d/b", "d/c", "d", "foreign/e", "plain/f"}) {
            assertThat(owner(out.resolve(name))).as(name).isEqualTo("0:0");
        }
    }
}
