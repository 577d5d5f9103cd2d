package dev.oci4j.examples;

import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageJson;
import dev.oci4j.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oci validate [--type TYPE] [--json] FILE...}: checks documents against the specs and
 * prints every violation as {@code FILE: /json/pointer: message [rule]}.
 * Exit 0: all valid (warnings allowed); 1: some document breaks a MUST; 2: some file cannot be
 * read or is not JSON, or its type cannot be told.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Validate OCI documents and print every violation as FILE: /json/pointer: message [rule].",
                "Exit status: 0 valid (warnings allowed), 1 a document has errors, 2 a file cannot be read or parsed."},
        exitCodeOnExecutionException = ValidateCommand.UNREADABLE)
final class ValidateCommand implements Callable<Integer> {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Document type: ${COMPLETION-CANDIDATES}. Default: inferred from mediaType or shape.",
            completionCandidates = TypeNames.class)
    String type;

    @Option(names = "--json", description = "Print a machine-readable JSON report on standard output.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to validate; - reads standard input.")
    List<String> files;

    @Override
    public Integer call() {
        Optional<DocumentType> forced = Optional.empty();
        if (type != null) {
            forced = Optional.of(DocumentTypes.named(type).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "unknown --type " + type + ", expected one of " + DocumentTypes.names())));
        }
        return validate(files, forced, json, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Validates {@code files} and prints the result: the command's work, for picocli's run and for
     * {@link DirectVerbs}' run of a plain command line alike.
     *
     * @return the exit status
     */
    static int validate(List<String> files, Optional<DocumentType> forced, boolean json, PrintWriter out,
            PrintWriter err) {
        List<String> reports = new ArrayList<>();
        int status = VALID;
        for (String file : files) {
            FileReport result = check(file, forced);
            status = Math.max(status, result.status());
            if (result.problem() != null) {
                err.println(result.name() + ": " + result.problem());
            }
            if (json) {
                reports.add(result.toJson());
            } else {
                result.printTo(out);
            }
        }
        if (json) {
            out.println(JsonText.pretty("{\"valid\":" + (status == VALID) + ",\"exitCode\":" + status
                    + ",\"files\":[" + String.join(",", reports) + "]}"));
        }
        out.flush();
        err.flush();
        return status;
    }

    private static FileReport check(String file, Optional<DocumentType> forced) {
        String name = file.equals("-") ? "<stdin>" : file;
        byte[] bytes;
        try {
            // The codec's bounded reading: /dev/zero or an endless pipe stops at its 4 MiB limit.
            bytes = file.equals("-") ? ImageJson.readBytes(System.in) : ImageJson.readBytes(Path.of(file));
        } catch (ImageFormatException e) {
            return FileReport.unreadable(name, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return FileReport.unreadable(name, "cannot read: " + CliErrors.describe(e));
        }
        Optional<DocumentType> kind;
        try {
            // Sniffing parses the document, so malformed JSON is reported here, with --type too.
            Optional<DocumentType> sniffed = DocumentTypes.sniff(bytes);
            kind = forced.isPresent() ? forced : sniffed;
        } catch (ImageFormatException e) {
            return FileReport.unreadable(name, e.getMessage());
        } catch (RuntimeException e) {
            return FileReport.unreadable(name, "cannot read as JSON: " + CliErrors.describe(e));
        }
        if (kind.isEmpty()) {
            return FileReport.unreadable(name, "cannot tell the document type from its mediaType or members;"
                    + " use --type with one of " + DocumentTypes.names());
        }
        ValidationReport report;
        try {
            report = kind.get().validate(bytes);
        } catch (RuntimeException e) {
            // A validator reports, it does not throw; if one does anyway, this file is the only casualty.
            return FileReport.unreadable(name, "cannot validate as " + kind.get().name() + ": " + CliErrors.describe(e));
        }
        return FileReport.checked(name, kind.get().name(), report);
    }

    /** The candidates for --type, for help and completion. */
    static final class TypeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DocumentTypes.names().iterator();
        }
    }
}
