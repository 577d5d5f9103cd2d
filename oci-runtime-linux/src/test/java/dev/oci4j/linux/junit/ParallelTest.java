package dev.oci4j.linux.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Twenty tests run in parallel (JUnit's parallel execution), each with its own httpd, without colliding. */
class ParallelTest {

    static final Set<String> IDS = ConcurrentHashMap.newKeySet();
    static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();
    static final Set<String> ADDRESSES = ConcurrentHashMap.newKeySet();

    @Test
    void twentyParallelTestsEachReachTheirOwnContainer() {
        TestImages.requireNetworking("runc");
        TestImages.busybox();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Twenty.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "20")
                .execute();
        results.testEvents().failed().list().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).ifPresent(Throwable::printStackTrace));
        results.testEvents().assertStatistics(s -> s.started(20).succeeded(20));
        assertThat(IDS).hasSize(20);
        assertThat(PORTS).hasSize(20);
        assertThat(ADDRESSES).hasSize(20);
    }

    /** Run only through the test kit above. */
    @OciContainers(runtime = "runc")
    static class Twenty {

        private final String token = UUID.randomUUID().toString();

        @Container
        OciContainer web = OciContainer.fromLayout(TestImages.busybox(), "busybox")
                .command(TestImages.httpd(token)).addPort(80)
                .waitingFor(WaitStrategy.forPort(80).withTimeout(Duration.ofSeconds(120)));

        @RepeatedTest(20)
        void servesItsOwnPage() throws Exception {
            URI uri = URI.create("http://" + web.host() + ":" + web.hostPort(80) + "/");
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).isEqualTo(token + "\n");
            IDS.add(web.id());
            PORTS.add(web.hostPort(80));
            ADDRESSES.add(web.ipAddress().orElseThrow());
        }
    }
}
