package dev.oci4j.image.layout;

import dev.oci4j.validation.Severity;
import java.util.List;

/**
 * What {@link ImageLayout#verify()} found: every problem, and how much content it checked.
 *
 * @param problems     every problem, in the order the walk from index.json met them
 * @param blobsChecked distinct blobs read and digested
 * @param bytesChecked bytes of blob content digested
 */
public record LayoutVerification(List<LayoutProblem> problems, int blobsChecked, long bytesChecked) {

    public LayoutVerification {
        problems = List.copyOf(problems);
    }

    /** Whether no error was found (warnings allowed). */
    public boolean isValid() {
        return errors().isEmpty();
    }

    public List<LayoutProblem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    public List<LayoutProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
