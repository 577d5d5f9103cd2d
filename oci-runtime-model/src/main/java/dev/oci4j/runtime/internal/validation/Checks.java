package dev.oci4j.runtime.internal.validation;

import dev.oci4j.internal.validation.Findings;
import dev.oci4j.runtime.RuntimeFormatException;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.State;
import dev.oci4j.validation.ValidationReport;

/** Runs the Bean Validation constraints and the plain-Java checks on one document. */
public final class Checks {

    private Checks() {
    }

    public static ValidationReport spec(Spec spec, TargetPlatform platform) {
        Findings out = new Findings();
        if (platform.isLinux()) {
            BeanConstraints.check(spec, out, BeanConstraints.OnLinux.class);
        } else if (platform.isSolaris()) {
            BeanConstraints.check(spec, out, BeanConstraints.OnSolaris.class);
        } else {
            BeanConstraints.check(spec, out);
        }
        SpecChecks.check(spec, platform, out);
        return out.report();
    }

    public static ValidationReport state(State state, TargetPlatform platform) {
        Findings out = new Findings();
        BeanConstraints.check(state, out);
        StateChecks.check(state, platform, out);
        return out.report();
    }

    /** The report of a document that could not be read at all: one violation, its rule given by the reason. */
    public static ValidationReport unreadable(RuntimeFormatException e, String what) {
        Findings out = new Findings();
        out.add(Rules.forReason(e.reason()), e.location(), "cannot read " + what + ": " + e.detail());
        return out.report();
    }
}
