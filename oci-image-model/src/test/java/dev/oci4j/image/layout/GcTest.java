package dev.oci4j.image.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcTest {

    @TempDir
    Path dir;

    @Test
    void gcKeepsWhatIndexJsonReachesAndRemovesTheRest() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor kept = layout.tag("kept", TestImages.writeImage(layout, "kept"));
        Descriptor dropped = TestImages.writeImage(layout, "dropped");
        Blob stray = layout.writeBlob("stray".getBytes());
        List<Digest> droppedBlobs = blobsOf(layout, dropped);
        droppedBlobs.add(stray.digest());
        long droppedBytes = 0;
        for (Digest d : droppedBlobs) {
            droppedBytes += layout.blobSize(d);
        }

        GcResult result = layout.gc();

        assertThat(result.removedBlobs()).containsExactlyInAnyOrderElementsOf(droppedBlobs);
        assertThat(result.bytesFreed()).isEqualTo(droppedBytes);
        for (Digest d : blobsOf(layout, kept)) {
            assertThat(layout.hasBlob(d)).isTrue();
        }
        assertThat(layout.blobs()).hasSize(3);
        assertThat(layout.verify().problems()).isEmpty();
        assertThat(layout.gc().removedBlobs()).isEmpty();
    }

    @Test
    void gcFollowsNestedIndexes() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor inner = TestImages.writeImage(layout, "inner");
        Descriptor index = layout.writeIndex(dev.oci4j.image.ImageIndex.builder().addManifest(inner).build());
        layout.tag("nested", index);
        assertThat(layout.gc().removedBlobs()).isEmpty();
        assertThat(layout.blobs()).hasSize(4);
    }

    @Test
    void gcRemovesStaleTempFilesButSparesYoungBlobsWithinAGracePeriod() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Blob young = layout.writeBlob("young".getBytes());
        Path temp = dir.resolve(BlobStore.TEMP_DIR).resolve("feedfacefeedface-7.part");
        Files.createDirectories(temp.getParent());
        Files.write(temp, new byte[10]);
        GcResult spared = layout.gc(Duration.ofHours(1));
        assertThat(spared.removedBlobs()).isEmpty();
        assertThat(spared.removedTempFiles()).isEqualTo(1);
        assertThat(spared.bytesFreed()).isEqualTo(10);
        assertThat(layout.gc().removedBlobs()).containsExactly(young.digest());
    }

    @Test
    void gcDeletesNothingWhenAReachableManifestIsMissing() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor image = layout.tag("a", TestImages.writeImage(layout, "a"));
        layout.writeBlob("stray".getBytes());
        Files.delete(layout.blobPath(image.digest()));
        assertThatThrownBy(layout::gc).isInstanceOf(IOException.class).hasMessageContaining("gc stopped");
        assertThat(layout.blobs()).hasSize(3);
    }

    private static List<Digest> blobsOf(ImageLayout layout, Descriptor manifest) throws IOException {
        ImageManifest m = layout.parseManifest(manifest).value();
        List<Digest> out = new ArrayList<>();
        out.add(manifest.digest());
        out.add(m.config().digest());
        m.layers().forEach(l -> out.add(l.digest()));
        return out;
    }

    @Test
    void aTagInterruptedBeforeItsRenameLeavesIndexJsonIntactAndGcRemovesTheTemp() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        layout.tag("a", TestImages.writeImage(layout, "a"));
        String before = Files.readString(dir.resolve("index.json"));
        // What a process killed between writing index.json's temp and renaming it leaves behind.
        Files.writeString(dir.resolve(".index.json.oci4j-tmp"), "{\"schemaVersion\":2,\"manif");
        ImageLayout reopened = ImageLayout.open(dir);
        assertThat(reopened.resolve("a")).isPresent();
        assertThat(Files.readString(dir.resolve("index.json"))).isEqualTo(before);
        GcResult result = reopened.gc();
        assertThat(result.removedTempFiles()).isEqualTo(1);
        assertThat(dir.resolve(".index.json.oci4j-tmp")).doesNotExist();
        reopened.tag("b", reopened.resolve("a").orElseThrow());
        assertThat(reopened.index().manifests()).hasSize(2);
    }
}
