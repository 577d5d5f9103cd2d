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

    /**
     * Copies the list of problems.
     *
     * @param problems every problem, in walk order
     * @param blobsChecked distinct blobs read and digested
     * @param bytesChecked bytes of blob content digested
     * @throws NullPointerException if {@code problems} is or holds null
     */
    public LayoutVerification {
        problems = List.copyOf(problems);
    }

    /** {@return whether no error was found (warnings allowed)} */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** {@return the problems of severity {@link Severity#ERROR} (broken MUSTs), in walk order} */
    public List<LayoutProblem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    /** {@return the problems of severity {@link Severity#WARNING}, in walk order} */
    public List<LayoutProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
