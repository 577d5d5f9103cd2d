package dev.oci4j.linux.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.oci4j.testing.TestEnvironment;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** A failing test's report carries its container's last log lines; the container is gone afterwards. */
class FailureReportTest {

    @Test
    void theFailingTestsReportCarriesTheContainersLogs() {
        TestEnvironment.requireRoot("running containers");
        TestEnvironment.requireTool("runc");
        TestImages.busybox();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Failing.class))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));

        Event failed = results.testEvents().failed().list().get(0);
        Throwable t = failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(t).hasMessageContaining("the answer");
        List<ContainerLogs> logs = Arrays.stream(t.getSuppressed()).filter(ContainerLogs.class::isInstance)
                .map(ContainerLogs.class::cast).toList();
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0)).hasMessageContaining("container chatty [oci4jt-")
                .hasMessageContaining("| the secret is 42");
        assertThat(logs.get(0).lines()).endsWith("the secret is 42", "line 2");

        List<Map<String, String>> entries = results.allEvents().reportingEntryPublished().list().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("oci4j.logs.chatty", "the secret is 42\nline 2"));

        // The launcher run's session, and the container with it, are gone.
        String id = logs.get(0).getMessage().replaceAll("(?s).*\\[(oci4jt-[^\\]]+)\\].*", "$1");
        assertThat(Files.exists(Session.base().resolve(id.split("-")[1]))).isFalse();
    }

    /** Run only through the test kit above (surefire skips nested classes). */
    @OciContainers(runtime = "runc")
    static class Failing {

        @Container
        OciContainer chatty = OciContainer.fromLayout(TestImages.busybox(), "busybox").name("chatty")
                .command("/bin/sh", "-c", "echo the secret is 42; echo line 2; exec sleep 60")
                .waitingFor(WaitStrategy.forLogLine("line 2").withTimeout(Duration.ofSeconds(60)));

        @Test
        void fails() {
            assertThat(41).as("the answer").isEqualTo(42);
        }
    }
}
