package dev.oci4j.runtime.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.runtime.RuntimeFormatException;
import dev.oci4j.validation.FormatReason;
import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.RuntimeValidator;
import dev.oci4j.validation.Severity;
import dev.oci4j.validation.ValidationReport;
import dev.oci4j.runtime.internal.validation.Rules;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A document that cannot be read fails with a reason and a JSON pointer, and the validator reports
 * it as one violation whose rule id comes from that reason, never from the wording of a message.
 */
class UnreadableDocumentsTest {

    enum Kind { CONFIG, STATE, FEATURES }

    private static final String DEEP = "[".repeat(64) + "]".repeat(64);

    /** A valid document padded with spaces to one byte over the 4 MiB limit. */
    private static String oversized(String valid) {
        return valid + " ".repeat((int) RuntimeJson.DEFAULT_MAX_DOCUMENT_SIZE + 1 - valid.length());
    }

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                // config.json
                row(Kind.CONFIG, "{\"ociVersion\": \"1.2.0\", \"process\": ", FormatReason.MALFORMED_JSON, ""),
                row(Kind.CONFIG, "", FormatReason.MALFORMED_JSON, ""),
                row(Kind.CONFIG, "{\"ociVersion\":\"1.2.0\"} {}", FormatReason.MALFORMED_JSON, ""),
                row(Kind.CONFIG, "{\"ociVersion\":\"1.2.0\",}", FormatReason.MALFORMED_JSON, ""),
                row(Kind.CONFIG, "{\"hostname\":\"\u0000\"}", FormatReason.MALFORMED_JSON, ""),
                row(Kind.CONFIG, "[]", FormatReason.WRONG_TYPE, ""),
                row(Kind.CONFIG, "{\"process\":{\"args\":\"sh\"}}", FormatReason.WRONG_TYPE, "/process/args"),
                row(Kind.CONFIG, "{\"mounts\":[{\"destination\":\"/a\",\"options\":[\"ro\",1]}]}", FormatReason.WRONG_TYPE, "/mounts/0/options/1"),
                row(Kind.CONFIG, "{\"linux\":{\"resources\":{\"cpu\":{\"shares\":\"1024\"}}}}", FormatReason.WRONG_TYPE, "/linux/resources/cpu/shares"),
                row(Kind.CONFIG, "{\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":1.5}]}}", FormatReason.WRONG_TYPE,
                        "/process/rlimits/0/hard"),
                row(Kind.CONFIG, "{\"hostname\":\"a\",\"hostname\":\"b\"}", FormatReason.DUPLICATE_KEY, "/hostname"),
                row(Kind.CONFIG, "{\"annotations\":{\"a/b\":\"1\",\"a/b\":\"2\"}}", FormatReason.DUPLICATE_KEY, "/annotations/a~1b"),
                row(Kind.CONFIG, "{\"org.example\":[{\"x\":1,\"x\":1}]}", FormatReason.DUPLICATE_KEY, "/org.example/0/x"),
                row(Kind.CONFIG, "{\"org.example\":" + DEEP + "}", FormatReason.TOO_DEEP, "/org.example" + "/0".repeat(63)),
                row(Kind.CONFIG, "{\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":1e9999999999}]}}",
                        FormatReason.NUMBER_OUT_OF_RANGE, "/process/rlimits/0/hard"),
                row(Kind.CONFIG, "{\"process\":{\"user\":{\"uid\":4294967296}}}", FormatReason.NUMBER_OUT_OF_RANGE, "/process/user/uid"),
                row(Kind.CONFIG, "{\"linux\":{\"resources\":{\"pids\":{\"limit\":9223372036854775808}}}}", FormatReason.NUMBER_OUT_OF_RANGE,
                        "/linux/resources/pids/limit"),
                row(Kind.CONFIG, oversized("{\"ociVersion\":\"1.2.0\"}"), FormatReason.TOO_LARGE, ""),
                // state.json
                row(Kind.STATE, "{\"ociVersion\":\"1.2.0\",\"id\":\"c1\",\"status\":\"running\",\"pid\":", FormatReason.MALFORMED_JSON, ""),
                row(Kind.STATE, "{\"ociVersion\":\"1.2.0\",\"id\":1,\"status\":\"running\"}", FormatReason.WRONG_TYPE, "/id"),
                row(Kind.STATE, "{\"ociVersion\":\"1.2.0\",\"id\":\"c1\",\"status\":\"running\",\"pid\":\"4422\"}", FormatReason.WRONG_TYPE, "/pid"),
                row(Kind.STATE, "{\"id\":\"c1\",\"status\":\"running\",\"annotations\":[\"a\"]}", FormatReason.WRONG_TYPE, "/annotations"),
                row(Kind.STATE, "{\"id\":\"c1\",\"id\":\"c2\",\"status\":\"running\"}", FormatReason.DUPLICATE_KEY, "/id"),
                row(Kind.STATE, "{\"id\":\"c1\",\"status\":\"running\",\"pid\":-1e9999999999}", FormatReason.NUMBER_OUT_OF_RANGE, "/pid"),
                row(Kind.STATE, "{\"id\":\"c1\",\"status\":\"running\",\"pid\":9223372036854775808}", FormatReason.NUMBER_OUT_OF_RANGE, "/pid"),
                row(Kind.STATE, "{\"id\":\"c1\",\"status\":\"running\",\"x\":" + DEEP + "}", FormatReason.TOO_DEEP, "/x" + "/0".repeat(63)),
                row(Kind.STATE, oversized("{\"id\":\"c1\",\"status\":\"running\"}"), FormatReason.TOO_LARGE, ""),
                // features.json
                row(Kind.FEATURES, "{\"ociVersionMin\":\"1.0.0\"", FormatReason.MALFORMED_JSON, ""),
                row(Kind.FEATURES, "{\"ociVersionMin\":\"1.0.0\",\"hooks\":\"prestart\"}", FormatReason.WRONG_TYPE, "/hooks"),
                row(Kind.FEATURES, "{\"ociVersionMin\":\"1.0.0\",\"linux\":{\"cgroup\":{\"v2\":\"yes\"}}}", FormatReason.WRONG_TYPE,
                        "/linux/cgroup/v2"),
                row(Kind.FEATURES, "{\"linux\":{\"seccomp\":{\"enabled\":1e9999999999}}}", FormatReason.WRONG_TYPE, "/linux/seccomp/enabled"),
                row(Kind.FEATURES, "{\"ociVersionMin\":\"1.0.0\",\"ociVersionMin\":\"1.1.0\"}", FormatReason.DUPLICATE_KEY, "/ociVersionMin"),
                row(Kind.FEATURES, "{\"linux\":{\"namespaces\":" + DEEP + "}}", FormatReason.TOO_DEEP, "/linux/namespaces" + "/0".repeat(62)),
                row(Kind.FEATURES, oversized("{\"ociVersionMin\":\"1.0.0\"}"), FormatReason.TOO_LARGE, ""));
    }

    private static Arguments row(Kind kind, String json, FormatReason reason, String pointer) {
        String shown = json.length() > 90 ? json.substring(0, 60) + "... (" + json.length() + " bytes)" : json;
        // Control characters spelled out: test names end up in XML reports.
        String label = shown.chars().mapToObj(c -> c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
        return Arguments.of(kind, label, json.getBytes(StandardCharsets.UTF_8), reason, pointer);
    }

    @ParameterizedTest(name = "{0} {1} -> {3} at \"{4}\"")
    @MethodSource("brokenDocuments")
    void theReaderNamesTheReasonAndThePointer(Kind kind, String label, byte[] json, FormatReason reason, String pointer) {
        RuntimeFormatException e = readFailure(kind, json);
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.location()).as(e.getMessage()).isEqualTo(pointer);
        assertThat(e.detail()).isNotBlank().doesNotStartWith(pointer.isEmpty() ? "\u0000" : pointer + ":");
    }

    @ParameterizedTest(name = "{0} {1} -> {3} at \"{4}\"")
    @MethodSource("brokenDocuments")
    void theValidatorReportsOneViolationWhoseRuleComesFromTheReason(Kind kind, String label, byte[] json, FormatReason reason,
            String pointer) {
        String ruleId = Rules.forReason(reason).id();
        if (kind == Kind.FEATURES) {
            // No validator for features documents: the rule a reason maps to is all there is to check.
            assertThat(ruleId).startsWith("json.");
            return;
        }
        ValidationReport report = kind == Kind.STATE ? RuntimeValidator.validateState(json) : RuntimeValidator.validate(json);
        assertThat(report.violations()).as("%s", report).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(ruleId);
            assertThat(v.pointer()).isEqualTo(pointer);
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.message()).startsWith("cannot read ").doesNotContain(pointer.isEmpty() ? "\u0000" : pointer + ":");
        });
        assertThat(report.isValid()).isFalse();
    }

    /** The reasons the runtime codec throws; the others are the image model's (digests, base64, dates, layouts). */
    private static final Set<FormatReason> RUNTIME_REASONS = EnumSet.of(FormatReason.MALFORMED_JSON,
            FormatReason.TOO_LARGE, FormatReason.TOO_DEEP, FormatReason.DUPLICATE_KEY, FormatReason.WRONG_TYPE,
            FormatReason.NUMBER_OUT_OF_RANGE);

    @Test
    void everyReasonHasItsOwnRuleAndTheTableCoversEveryReason() {
        Set<String> ids = RUNTIME_REASONS.stream().map(r -> Rules.forReason(r).id()).collect(Collectors.toSet());
        assertThat(ids).hasSize(RUNTIME_REASONS.size()).allMatch(id -> id.startsWith("json."));
        Set<FormatReason> covered = brokenDocuments().map(a -> (FormatReason) a.get()[3]).collect(Collectors.toCollection(() -> EnumSet.noneOf(FormatReason.class)));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(RUNTIME_REASONS);
    }

    @Test
    void invalidUtf8IsMalformedJson() {
        byte[] json = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(readFailure(Kind.CONFIG, json).reason()).isEqualTo(FormatReason.MALFORMED_JSON);
        assertThat(RuntimeValidator.validate(json).violations()).singleElement()
                .satisfies(v -> assertThat(v.ruleId()).isEqualTo("json.malformed"));
    }

    private static RuntimeFormatException readFailure(Kind kind, byte[] json) {
        try {
            switch (kind) {
                case CONFIG -> RuntimeJson.readSpec(json);
                case STATE -> RuntimeJson.readState(json);
                case FEATURES -> RuntimeJson.readFeatures(json);
            }
        } catch (RuntimeFormatException e) {
            return e;
        }
        throw new AssertionError("read without error: " + new String(json, StandardCharsets.UTF_8));
    }
}
