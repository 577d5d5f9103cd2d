package dev.oci4j.image.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageValidator;
import dev.oci4j.image.internal.validation.Rules;
import dev.oci4j.internal.validation.Rule;
import dev.oci4j.validation.Severity;
import dev.oci4j.validation.ValidationReport;
import dev.oci4j.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The broken-document corpus: each file under {@code invalid/} breaks one rule, listed in
 * {@code invalid/cases.csv} with the pointer where it breaks.
 */
class InvalidDocumentsTest {

    @ParameterizedTest(name = "{0} breaks {2} at {3}")
    @CsvFileSource(resources = "/invalid/cases.csv", quoteCharacter = '\'')
    void eachBrokenDocumentIsReportedWithItsRuleIdAndPointer(String file, String kind, String rule, String pointer)
            throws IOException {
        ValidationReport report = ImageValidator.validate(read(file), DocumentKind.named(kind));

        assertThat(report.violations()).as(report.toString())
                .extracting(Violation::ruleId, Violation::pointer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rule, pointer == null ? "" : pointer));
        Violation v = report.violations().get(0);
        Rule expected = Rules.byId(rule);
        assertThat(v.severity()).isEqualTo(expected.severity());
        assertThat(v.specSection()).isEqualTo(expected.section());
        assertThat(report.isValid()).isEqualTo(expected.severity() == Severity.WARNING);
        assertThat(v.message()).isNotBlank();
    }

    @Test
    void everyRuleHasABrokenDocument() throws IOException {
        Set<String> covered = new TreeSet<>();
        for (String line : new String(read("cases.csv"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                covered.add(line.split(",")[2].replace("'", ""));
            }
        }
        List<String> all = Rules.all().stream().map(Rule::id).toList();
        // json.member.missing has no document: every REQUIRED member the codec insists on has its own rule.
        // json.size needs a document over 4 MiB; ImageValidatorTest builds one.
        assertThat(all).filteredOn(id -> !id.equals("json.member.missing") && !id.equals("json.size")).isSubsetOf(covered);
    }

    static byte[] read(String file) throws IOException {
        try (InputStream in = InvalidDocumentsTest.class.getResourceAsStream("/invalid/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }
}
