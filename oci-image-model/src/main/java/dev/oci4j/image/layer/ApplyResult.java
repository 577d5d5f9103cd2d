package dev.oci4j.image.layer;

import dev.oci4j.image.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What {@link LayerApplier#apply} did: the diffID computed for each layer (bottom first), the
 * number of tar entries processed, and what could not be reproduced on this machine (device nodes
 * without privilege, xattrs outside {@code user.}, ownership when not root).
 */
public final class ApplyResult {

    private final List<Digest> diffIds;
    private final long entries;
    private final List<String> warnings;
    private final long suppressedWarnings;

    private ApplyResult(List<Digest> diffIds, long entries, List<String> warnings, long suppressedWarnings) {
        this.diffIds = List.copyOf(diffIds);
        this.entries = entries;
        this.warnings = List.copyOf(warnings);
        this.suppressedWarnings = suppressedWarnings;
    }

    /**
     * A result, as {@link LayerApplier} reports it; the lists are copied.
     *
     * @param diffIds the diffID of each applied layer, bottom first
     * @param entries the number of tar entries processed
     * @param warnings notes on what could not be reproduced, each naming layer and entry
     * @param suppressedWarnings how many further warnings were counted but not kept
     * @return the result
     * @throws NullPointerException if a list is null or holds null
     */
    public static ApplyResult of(List<Digest> diffIds, long entries, List<String> warnings, long suppressedWarnings) {
        return new ApplyResult(diffIds, entries, warnings, suppressedWarnings);
    }

    /** {@return the sha256 of each layer's uncompressed tar, in the order applied} */
    public List<Digest> diffIds() {
        return diffIds;
    }

    /** {@return tar entries processed, whiteouts included} */
    public long entries() {
        return entries;
    }

    /** {@return human-readable notes on what was not applied, each naming the layer and entry; capped} */
    public List<String> warnings() {
        return warnings;
    }

    /** {@return warnings beyond the cap that were counted but not kept} */
    public long suppressedWarnings() {
        return suppressedWarnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplyResult r && r.diffIds.equals(diffIds) && r.entries == entries
                && r.warnings.equals(warnings) && r.suppressedWarnings == suppressedWarnings;
    }

    @Override
    public int hashCode() {
        return Objects.hash(diffIds, entries, warnings, suppressedWarnings);
    }

    @Override
    public String toString() {
        return "ApplyResult{diffIds=" + diffIds + ", entries=" + entries + ", warnings=" + warnings.size()
                + (suppressedWarnings > 0 ? "+" + suppressedWarnings : "") + "}";
    }
}
