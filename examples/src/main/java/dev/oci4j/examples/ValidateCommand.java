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
     * Runs {@code oci validate FILE...} without picocli when the command line has nothing for picocli to
     * parse: only file names, none an option, an {@code @FILE} argument file or empty, and no
     * {@code picocli.*} system property. Building the command's picocli model cost about a tenth of a
     * CPU-second of a cold run, more than reading and sniffing the files. The streams, output, messages
     * and exit statuses are picocli's: its writers, and what its execution exception handler
     * ({@link Oci#unexpected}) and {@link Oci#execute} print for a failure.
     *
     * @param args the whole command line
     * @return the exit status, or -1 when picocli must handle the command line
     */
    static int plain(String[] args) {
        if (args.length < 2 || !args[0].equals("validate")) {
            return -1;
        }
        for (int i = 1; i < args.length; i++) {
            String file = args[i];
            if (file.isEmpty() || file.charAt(0) == '@' || (file.charAt(0) == '-' && !file.equals("-"))) {
                return -1;
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("picocli.")) {
                return -1;
            }
        }
        PrintWriter out = Oci.writer(System.out, "sun.stdout.encoding");
        PrintWriter err = Oci.writer(System.err, "sun.stderr.encoding");
        try {
            return validate(List.of(args).subList(1, args.length), Optional.empty(), false, out, err);
        } catch (VirtualMachineError e) {
            err.println("oci: " + CliErrors.describe(e));
            err.flush();
            return 1;
        } catch (Exception e) {
            err.println("oci validate: " + CliErrors.describe(e));
            err.flush();
            return UNREADABLE;
        }
    }

    private static int validate(List<String> files, Optional<DocumentType> forced, boolean json, PrintWriter out,
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
