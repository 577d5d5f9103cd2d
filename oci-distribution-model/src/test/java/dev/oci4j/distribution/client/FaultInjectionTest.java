package dev.oci4j.distribution.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.FaultProxy.Fault;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestMismatchException;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults injected by a proxy in front of a real docker-registry: the client resumes, retries and refuses. */
class FaultInjectionTest {

    @TempDir
    static Path dir;
    static LocalRegistry registry;
    static ImageLayout src;
    static BuiltImage image;
    FaultProxy proxy;
    RegistryClient client;

    @BeforeAll
    static void start() throws Exception {
        registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")), "");
        src = ImageLayout.create(dir.resolve("src"));
        Path root = dir.resolve("root");
        RegistryRoundTripTest.randomFile(root, "data", 200_000, 42);
        image = dev.oci4j.image.builder.ImageBuilder.fromScratch().platform(Platform.of("linux", "amd64"))
                .addLayer(root).writeTo(src, "1");
        ImagePusher.of(RegistryClient.builder().build()).push(src, src.resolve("1").orElseThrow(),
                Reference.parse(registry.host() + "/faults:1"));
    }

    @AfterAll
    static void stop() throws Exception {
        registry.close();
    }

    @BeforeEach
    void proxy() throws Exception {
        proxy = new FaultProxy("http://" + registry.host());
        client = RegistryClient.builder().backoff(Duration.ofMillis(20)).chunkSize(64 * 1024).monolithicMax(1024).build();
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    Reference via(String repo) {
        return Reference.parse(proxy.host() + "/" + repo);
    }

    Digest layer() {
        return image.manifest().layers().get(0).digest();
    }

    @Test
    void aConnectionDroppedMidBlobResumesWithRange() throws Exception {
        proxy.add(Fault.CUT_BODY, FaultProxy.blobGet().and(x -> x.getRequestURI().getPath().endsWith(layer().toString())), 1);
        ImageLayout dst = ImageLayout.create(dir.resolve("resumed"));
        PullResult r = ImagePuller.of(client).pull(via("faults:1"), dst, "1");
        assertThat(r.named().digest()).isEqualTo(image.digest());
        assertThat(proxy.log).anyMatch(l -> l.contains(layer().toString()) && l.contains("Range:bytes="));
        assertThat(dst.verify().problems()).isEmpty();
    }

    @Test
    void status503And429WithRetryAfterAreRetried() throws Exception {
        proxy.add(Fault.STATUS_503, x -> x.getRequestURI().getPath().contains("/manifests/"), 1);
        proxy.add(Fault.STATUS_429, FaultProxy.blobGet(), 1);
        long start = System.nanoTime();
        PullResult r = ImagePuller.of(client).pull(via("faults:1"), ImageLayout.create(dir.resolve("retried")), "1");
        assertThat(r.named().digest()).isEqualTo(image.digest());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBlobWhoseBytesDoNotMatchItsDigestIsRefusedAndNotStored() throws Exception {
        proxy.add(Fault.CORRUPT, FaultProxy.blobGet().and(x -> x.getRequestURI().getPath().endsWith(layer().toString())), 10);
        ImageLayout dst = ImageLayout.create(dir.resolve("corrupt"));
        assertThatThrownBy(() -> ImagePuller.of(client).pull(via("faults:1"), dst, "1"))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining(layer().toString());
        assertThat(dst.hasBlob(layer())).isFalse();
        assertThat(dst.resolve("1")).isEmpty();
    }

    @Test
    void aRedirectToAnotherHostIsFollowedWithoutCredentials() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        HttpServer other = FaultProxy.otherHost("http://" + registry.host(), seen);
        try {
            proxy.redirectTo = "http://localhost:" + other.getAddress().getPort();
            proxy.requiredAuthorization = Credentials.basic("u", "p").basicHeader();
            proxy.add(Fault.REDIRECT, FaultProxy.blobGet(), 100);
            RegistryClient authed = RegistryClient.builder()
                    .credentials(CredentialProvider.of(proxy.host(), Credentials.basic("u", "p"))).build();
            PullResult r = ImagePuller.of(authed).pull(via("faults:1"), ImageLayout.create(dir.resolve("redirect")), "1");
            assertThat(r.named().digest()).isEqualTo(image.digest());
            assertThat(proxy.log).anyMatch(l -> l.contains("/manifests/") && l.contains("[auth]"));
            assertThat(seen).isNotEmpty().noneMatch(l -> l.contains("[auth]"));
        } finally {
            other.stop(0);
        }
    }

    @Test
    void anUploadWhosePatchAnswerIsLostResumesFromTheReportedRange() throws Exception {
        proxy.add(Fault.LOSE_ANSWER, x -> x.getRequestMethod().equals("PATCH"), 1);
        Digest pushed = ImagePusher.of(client).push(src, src.resolve("1").orElseThrow(), via("resumed-push:1"));
        assertThat(pushed).isEqualTo(image.digest());
        assertThat(proxy.log).anyMatch(l -> l.startsWith("GET /v2/resumed-push/blobs/uploads/"));
        java.util.List<String> ranges = proxy.log.stream().filter(l -> l.startsWith("PATCH"))
                .map(l -> l.substring(0, l.indexOf('?')) + " " + l.substring(l.indexOf("Content-Range:"))).toList();
        // docker-registry cancels a session asked about with a stale Location, so the client starts a
        // new one; what it never does is send the same chunk into the same session twice.
        assertThat(ranges).as("no chunk is sent twice into one session").doesNotHaveDuplicates();
        ImageLayout back = ImageLayout.create(dir.resolve("resumed-back"));
        assertThat(ImagePuller.of(client).pull(via("resumed-push:1"), back, "1").named().digest()).isEqualTo(image.digest());
    }
}
