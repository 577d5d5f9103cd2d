package dev.oci4j.distribution.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.BuiltIndex;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.builder.MultiPlatformBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * skopeo and oci4j against one docker-registry: what either pushed the other pulls, and the digest
 * each reports is the digest of the bytes the registry serves ({@code skopeo inspect --raw}).
 */
class SkopeoInteropTest {

    @TempDir
    static Path dir;
    static LocalRegistry registry;
    static RegistryClient client;

    @BeforeAll
    static void start() throws Exception {
        registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")), "");
        client = RegistryClient.builder().build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    static Commands.Result skopeo(String... args) {
        List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
        command.addAll(List.of(args));
        return Commands.runOk(null, command);
    }

    /** The digest of the manifest bytes the registry serves for {@code image}, as skopeo reads them. */
    static Digest rawDigest(String image) {
        return Digest.sha256(skopeo("inspect", "--tls-verify=false", "--raw", "docker://" + image).stdoutBytes());
    }

    String image(String repoAndTag) {
        return registry.host() + "/" + repoAndTag;
    }

    static BuiltImage image(ImageLayout layout, String ref, long seed, Platform p) throws Exception {
        Path root = dir.resolve("rootfs-" + seed);
        RegistryRoundTripTest.randomFile(root, "data.bin", 50_000, seed);
        return ImageBuilder.fromScratch().platform(p).addLayer(root).cmd("/data.bin").writeTo(layout, ref);
    }

    @Test
    void anImageOci4jPushedIsPulledBySkopeoWithTheSameDigest() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("push-src"));
        BuiltImage built = image(src, "1", 11, Platform.of("linux", "amd64"));
        Digest pushed = ImagePusher.of(client).push(src, src.resolve("1").orElseThrow(),
                Reference.parse(image("by-oci4j:1")));

        assertThat(rawDigest(image("by-oci4j:1"))).isEqualTo(pushed).isEqualTo(built.digest());
        Path out = dir.resolve("skopeo-out");
        skopeo("copy", "--src-tls-verify=false", "docker://" + image("by-oci4j:1"), "oci:" + out + ":copy");
        assertThat(ImageLayout.open(out).resolve("copy").orElseThrow().digest()).isEqualTo(pushed);
    }

    @Test
    void anIndexOci4jPushedIsCopiedWhole() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("index-src"));
        Path amd = dir.resolve("index-amd");
        Path arm = dir.resolve("index-arm");
        RegistryRoundTripTest.randomFile(amd, "a", 4000, 12);
        RegistryRoundTripTest.randomFile(arm, "b", 4000, 13);
        BuiltIndex built = MultiPlatformBuilder.create()
                .add(ImageBuilder.fromScratch().platform(Platform.of("linux", "amd64")).addLayer(amd))
                .add(ImageBuilder.fromScratch().platform(Platform.parse("linux/arm64/v8")).addLayer(arm))
                .writeTo(src, "multi");
        Digest pushed = ImagePusher.of(client).push(src, src.resolve("multi").orElseThrow(),
                Reference.parse(image("multi-by-oci4j:1")));

        assertThat(rawDigest(image("multi-by-oci4j:1"))).isEqualTo(pushed).isEqualTo(built.digest());
        Path out = dir.resolve("skopeo-multi-out");
        skopeo("copy", "--all", "--src-tls-verify=false", "docker://" + image("multi-by-oci4j:1"), "oci:" + out + ":all");
        ImageLayout copied = ImageLayout.open(out);
        assertThat(copied.resolve("all").orElseThrow().digest()).isEqualTo(pushed);
        for (BuiltImage platformImage : built.images()) {
            assertThat(copied.hasBlob(platformImage.digest())).isTrue();
        }
    }

    @Test
    void anOciImageSkopeoPushedIsPulledByOci4jWithTheSameDigest() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("skopeo-oci-src"));
        image(src, "1", 14, Platform.of("linux", "amd64"));
        skopeo("copy", "--dest-tls-verify=false", "oci:" + src.root() + ":1", "docker://" + image("by-skopeo:oci"));
        Digest served = rawDigest(image("by-skopeo:oci"));

        ImageLayout dst = ImageLayout.create(dir.resolve("skopeo-oci-dst"));
        PullResult pulled = ImagePuller.of(client).pull(Reference.parse(image("by-skopeo:oci")), dst, "1");
        assertThat(pulled.named().digest()).isEqualTo(served);
        assertThat(pulled.named().mediaType()).contains(MediaType.OCI_MANIFEST);
        assertThat(dst.verify().problems()).isEmpty();
    }

    @Test
    void aDockerV2Schema2ImageSkopeoPushedIsPulledByteForByte() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("skopeo-docker-src"));
        image(src, "1", 15, Platform.of("linux", "amd64"));
        skopeo("copy", "--format", "v2s2", "--dest-tls-verify=false", "oci:" + src.root() + ":1",
                "docker://" + image("by-skopeo:docker"));
        Digest served = rawDigest(image("by-skopeo:docker"));

        ImageLayout dst = ImageLayout.create(dir.resolve("skopeo-docker-dst"));
        PullResult pulled = ImagePuller.of(client).pull(Reference.parse(image("by-skopeo:docker")), dst, "1");
        Descriptor named = dst.resolve("1").orElseThrow();
        assertThat(pulled.named().digest()).isEqualTo(served).isEqualTo(named.digest());
        assertThat(named.mediaType()).as("stored as the registry served it").contains(MediaType.DOCKER_MANIFEST);
        assertThat(Digest.sha256(Files.readAllBytes(dst.blobPath(served)))).isEqualTo(served);
        assertThat(dst.verify().problems()).as("a Docker manifest is a valid document of its own kind").isEmpty();
    }
}
