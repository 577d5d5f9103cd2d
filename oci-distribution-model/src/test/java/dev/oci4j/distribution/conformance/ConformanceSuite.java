package dev.oci4j.distribution.conformance;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Java port of the OCI distribution-spec v1.1.1 conformance suite (its {@code conformance/} folder:
 * 79 specs, 74 of which run in the default configuration), run over HTTP against any registry. The
 * specs keep the suite's names and order (pull, push, content discovery with referrers, content
 * management) and its checks, re-expressed; later specs depend on what earlier ones did, so they run
 * in that order, and a failure does not stop the ones after it (as in ginkgo).
 */
final class ConformanceSuite {

    /** What happened to one spec. */
    enum Outcome { PASSED, FAILED, NOT_RUN }

    /** A spec with its outcome and, unless it passed, why. */
    record Result(Spec spec, Outcome outcome, String detail) {
    }

    final ConformanceData data;
    final List<Spec> specs = new ArrayList<>();
    final Map<Spec, Result> results = new LinkedHashMap<>();

    /**
     * @param base      the registry's URL, {@code http://127.0.0.1:5000}
     * @param namespace the repository the workflows use ({@code OCI_NAMESPACE})
     * @param settings  the suite's environment
     */
    ConformanceSuite(URI base, String namespace, ConformanceSettings settings) {
        this.data = new ConformanceData(System.nanoTime());
        ConformanceClient client = new ConformanceClient(base, namespace);
        String crossmount = "conformance-" + UUID.randomUUID();
        specs.addAll(PullWorkflow.specs(client, data, settings));
        specs.addAll(PushWorkflow.specs(client, data, settings, crossmount));
        specs.addAll(DiscoveryWorkflow.specs(client, data, settings));
        specs.addAll(ManagementWorkflow.specs(client, data, settings));
    }

    /** Runs one spec (the caller keeps the order) and records its outcome. */
    Result run(Spec spec) {
        Result r;
        try {
            spec.body().run();
            r = new Result(spec, Outcome.PASSED, "");
        } catch (Spec.NotRun e) {
            r = new Result(spec, Outcome.NOT_RUN, e.getMessage());
        } catch (Throwable e) {
            r = new Result(spec, Outcome.FAILED, String.valueOf(e.getMessage()).strip());
        }
        results.put(spec, r);
        return r;
    }

    long count(Outcome o) {
        return results.values().stream().filter(r -> r.outcome() == o).count();
    }

    /** {@code conformance: 74/74 passed (5 of 79 specs not run by the suite's configuration)}. */
    String summary() {
        long ran = results.size() - count(Outcome.NOT_RUN);
        return "conformance: " + count(Outcome.PASSED) + "/" + ran + " passed (" + count(Outcome.NOT_RUN) + " of "
                + results.size() + " specs not run by the suite's configuration)";
    }
}
