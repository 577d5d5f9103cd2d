package dev.oci4j.distribution.conformance;

/**
 * One {@code It} of the suite: its workflow, its context and its name, as the Go suite reports them.
 *
 * @param workflow "Pull", "Push", "Content Discovery" or "Content Management"
 * @param context  "Setup", "Pull blobs", ...
 * @param name     the spec's own sentence
 * @param body     the checks; throws {@link NotRun} when the suite's configuration skips it
 */
record Spec(String workflow, String context, String name, Body body) {

    /** The checks of one spec. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** Thrown by a body the suite's configuration does not run (ginkgo's {@code Skip}). */
    static final class NotRun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRun(String why) {
            super(why, null, false, false);
        }
    }

    /** The suite's {@code RunOnlyIf}. */
    static void runOnlyIf(boolean condition, String why) {
        if (!condition) {
            throw new NotRun(why);
        }
    }

    String path() {
        return workflow + " / " + context + " / " + name;
    }
}
