package dev.oci4j.examples;

import dev.oci4j.validation.ValidationReport;
import dev.oci4j.validation.Violation;
import java.io.PrintWriter;

/**
 * What {@code oci validate} found in one file: the report of its document type's validator, or the
 * reason it could not be read ({@code problem}), with the file's exit status; printed as text or JSON.
 */
record FileReport(String name, String kind, ValidationReport report, String problem, int status) {

    static FileReport unreadable(String name, String problem) {
        return new FileReport(name, null, ValidationReport.valid(), problem, ValidateCommand.UNREADABLE);
    }

    static FileReport checked(String name, String kind, ValidationReport report) {
        return new FileReport(name, kind, report, null, report.isValid() ? ValidateCommand.VALID : ValidateCommand.INVALID);
    }

    void printTo(PrintWriter out) {
        if (problem != null) {
            return;
        }
        for (Violation v : report.violations()) {
            out.println(name + ": " + (v.pointer().isEmpty() ? "(root)" : v.pointer()) + ": "
                    + (v.isError() ? "" : "warning: ") + v.message() + " [" + v.ruleId() + "]");
        }
        int warnings = report.warnings().size();
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
        for (int i = 0; i < report.violations().size(); i++) {
            Violation v = report.violations().get(i);
            j.append(i == 0 ? "{" : ",{")
                    .append("\"severity\":").append(JsonText.quote(v.isError() ? "error" : "warning"))
                    .append(",\"rule\":").append(JsonText.quote(v.ruleId()))
                    .append(",\"pointer\":").append(JsonText.quote(v.pointer()))
                    .append(",\"message\":").append(JsonText.quote(v.message()))
                    .append(",\"section\":").append(JsonText.quote(v.specSection()))
                    .append('}');
        }
        return j.append("]}").toString();
    }
}
