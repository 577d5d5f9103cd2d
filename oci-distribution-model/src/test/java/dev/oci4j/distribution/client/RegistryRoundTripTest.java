package dev.oci4j.distribution.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltArtifact;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.BuiltIndex;
import dev.oci4j.image.builder.ArtifactBuilder;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.builder.MultiPlatformBuilder;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.LocalRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push, pull, mount, tags, delete and referrers against a real docker-registry on 127.0.0.1. */
class RegistryRoundTripTest {

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

    static Path randomFile(Path dir, String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Path d = Files.createDirectories(dir);
        return Files.write(d.resolve(name), bytes);
    }

    static BuiltImage image(ImageLayout layout, String ref, int size, long seed, Platform p) throws IOException {
        return imageIn(dir, layout, ref, size, seed, p);
    }

    /** A one-layer image of {@code size} random bytes (from {@code seed}), its rootfs under {@code dir}. */
    static BuiltImage imageIn(Path dir, ImageLayout layout, String ref, int size, long seed, Platform p) throws IOException {
        Path root = dir.resolve("rootfs-" + seed);
        randomFile(root, "data.bin", size, seed);
        return ImageBuilder.fromScratch().platform(p).addLayer(root).cmd("/data.bin").writeTo(layout, ref);
    }

    Reference ref(String text) {
        return Reference.parse(registry.host() + "/" + text);
    }

