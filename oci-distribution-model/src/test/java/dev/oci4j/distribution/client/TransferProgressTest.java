package dev.oci4j.distribution.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-blob progress events against a real docker-registry: every blob pushed or pulled reports bytes
 * done that never go back and end at its size, large blobs report along the way, and blobs the other
 * side has are reported as skipped.
 */
class TransferProgressTest {

    @TempDir
    static Path dir;
    static LocalRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")), "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    /** Records every event, per blob, in order. */
    static final class Recorder implements TransferListener {
        final Map<Digest, List<long[]>> progress = new ConcurrentHashMap<>();
        final Map<Digest, Long> skipped = new ConcurrentHashMap<>();

        @Override
        public void progress(Digest digest, long done, long total) {
            progress.computeIfAbsent(digest, d -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new long[] {done, total});
        }

        @Override
        public void skipped(Digest digest, long total) {
            skipped.put(digest, total);
        }

        /** Checks one blob's events: totals are its size, done never decreases and ends at the size. */
        List<long[]> checked(Descriptor blob) {
            List<long[]> events = progress.get(blob.digest());
            assertThat(events).as("events of " + blob.digest()).isNotEmpty();
            long last = -1;
            for (long[] e : events) {
                assertThat(e[1]).isEqualTo(blob.size());
                assertThat(e[0]).isBetween(Math.max(last, 0), blob.size());
                last = e[0];
            }
            assertThat(last).isEqualTo(blob.size());
            return events;
        }
    }

    @Test
    void pushAndPullReportEachBlobUpToItsSizeAndSkipWhatIsThere() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("src"));
        // Random content: the layer stays about 3 MiB compressed, so events come along the way (every MiB).
        BuiltImage built = RegistryRoundTripTest.imageIn(dir, src, "1", 3 * 1024 * 1024, 41, Platform.of("linux", "amd64"));
        Descriptor layer = built.manifest().layers().get(0);
        Descriptor config = built.manifest().config();
        Reference ref = Reference.parse(registry.host() + "/progress/app:1");

        Recorder pushed = new Recorder();
        RegistryClient chunky = RegistryClient.builder().chunkSize(512 * 1024).monolithicMax(64 * 1024).listener(pushed).build();
        ImagePusher.of(chunky).push(src, src.resolve("1").orElseThrow(), ref);
        assertThat(pushed.checked(layer).size()).as("a 3 MiB upload reports along the way").isGreaterThan(1);
        pushed.checked(config);
        assertThat(pushed.skipped).isEmpty();

        Recorder again = new Recorder();
        ImagePusher.of(RegistryClient.builder().listener(again).build()).push(src, src.resolve("1").orElseThrow(), ref);
        assertThat(again.skipped).containsEntry(layer.digest(), layer.size()).containsEntry(config.digest(), config.size());
        assertThat(again.progress).isEmpty();

        Recorder pulled = new Recorder();
        RegistryClient puller = RegistryClient.builder().listener(pulled).build();
        ImageLayout dst = ImageLayout.create(dir.resolve("dst"));
        ImagePuller.of(puller).pull(ref, dst, "1");
        assertThat(pulled.checked(layer).size()).as("a 3 MiB download reports along the way").isGreaterThan(1);
        pulled.checked(config);

        Recorder pulledAgain = new Recorder();
        ImagePuller.of(RegistryClient.builder().listener(pulledAgain).build()).pull(ref, dst, "1");
        assertThat(pulledAgain.skipped).containsKeys(layer.digest(), config.digest());
        assertThat(pulledAgain.progress).isEmpty();
    }

    @Test
    void aMountWithinOneRegistryIsReportedAsSkipped() throws Exception {
        ImageLayout src = ImageLayout.create(dir.resolve("mount-src"));
        BuiltImage built = RegistryRoundTripTest.imageIn(dir, src, "1", 10_000, 42, Platform.of("linux", "amd64"));
        Reference from = Reference.parse(registry.host() + "/progress/one:1");
        ImagePusher.of(RegistryClient.builder().build()).push(src, src.resolve("1").orElseThrow(), from);

        Recorder copied = new Recorder();
        ImagePusher.of(RegistryClient.builder().listener(copied).build())
                .copy(from, Reference.parse(registry.host() + "/progress/two:1"));
        Descriptor layer = built.manifest().layers().get(0);
        assertThat(copied.skipped).containsEntry(layer.digest(), layer.size());
    }
}
