package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.ImagePuller;
import dev.oci4j.distribution.client.ImagePusher;
import dev.oci4j.distribution.client.PullResult;
import dev.oci4j.distribution.client.RegistryClient;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skopeo and oci4j's own registry client push to and pull from the embedded registry; digests stay equal. */
class InteropTest {

    @TempDir
    Path dir;

    BuiltImage image(ImageLayout layout, String ref, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Path root = Files.createDirectories(dir.resolve("rootfs-" + seed));
        Files.write(root.resolve("data.bin"), bytes);
        return ImageBuilder.fromScratch().platform(Platform.of("linux", "amd64")).addLayer(root).cmd("/data.bin")
                .writeTo(layout, ref);
    }

    @Test
    void skopeoCopiesAnImageToTheRegistryAndBack() throws IOException {
        TestEnvironment.requireTool("skopeo");
        Path storage = dir.resolve("storage");
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = image(src, "1", 200_000, 1);
        try (RegistryServer server = RegistryServer.builder().storage(RegistryStorage.onDisk(storage)).start()) {
            String remote = "docker://" + server.hostPort() + "/team/app:1";
            Commands.runOk("skopeo", "copy", "--dest-tls-verify=false", "oci:" + src.root() + ":1", remote);
            Commands.runOk("skopeo", "copy", "--src-tls-verify=false", remote, "oci:" + dir.resolve("dst") + ":copy");
            String inspected = Commands.runOk("skopeo", "inspect", "--tls-verify=false", "--format", "{{.Digest}}",
                    remote).stdout().trim();
            assertThat(inspected).isEqualTo(built.digest().toString());
        }
        ImageLayout dst = ImageLayout.open(dir.resolve("dst"));
        assertThat(dst.resolve("copy").orElseThrow().digest()).isEqualTo(built.digest());
        assertThat(dst.verify().errors()).isEmpty();   // skopeo's index.json lacks mediaType: a warning
        // What was pushed is an OCI layout that other tools read as oci:DIR/REPO:TAG.
        ImageLayout stored = ImageLayout.open(storage.resolve("team/app"));
        assertThat(stored.resolve("1").orElseThrow().digest()).isEqualTo(built.digest());
        assertThat(stored.verify().problems()).isEmpty();
        Commands.runOk("skopeo", "copy", "oci:" + storage.resolve("team/app") + ":1", "oci:" + dir.resolve("again") + ":x");
        assertThat(ImageLayout.open(dir.resolve("again")).resolve("x").orElseThrow().digest()).isEqualTo(built.digest());
    }

    @Test
    void theRegistryClientPushesInChunksAndPullsBack() throws IOException {
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        BuiltImage built = image(src, "1", 300_000, 2);
        try (RegistryServer server = RegistryServer.start()) {
            RegistryClient chunky = RegistryClient.builder().chunkSize(64 * 1024).monolithicMax(32 * 1024).build();
            Reference target = Reference.parse(server.hostPort() + "/chunked:1");
            assertThat(ImagePusher.of(chunky).push(src, src.resolve("1").orElseThrow(), target)).isEqualTo(built.digest());

            ImageLayout dst = ImageLayout.create(dir.resolve("dst"));
            PullResult pulled = ImagePuller.of(RegistryClient.builder().build()).pull(target, dst, "copy");
            assertThat(pulled.named().digest()).isEqualTo(built.digest());
            for (Descriptor layer : built.manifest().layers()) {
                assertThat(Files.mismatch(dst.blobPath(layer.digest()), src.blobPath(layer.digest()))).isEqualTo(-1L);
            }
            assertThat(dst.verify().problems()).isEmpty();
        }
    }
}
