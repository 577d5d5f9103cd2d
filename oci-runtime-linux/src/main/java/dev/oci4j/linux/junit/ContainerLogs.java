package dev.oci4j.linux.junit;

import java.util.List;

/**
 * The last lines a container wrote, attached to a failing test's exception as a suppressed
 * exception (so every report that prints the exception prints them). It has no stack trace: the
 * message is the point.
 */
public final class ContainerLogs extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;

    /**
     * The logs of one container.
     *
     * @param container the container's name and id, as the message names it
     * @param lines the last lines it wrote, oldest first
     * @param total how many lines it wrote in all
     */
    public ContainerLogs(String container, List<String> lines, int total) {
        super(message(container, lines, total), null, false, false);
        this.lines = List.copyOf(lines);
    }

    /**
     * The lines carried, oldest first.
     *
     * @return the lines
     */
    public List<String> lines() {
        return lines;
    }

    private static String message(String container, List<String> lines, int total) {
        StringBuilder b = new StringBuilder("container ").append(container).append(": ");
        b.append(lines.size() == total ? "its " + total + " log lines" : "its last " + lines.size() + " of "
                + total + " log lines");
        b.append(lines.isEmpty() ? " (none)" : ":");
        for (String l : lines) {
            b.append("\n  | ").append(l);
        }
        return b.toString();
    }
}