    @Test
    void anImagePushedInChunksPullsBackWithTheSameDigests() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("chunked-src"));
        BuiltImage built = image(src, "1", 300_000, 1, Platform.of("linux", "amd64"));
        Set<Digest> progressed = ConcurrentHashMap.newKeySet();
        RegistryClient chunky = RegistryClient.builder().chunkSize(64 * 1024).monolithicMax(32 * 1024)
                .listener((d, done, total) -> progressed.add(d)).build();

        Digest pushed = ImagePusher.of(chunky).push(src, src.resolve("1").orElseThrow(), ref("chunked:1"));
        assertThat(pushed).isEqualTo(built.digest());
        assertThat(progressed).contains(built.manifest().layers().get(0).digest());

        ImageLayout dst = ImageLayout.create(dir.resolve("chunked-dst"));
        PullResult pulled = ImagePuller.of(client).pull(ref("chunked:1"), dst, "copy");
        assertThat(pulled.named().digest()).isEqualTo(built.digest());
        assertThat(dst.resolve("copy").orElseThrow().digest()).isEqualTo(built.digest());
        for (Descriptor layer : built.manifest().layers()) {
            assertThat(Files.mismatch(dst.blobPath(layer.digest()), src.blobPath(layer.digest()))).isEqualTo(-1L);
        }
        assertThat(dst.verify().problems()).isEmpty();
    }

    @Test
    void smallBlobsGoMonolithicAndPresentBlobsAreSkipped() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("mono-src"));
        BuiltImage built = image(src, "1", 10_000, 2, Platform.of("linux", "amd64"));
        ImagePusher.of(client).push(src, src.resolve("1").orElseThrow(), ref("mono:1"));
        Descriptor layer = built.manifest().layers().get(0);
        assertThat(client.hasBlob(ref("mono"), layer.digest())).isTrue();
        assertThat(client.pushBlob(ref("mono"), layer, BlobSource.of(src.blobPath(layer.digest())))).isFalse();
        assertThat(client.headManifest(ref("mono:1")).orElseThrow().digest()).isEqualTo(built.digest());
    }

    @Test
    void multiPlatformImagesPullOnePlatformOrAll() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("multi-src"));
        Path amd = dir.resolve("multi-amd");
        Path arm = dir.resolve("multi-arm");
        randomFile(amd, "a", 5000, 3);
        randomFile(arm, "b", 5000, 4);
        BuiltIndex built = MultiPlatformBuilder.create()
                .add(ImageBuilder.fromScratch().platform(Platform.of("linux", "amd64")).addLayer(amd))
                .add(ImageBuilder.fromScratch().platform(Platform.parse("linux/arm64/v8")).addLayer(arm))
                .writeTo(src, "multi");
        ImagePusher.of(client).push(src, src.resolve("multi").orElseThrow(), ref("multi:1"));

        ImageLayout all = ImageLayout.create(dir.resolve("multi-all"));
        PullResult r = ImagePuller.of(client).allPlatforms(true).pull(ref("multi:1"), all, "1");
        assertThat(r.named().digest()).isEqualTo(built.digest());
        assertThat(r.documents()).hasSize(3);
        assertThat(all.verify().problems()).isEmpty();

        ImageLayout one = ImageLayout.create(dir.resolve("multi-one"));
        PullResult arm64 = ImagePuller.of(client).platform(Platform.parse("linux/arm64")).pull(ref("multi:1"), one, "1");
        assertThat(arm64.named().digest()).isEqualTo(built.images().get(1).digest());
        assertThat(one.hasBlob(built.images().get(0).manifest().layers().get(0).digest())).isFalse();

        assertThatThrownBy(() -> ImagePuller.of(client).platform(Platform.of("windows", "amd64"))
                .pull(ref("multi:1"), one, "2")).hasMessageContaining("windows/amd64").hasMessageContaining("linux/arm64");
        assertThat(one.resolve("2")).isEmpty();
    }

    @Test
    void copiesWithinARegistryMountBlobs() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("mount-src"));
        BuiltImage built = image(src, "1", 20_000, 5, Platform.of("linux", "amd64"));
        ImagePusher.of(client).push(src, src.resolve("1").orElseThrow(), ref("mount-a:1"));

        Digest copied = ImagePusher.of(client).copy(ref("mount-a:1"), ref("team/mount-b"));
        assertThat(copied).isEqualTo(built.digest());
        assertThat(client.fetchManifest(ref("team/mount-b:1")).digest()).isEqualTo(built.digest());
        assertThat(client.hasBlob(ref("team/mount-b"), built.manifest().layers().get(0).digest())).isTrue();
    }

    @Test
    void tagsAreListedSortedAndManifestsAndBlobsDelete() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("tags-src"));
        BuiltImage built = image(src, "1", 1000, 6, Platform.of("linux", "amd64"));
        for (String t : List.of("b", "a", "10", "2")) {
            ImagePusher.of(client).push(src, src.resolve("1").orElseThrow(), ref("tagged:" + t));
        }
        assertThat(client.tags(ref("tagged"))).containsExactly("10", "2", "a", "b");
        assertThat(client.catalog(registry.host())).contains("tagged");

        client.deleteManifest(ref("tagged").withDigest(built.digest()));
        assertThatThrownBy(() -> client.fetchManifest(ref("tagged:a")))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.hasCode(ErrorCode.MANIFEST_UNKNOWN)).isTrue());
        Digest layer = built.manifest().layers().get(0).digest();
        client.deleteBlob(ref("tagged"), layer);
        assertThat(client.hasBlob(ref("tagged"), layer)).isFalse();
    }

    @Test
    void referrersAreFoundThroughTheFallbackTag() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("ref-src"));
        BuiltImage subject = image(src, "1", 1000, 7, Platform.of("linux", "amd64"));
        MediaType sbom = MediaType.of("application/vnd.example.sbom+json");
        BuiltArtifact a = ArtifactBuilder.create(sbom).addBlob("{}".getBytes(), MediaType.of("application/json"), Map.of())
                .subject(subject.manifestDescriptor()).writeTo(src, "sbom");
        BuiltArtifact b = ArtifactBuilder.create(MediaType.of("application/vnd.example.sig"))
                .addBlob("sig".getBytes(), MediaType.of("application/octet-stream"), Map.of())
                .subject(subject.manifestDescriptor()).writeTo(src, "sig");
        ImagePusher.of(client).push(src, src.resolve("1").orElseThrow(), ref("referred:1"));
        ImagePusher.of(client).push(src, src.resolve("sbom").orElseThrow(), ref("referred").withDigest(a.digest()));
        PushedManifest none = client.pushManifest(ref("referred").withDigest(a.digest()), MediaType.OCI_MANIFEST,
                src.readBlobBytes(a.digest(), a.manifestDescriptor().size()));
        assertThat(none.subject()).as("docker-registry 2.8 answers no OCI-Subject").isEmpty();
        ImagePusher.of(client).push(src, src.resolve("sig").orElseThrow(), ref("referred").withDigest(b.digest()));

        ImageIndex all = client.referrers(ref("referred"), subject.digest(), Optional.empty());
        assertThat(all.manifests()).extracting(Descriptor::digest).containsExactly(a.digest(), b.digest());
        ImageIndex sboms = client.referrers(ref("referred"), subject.digest(), Optional.of(sbom));
        assertThat(sboms.manifests()).extracting(Descriptor::digest).containsExactly(a.digest());
        assertThat(client.tags(ref("referred"))).contains("sha256-" + subject.digest().encoded());
    }

    @Test
    void anUnknownTagIsTheRegistrysErrorNamingTheImage() {
        assertThatThrownBy(() -> ImagePuller.of(client).pull(ref("nothing:here"),
                ImageLayout.create(dir.resolve("unknown")), "x"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).startsWith(registry.host() + "/nothing:here: ");
                    assertThat(e.code()).isPresent();
                });
    }
}
