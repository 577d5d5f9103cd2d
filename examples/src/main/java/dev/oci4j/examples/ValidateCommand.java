package dev.oci4j.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
                "Exit status: 0 valid (warnings allowed), 1 a document has errors, 2 a file cannot be read or parsed."})
final class ValidateCommand implements Callable<Integer> {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNREADABLE = 2;

    // Held in a nested class so that picocli, which creates every subcommand, does not build a
    // mapper in every `oci` run: other commands never use it.
    private static final class Lazy {
        static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();
    }

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
        QuietHibernate.apply();
        Optional<DocumentType> forced = Optional.empty();
        if (type != null) {
            forced = Optional.of(DocumentTypes.named(type).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "unknown --type " + type + ", expected one of " + DocumentTypes.names())));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArrayNode reports = Lazy.JSON.createArrayNode();
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
            ObjectNode root = Lazy.JSON.createObjectNode();
            root.put("valid", status == VALID);
            root.put("exitCode", status);
            root.set("files", reports);
            out.println(root.toPrettyString());
        }
        out.flush();
        err.flush();
        return status;
    }

    // Jackson names nested locations as "[Source: ...; line: 2, column: 12]"; keep only line and column.
    private static final java.util.regex.Pattern SOURCE =
            java.util.regex.Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    private FileReport check(String file, Optional<DocumentType> forced) {
        String name = file.equals("-") ? "<stdin>" : file;
        byte[] bytes;
        try {
            bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            return FileReport.unreadable(name, "cannot read: no such file");
        } catch (IOException | RuntimeException e) {
            return FileReport.unreadable(name, "cannot read: " + e);
        }
        JsonNode tree;
        try {
            tree = Lazy.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            return FileReport.unreadable(name, "malformed JSON" + at(e.getLocation()) + ": "
                    + SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2"));
        } catch (IOException e) {
            return FileReport.unreadable(name, "cannot read: " + e);
        }
        if (tree == null || tree.isMissingNode()) {
            return FileReport.unreadable(name, "document is empty, expected JSON");
        }
        DocumentShape shape = shapeOf(tree);
        Optional<DocumentType> kind = forced.isPresent() ? forced : DocumentTypes.recognize(shape);
        if (kind.isEmpty()) {
            return FileReport.unreadable(name, "cannot tell the document type from its mediaType or members;"
                    + " use --type with one of " + DocumentTypes.names());
        }
        List<Finding> findings = kind.get().validate(bytes);
        return FileReport.checked(name, kind.get().name(), findings);
    }

    private static DocumentShape shapeOf(JsonNode tree) {
        Set<String> keys = new LinkedHashSet<>();
        tree.fieldNames().forEachRemaining(keys::add);
        JsonNode mediaType = tree.get("mediaType");
        return new DocumentShape(keys, mediaType != null && mediaType.isTextual()
                ? Optional.of(mediaType.textValue()) : Optional.empty());
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The candidates for --type, for help and completion. */
    static final class TypeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DocumentTypes.names().iterator();
        }
    }
}
