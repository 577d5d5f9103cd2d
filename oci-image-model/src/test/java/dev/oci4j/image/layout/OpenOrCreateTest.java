package dev.oci4j.image.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.ImageFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layout is created only where nothing else lives: a missing or empty directory. */
class OpenOrCreateTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingDirectoryIsCreatedAsALayout() throws IOException {
        Path dir = tmp.resolve("a/b/layout");
        ImageLayout layout = ImageLayout.openOrCreate(dir);
        assertThat(dir.resolve("oci-layout")).isRegularFile();
        assertThat(dir.resolve("index.json")).isRegularFile();
        assertThat(layout.index().manifests()).isEmpty();
    }

    @Test
    void anEmptyDirectoryIsCreatedAsALayout() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        ImageLayout.openOrCreate(dir);
        assertThat(dir.resolve("oci-layout")).isRegularFile();
        assertThat(dir.resolve("blobs")).isDirectory();
    }

    @Test
    void anExistingLayoutIsOpenedWithItsBlobs() throws IOException {
        Path dir = tmp.resolve("layout");
        Blob blob = ImageLayout.create(dir).writeBlob("hello".getBytes(StandardCharsets.UTF_8));
        ImageLayout again = ImageLayout.openOrCreate(dir);
        assertThat(again.hasBlob(blob.digest())).isTrue();
    }

    @Test
    void aNonEmptyDirectoryThatIsNotALayoutIsRefusedAndLeftUntouched() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("project"));
        Files.writeString(dir.resolve("README.md"), "my project");
        Files.createDirectory(dir.resolve("src"));
        List<Path> before = everything(dir);

        assertThatThrownBy(() -> ImageLayout.openOrCreate(dir))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("README.md")
                .hasMessageContaining("src")
                .hasMessageContaining("not an OCI image layout");
        assertThatThrownBy(() -> ImageLayout.create(dir))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(dir.toString());
        assertThat(everything(dir)).isEqualTo(before);
    }

    @Test
    void aForeignIndexJsonIsNeverOverwritten() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("half"));
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mine\":true}]}");
        assertThatThrownBy(() -> ImageLayout.openOrCreate(dir))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("index.json");
        assertThat(Files.readString(dir.resolve("index.json"))).contains("mine");
    }

    @Test
    void whatAnInterruptedCreateLeftBehindIsCompleted() throws IOException {
        Path dir = tmp.resolve("interrupted");
        ImageLayout.create(dir);
        Files.delete(dir.resolve("oci-layout")); // written last: a crash just before it
        ImageLayout layout = ImageLayout.openOrCreate(dir);
        assertThat(dir.resolve("oci-layout")).isRegularFile();
        assertThat(layout.index().manifests()).isEmpty();
    }

    @Test
    void aRegularFileIsNeitherOpenedNorCreated() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> ImageLayout.openOrCreate(file))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a directory");
        assertThat(file).hasContent("x");
    }

    @Test
    void openingAMissingDirectorySaysItDoesNotExist() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> ImageLayout.open(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void anOciLayoutThatIsADirectoryIsReportedWithItsPath() throws IOException {
        Path dir = tmp.resolve("layout");
        ImageLayout.create(dir);
        Files.delete(dir.resolve("oci-layout"));
        Files.createDirectory(dir.resolve("oci-layout"));
        for (var attempt : List.<ThrowingOpen>of(ImageLayout::open, ImageLayout::openOrCreate)) {
            assertThatThrownBy(() -> attempt.open(dir))
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessageContaining(dir.resolve("oci-layout").toString())
                    .hasMessageContaining("is a directory");
        }
    }

    @Test
    void anIndexJsonThatIsADirectoryIsReportedWithItsPath() throws IOException {
        Path dir = tmp.resolve("layout");
        ImageLayout.create(dir);
        Files.delete(dir.resolve("index.json"));
        Files.createDirectory(dir.resolve("index.json"));
        assertThatThrownBy(() -> ImageLayout.open(dir))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining(dir.resolve("index.json").toString())
                .hasMessageContaining("is a directory");
    }

    private interface ThrowingOpen {
        ImageLayout open(Path dir) throws IOException;
    }

    private static List<Path> everything(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }
}
