package dev.oci4j.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code oci validate} found in one file: the findings of its document type, or the reason it
 * could not be read ({@code problem}), with the file's exit status; printed as text or JSON.
 */
record FileReport(String name, String kind, List<Finding> findings, String problem, int status) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static FileReport unreadable(String name, String problem) {
        return new FileReport(name, null, List.of(), problem, ValidateCommand.UNREADABLE);
    }

    static FileReport checked(String name, String kind, List<Finding> findings) {
        boolean errors = findings.stream().anyMatch(Finding::error);
        return new FileReport(name, kind, findings, null, errors ? ValidateCommand.INVALID : ValidateCommand.VALID);
    }

    void printTo(PrintWriter out) {
        if (problem != null) {
            return;
        }
        for (Finding f : findings) {
            out.println(name + ": " + (f.pointer().isEmpty() ? "(root)" : f.pointer()) + ": "
                    + (f.error() ? "" : "warning: ") + f.message() + " [" + f.rule() + "]");
        }
        long warnings = findings.stream().filter(f -> !f.error()).count();
        if (status == ValidateCommand.VALID) {
            out.println(name + ": valid " + kind + (warnings == 0 ? "" : " (" + warnings + " warning(s))"));
        }
    }

    ObjectNode toJson() {
        ObjectNode node = NODES.objectNode();
        node.put("file", name);
        if (kind != null) {
            node.put("type", kind);
        }
        node.put("valid", status == ValidateCommand.VALID);
        if (problem != null) {
            node.put("problem", problem);
        }
        ArrayNode list = node.putArray("violations");
        for (Finding f : findings) {
            list.addObject()
                    .put("severity", f.error() ? "error" : "warning")
                    .put("rule", f.rule())
                    .put("pointer", f.pointer())
                    .put("message", f.message())
                    .put("section", f.section());
        }
        return node;
    }
}
