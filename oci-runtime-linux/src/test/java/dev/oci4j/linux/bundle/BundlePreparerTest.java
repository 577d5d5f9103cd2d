package dev.oci4j.linux.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Platform;
import dev.oci4j.linux.BusyboxImage;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Spec;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundlePreparerTest {

    @TempDir
    static Path shared;

    static BusyboxImage image;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildImage() throws IOException {
        image = BusyboxImage.build(shared);
    }

    private PreparedBundle prepare(Path dir, ContainerOptions options) throws IOException {
        return BundlePreparer.prepare(image.layout, image.entry, Platform.host(), dir, options);
    }

    @Test
    void aBundleIsTheRootfsAndAConfigJsonThatReadsBack() throws IOException {
        PreparedBundle b = prepare(tmp.resolve("bundle"), ContainerOptions.builder().user("alice")
                .cmd(List.of("id")).build());
        assertThat(b.rootfsMethod()).isEqualTo(RootfsMethod.COPY);
        assertThat(b.rootfs().resolve("bin/busybox")).isRegularFile();
        Spec written = RuntimeJson.readSpec(b.configFile());
        assertThat(written).isEqualTo(b.spec());
        assertThat(written.root().orElseThrow().path()).isEqualTo("rootfs");
        assertThat(written.process().orElseThrow().args()).containsExactly("id");
        assertThat(written.process().orElseThrow().user().uid()).isEqualTo(1000);
        assertThat(written.process().orElseThrow().user().additionalGids()).containsExactly(29L);
        assertThat(written.process().orElseThrow().env()).containsExactly("PATH=/bin");
        assertThat(written.annotations()).containsEntry("org.opencontainers.image.title", "busybox")
                .containsEntry("org.opencontainers.image.stopSignal", "SIGTERM");
        b.delete();
        assertThat(b.dir()).doesNotExist();
    }

    @Test
    void anEmptyDirectoryIsAccepted() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        assertThat(prepare(dir, ContainerOptions.DEFAULTS).configFile()).isRegularFile();
    }

    @Test
    void aDirectoryThatHoldsSomethingIsRefusedAndKept() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("used"));
        Files.writeString(dir.resolve("keep"), "x");
        assertThatThrownBy(() -> prepare(dir, ContainerOptions.DEFAULTS))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("not empty");
        assertThat(dir.resolve("keep")).hasContent("x");
    }

    @Test
    void anUnknownUserLeavesNothingBehind() {
        Path dir = tmp.resolve("bad");
        assertThatThrownBy(() -> prepare(dir, ContainerOptions.builder().user("mallory").build()))
                .isInstanceOf(ConversionException.class).hasMessageContaining("mallory");
        assertThat(dir).doesNotExist();
    }
}
