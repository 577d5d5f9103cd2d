package dev.oci4j.distribution.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.conformance.ConformanceSuite.Outcome;
import dev.oci4j.distribution.conformance.ConformanceSuite.Result;
import dev.oci4j.distribution.server.RegistryServer;
import dev.oci4j.distribution.server.RegistryStorage;
import dev.oci4j.testing.LocalRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution-spec v1.1.1 conformance suite, ported ({@link ConformanceSuite}), against our
 * registry on each storage, where every spec must pass, and against Debian's docker-registry 2.8, where
 * the specs it is known to fail must fail: the port tells a conformant registry from one that is not.
 * One dynamic test per spec the suite runs, named as the suite names it; the specs the suite's default
 * configuration does not run are counted in the summary line, not reported as skipped tests.
 */
class ConformanceTest {

    /** A nested name, as real namespaces are ({@code OCI_NAMESPACE}). */
    static final String NAMESPACE = "conformance/nested/repo";
    static final int RUN_BY_DEFAULT = 74;

    /**
     * What docker-registry 2.8.2 fails (13 of 74), and why: a malformed digest in a manifest path answered
     * 500 instead of 400 or 404; chunks taken out of order, and the retried chunk then makes the session's
     * URL stale (404 on GET); no {@code OCI-Subject} and no referrers API; {@code n} and {@code last}
     * ignored on tag lists; DELETE by tag answered 400 {@code DIGEST_INVALID} instead of 202, 405 or 400
     * {@code UNSUPPORTED}.
     */
    static final Set<String> DOCKER_REGISTRY_2_8_FAILS = Set.of(
            "Pull / Error codes / 400 response body should contain OCI-conforming JSON message",
            "Push / Blob Upload Chunked / Out-of-order blob upload should return 416",
            "Push / Blob Upload Chunked / Retry previous blob chunk should return 416",
            "Push / Blob Upload Chunked / Get on stale blob upload should return 204 with a range and location",
            "Content Discovery / Setup / References setup",
            "Content Discovery / Test content discovery endpoints (listing tags) / GET number of tags should be limitable by `n` query parameter",
            "Content Discovery / Test content discovery endpoints (listing tags) / GET start of tag is set by `last` query parameter",
            "Content Discovery / Test content discovery endpoints (listing references) / GET request to nonexistent blob should result in empty 200 response",
            "Content Discovery / Test content discovery endpoints (listing references) / GET request to existing blob should yield 200",
            "Content Discovery / Test content discovery endpoints (listing references) / GET request to existing blob with filter should yield 200",
            "Content Discovery / Test content discovery endpoints (listing references) / GET request to missing manifest should yield 200",
            "Content Discovery / Teardown / Delete created manifest & associated tags",
            "Content Management / Manifest delete / DELETE request to manifest tag should return 202, unless tag deletion is disallowed (400/405)");

    @TempDir
    Path tmp;
    private AutoCloseable registry;

    @AfterEach
    void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> oci4jOnMemoryStorage() throws IOException {
        RegistryServer server = RegistryServer.builder().storage(RegistryStorage.inMemory()).chunkMinLength(64).start();
        registry = server;
        return suite(server.url(), new ConformanceSettings(), RUN_BY_DEFAULT, Set.of(), "oci4j, memory storage");
    }

    /** With {@code OCI_AUTOMATIC_CROSSMOUNT=true}: a mount without {@code from} finds the blob (one more spec). */
    @TestFactory
    Stream<DynamicTest> oci4jMountsWithoutFrom() throws IOException {
        RegistryServer server = RegistryServer.builder().storage(RegistryStorage.inMemory()).chunkMinLength(64).start();
        registry = server;
        ConformanceSettings settings = new ConformanceSettings();
        settings.automaticCrossmountTested = true;
        settings.automaticCrossmountEnabled = true;
        return suite(server.url(), settings, RUN_BY_DEFAULT + 1, Set.of(), "oci4j, OCI_AUTOMATIC_CROSSMOUNT=true");
    }

    @TestFactory
    Stream<DynamicTest> oci4jOnDiskStorage() throws IOException {
        RegistryServer server = RegistryServer.builder().storage(RegistryStorage.onDisk(tmp.resolve("storage")))
                .chunkMinLength(64).start();
        registry = server;
        return suite(server.url(), new ConformanceSettings(), RUN_BY_DEFAULT, Set.of(), "oci4j, disk storage");
    }

    @TestFactory
    Stream<DynamicTest> dockerRegistry28FailsWhatItLacks() throws Exception {
        LocalRegistry r = LocalRegistry.start(tmp, "");
        registry = r;
        return suite(URI.create("http://" + r.host()), new ConformanceSettings(), RUN_BY_DEFAULT, DOCKER_REGISTRY_2_8_FAILS,
                "docker-registry 2.8");
    }

    /**
     * Runs the specs lazily, in order, each as it is reached; a spec the configuration does not run
     * yields no test. The last test checks the counts and prints the summary line.
     */
    private static Stream<DynamicTest> suite(URI base, ConformanceSettings settings, int expectedRun,
            Set<String> expectedFailures, String against) {
        ConformanceSuite suite = new ConformanceSuite(base, NAMESPACE, settings);
        Iterator<Spec> specs = suite.specs.iterator();
        Iterator<DynamicTest> tests = new Iterator<>() {
            private DynamicTest next;
            private boolean summarized;

            @Override
            public boolean hasNext() {
                while (next == null && specs.hasNext()) {
                    Result r = suite.run(specs.next());
                    if (r.outcome() != Outcome.NOT_RUN) {
                        next = test(r, expectedFailures.contains(r.spec().path()));
                    }
                }
                if (next == null && !summarized) {
                    summarized = true;
                    next = DynamicTest.dynamicTest("summary against " + against, () -> {
                        System.out.println(suite.summary() + " against " + against);
                        assertThat(suite.results).hasSize(79);
                        assertThat(suite.results.size() - suite.count(Outcome.NOT_RUN)).isEqualTo(expectedRun);
                        assertThat(suite.count(Outcome.FAILED)).isEqualTo(expectedFailures.size());
                    });
                }
                return next != null;
            }

            @Override
            public DynamicTest next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DynamicTest t = next;
                next = null;
                return t;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(tests, 0), false);
    }

    private static DynamicTest test(Result r, boolean expectedToFail) {
        String name = (expectedToFail ? "[fails as expected] " : "") + r.spec().path();
        return DynamicTest.dynamicTest(name, () -> {
            if (expectedToFail) {
                assertThat(r.outcome()).as("%s was expected to fail", r.spec().path()).isEqualTo(Outcome.FAILED);
            } else {
                assertThat(r.outcome()).as("%s: %s", r.spec().path(), r.detail()).isEqualTo(Outcome.PASSED);
            }
        });
    }
}
