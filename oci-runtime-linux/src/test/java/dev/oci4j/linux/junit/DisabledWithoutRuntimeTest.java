package dev.oci4j.linux.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.oci4j.testing.TestEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @OciContainers(disabledWithoutRuntime = true)}: disabled, with the reason, where containers cannot run. */
class DisabledWithoutRuntimeTest {

    @Test
    void aClassWhoseRuntimeCannotRunIsDisabledWithEachReason() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Unusable.class))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
        List<String> reasons = results.containerEvents().skipped().list().stream()
                .map(e -> e.getPayload(String.class).orElse("")).toList();
        assertThat(reasons).singleElement().asString()
                .contains("@OciContainers(disabledWithoutRuntime = true)")
                .contains("container runtime " + NeverUsableProvider.NAME + " is not usable: " + NeverUsableProvider.REASON);
    }

    @Test
    void withoutTheOptionTheSameClassFailsAndSaysWhy() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Required.class))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable t = results.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(t).hasStackTraceContaining(NeverUsableProvider.REASON);
    }

    @Test
    void aMisspeltRuntimeIsAnErrorNotADisabledClass() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Misspelt.class))
                .execute();
        results.containerEvents().assertStatistics(s -> s.skipped(0));
        Throwable t = results.allEvents().failed().list().get(0).getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        // JUnit wraps what a condition throws; the cause is the extension's own.
        assertThat(t).hasMessageContaining("no container runtime backend named \"rnuc\"")
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .cause().isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void whereTheRuntimeCanRunTheTestsRun() {
        TestEnvironment.requireRoot("running containers");
        TestEnvironment.requireTool("runc");
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Usable.class))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    /** Run only through the test kit above (surefire skips nested classes). */
    @OciContainers(runtime = NeverUsableProvider.NAME, disabledWithoutRuntime = true)
    static class Unusable {
        @Container
        OciContainer never = OciContainer.fromLayout(TestImages.busybox(), "busybox");

        @Test
        void neverRuns() {
        }
    }

    /** The same class without the option. */
    @OciContainers(runtime = NeverUsableProvider.NAME)
    static class Required {
        @Container
        OciContainer never = OciContainer.fromLayout(TestImages.busybox(), "busybox");

        @Test
        void failsToStart() {
        }
    }

    /** A typo in the runtime's name. */
    @OciContainers(runtime = "rnuc", disabledWithoutRuntime = true)
    static class Misspelt {
        @Test
        void neverRuns() {
        }
    }

    /** runc can run here: the option changes nothing. */
    @OciContainers(runtime = "runc", disabledWithoutRuntime = true)
    static class Usable {
        @Test
        void runs() {
        }
    }
}
