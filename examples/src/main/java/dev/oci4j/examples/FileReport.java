package dev.oci4j.examples;

import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code oci validate} found in one file: the findings of its document type, or the reason it
 * could not be read ({@code problem}), with the file's exit status; printed as text or JSON.
 */
record FileReport(String name, String kind, List<Finding> findings, String problem, int status) {

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

    /** This report as one compact JSON object, for {@code --json}. */
    String toJson() {
        StringBuilder j = new StringBuilder("{\"file\":").append(JsonText.quote(name));
        if (kind != null) {
            j.append(",\"type\":").append(JsonText.quote(kind));
        }
        j.append(",\"valid\":").append(status == ValidateCommand.VALID);
        if (problem != null) {
            j.append(",\"problem\":").append(JsonText.quote(problem));
        }
        j.append(",\"violations\":[");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            j.append(i == 0 ? "{" : ",{")
                    .append("\"severity\":").append(JsonText.quote(f.error() ? "error" : "warning"))
                    .append(",\"rule\":").append(JsonText.quote(f.rule()))
                    .append(",\"pointer\":").append(JsonText.quote(f.pointer()))
                    .append(",\"message\":").append(JsonText.quote(f.message()))
                    .append(",\"section\":").append(JsonText.quote(f.section()))
                    .append('}');
        }
        return j.append("]}").toString();
    }
}
