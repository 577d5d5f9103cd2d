package dev.oci4j.runtime;

import dev.oci4j.validation.Severity;
import dev.oci4j.validation.ValidationReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.oci4j.validation.FormatReason;
import dev.oci4j.runtime.internal.validation.Rules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A number no Go integer type can hold, at any integer member, is a format error with that member's
 * pointer, from the reader and the validator alike, and quickly: never a NumberFormatException from
 * Jackson's BigDecimal parser (an exponent beyond an int), never a billion-digit BigInteger.
 */
class HostileNumbersTest {

    // Generous for a loaded CI machine; what it catches is 1e99999999 turned into a 332-million-bit integer.
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @BeforeAll
    static void bootstrapTheValidatorOutsideTheTimeLimits() {
        RuntimeValidator.validate("{}".getBytes(StandardCharsets.UTF_8));
    }

    /** Where a number goes: a document with {@code %s} at {@code pointer}, read as a configuration or a state. */
    private record Field(String name, String template, String pointer, boolean state) {

        byte[] with(String number) {
            return template.replace("%s", number).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final String PROCESS = "{\"ociVersion\":\"1.2.0\",\"process\":{\"user\":{\"uid\":%s,\"gid\":0},"
            + "\"args\":[\"sh\"],\"cwd\":\"/\",\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":1024,\"soft\":1024}]},"
            + "\"root\":{\"path\":\"rootfs\"}}";

    private static final List<Field> FIELDS = List.of(
            new Field("rlimit hard (uint64)", PROCESS.replace("\"uid\":%s", "\"uid\":0").replace("\"hard\":1024", "\"hard\":%s"),
                    "/process/rlimits/0/hard", false),
            new Field("rlimit soft (uint64)", PROCESS.replace("\"uid\":%s", "\"uid\":0").replace("\"soft\":1024", "\"soft\":%s"),
                    "/process/rlimits/0/soft", false),
            new Field("uid (uint32)", PROCESS, "/process/user/uid", false),
            new Field("gid (uint32)", PROCESS.replace("\"uid\":%s,\"gid\":0", "\"uid\":0,\"gid\":%s"), "/process/user/gid", false),
            new Field("additionalGids (uint32)", PROCESS.replace("\"gid\":0", "\"gid\":0,\"additionalGids\":[5,%s]")
                    .replace("\"uid\":%s", "\"uid\":0"), "/process/user/additionalGids/1", false),
            new Field("memory limit (int64)", "{\"ociVersion\":\"1.2.0\",\"linux\":{\"resources\":{\"memory\":{\"limit\":%s}}}}",
                    "/linux/resources/memory/limit", false),
            new Field("pids limit (int64)", "{\"ociVersion\":\"1.2.0\",\"linux\":{\"resources\":{\"pids\":{\"limit\":%s}}}}",
                    "/linux/resources/pids/limit", false),
            new Field("state pid (int)", "{\"ociVersion\":\"1.2.0\",\"id\":\"c1\",\"status\":\"running\",\"pid\":%s,\"bundle\":\"/b\"}",
                    "/pid", true));

    private static final String HUNDRED_THOUSAND_DIGITS = "9".repeat(100_000);

    private static final List<String[]> HOSTILE = List.of(
            new String[] {"1e9999999999", "NUMBER_OUT_OF_RANGE"},
            new String[] {"-1e9999999999", "NUMBER_OUT_OF_RANGE"},
            new String[] {"1e-9999999999", "NUMBER_OUT_OF_RANGE"},
            new String[] {"1E+2147483648", "NUMBER_OUT_OF_RANGE"},
            new String[] {"1e999999999", "NUMBER_OUT_OF_RANGE"},
            new String[] {"1e99999999", "NUMBER_OUT_OF_RANGE"},
            new String[] {"-1.5e99999999", "NUMBER_OUT_OF_RANGE"},
            new String[] {"1e400", "NUMBER_OUT_OF_RANGE"},
            new String[] {"18446744073709551616", "NUMBER_OUT_OF_RANGE"},
            new String[] {"-18446744073709551616", "NUMBER_OUT_OF_RANGE"},
            new String[] {HUNDRED_THOUSAND_DIGITS, "NUMBER_OUT_OF_RANGE"},
            new String[] {"-" + HUNDRED_THOUSAND_DIGITS, "NUMBER_OUT_OF_RANGE"},
            new String[] {"0." + HUNDRED_THOUSAND_DIGITS, "NUMBER_OUT_OF_RANGE"},
            new String[] {"1." + "0".repeat(997) + "1", "WRONG_TYPE"},
            new String[] {"1.5", "WRONG_TYPE"},
            new String[] {"-0.5", "WRONG_TYPE"},
            new String[] {"1e-5", "WRONG_TYPE"},
            new String[] {"\"1\"", "WRONG_TYPE"},
            new String[] {"true", "WRONG_TYPE"});

    static Stream<Arguments> hostileNumbersAtEveryIntegerField() {
        List<Arguments> out = new ArrayList<>();
        for (Field field : FIELDS) {
            for (String[] h : HOSTILE) {
                String label = h[0].length() > 30 ? h[0].length() + " characters " + h[0].substring(0, 12) + "..." : h[0];
                out.add(Arguments.of(field.name + " = " + label, field, h[0], FormatReason.valueOf(h[1])));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void hostileNumbersAtEveryIntegerField(String name, Field field, String number, FormatReason reason) {
        byte[] json = field.with(number);

        RuntimeFormatException e = assertTimeoutPreemptively(QUICKLY, () -> readFailure(field, json));
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.location()).isEqualTo(field.pointer);
        assertThat(e.detail()).hasSizeLessThan(300); // never the whole 100,000 digits

        ValidationReport report = assertTimeoutPreemptively(QUICKLY, () -> validate(field, json));
        assertThat(report.violations()).as("%s", report).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(Rules.forReason(reason).id());
            assertThat(v.pointer()).isEqualTo(field.pointer);
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void theLargestValueOfEachGoTypeIsRead() {
        Function<String, Long> hard = n -> RuntimeJson.readSpec(FIELDS.get(0).with(n)).process().orElseThrow().rlimits().get(0).hard();
        assertThat(Long.toUnsignedString(hard.apply("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(hard.apply("0")).isZero();
        assertThat(hard.apply("1e3")).isEqualTo(1000); // an integer in JSON's number model
        assertThat(hard.apply("1024.000")).isEqualTo(1024);
        assertThat(hard.apply("1.8446744073709551615e19")).isEqualTo(-1L); // 2^64-1
        assertThat(RuntimeJson.readSpec(FIELDS.get(2).with("4294967295")).process().orElseThrow().user().uid()).isEqualTo(4294967295L);
        assertThat(RuntimeJson.readSpec(FIELDS.get(5).with("-9223372036854775808")).linux().orElseThrow()
                .resources().orElseThrow().memory().orElseThrow().limit()).hasValue(Long.MIN_VALUE);
        assertThat(RuntimeValidator.validate(FIELDS.get(0).with("18446744073709551615")).violations()).isEmpty();
    }

    @Test
    void justAboveEachRangeIsOutOfRange() {
        assertThat(readFailure(FIELDS.get(2), FIELDS.get(2).with("4294967296")).reason()).isEqualTo(FormatReason.NUMBER_OUT_OF_RANGE);
        assertThat(readFailure(FIELDS.get(2), FIELDS.get(2).with("-1")).reason()).isEqualTo(FormatReason.NUMBER_OUT_OF_RANGE);
        assertThat(readFailure(FIELDS.get(5), FIELDS.get(5).with("9223372036854775808")).reason()).isEqualTo(FormatReason.NUMBER_OUT_OF_RANGE);
        assertThat(readFailure(FIELDS.get(0), FIELDS.get(0).with("1.8446744073709551616e19")).reason())
                .isEqualTo(FormatReason.NUMBER_OUT_OF_RANGE);
    }

    @Test
    void aHostileNumberInAnUnknownMemberIsKeptAsWritten() {
        // Runtimes ignore unknown members; the model keeps them, so it keeps this one too, byte for byte.
        String json = "{\"ociVersion\":\"1.2.0\",\"org.example\":{\"a\":1e9999999999,\"b\":[" + HUNDRED_THOUSAND_DIGITS + ",1e-9999999999]}}";
        Spec spec = assertTimeoutPreemptively(QUICKLY, () -> RuntimeJson.readSpec(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(spec.extensions().get("org.example"))
                .isEqualTo("{\"a\":1e9999999999,\"b\":[" + HUNDRED_THOUSAND_DIGITS + ",1e-9999999999]}");
        assertThat(new String(RuntimeJson.write(spec), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(spec.toBuilder().extensions(spec.extensions()).build()).isEqualTo(spec);
    }

    @Test
    void aHostileNumberWhereAStringBelongsIsTheWrongType() {
        RuntimeFormatException e = readFailure(FIELDS.get(0),
                "{\"ociVersion\":\"1.2.0\",\"annotations\":{\"a\":1e9999999999}}".getBytes(StandardCharsets.UTF_8));
        assertThat(e.reason()).isEqualTo(FormatReason.WRONG_TYPE);
        assertThat(e.location()).isEqualTo("/annotations/a");
        assertThat(e.detail()).isEqualTo("expected a string, found number 1e9999999999");
    }

    private static RuntimeFormatException readFailure(Field field, byte[] json) {
        try {
            if (field.state) {
                RuntimeJson.readState(json);
            } else {
                RuntimeJson.readSpec(json);
            }
        } catch (RuntimeFormatException e) {
            return e;
        }
        throw new AssertionError("read without error: " + new String(json, StandardCharsets.UTF_8));
    }

    private static ValidationReport validate(Field field, byte[] json) {
        return field.state ? RuntimeValidator.validateState(json) : RuntimeValidator.validate(json);
    }
}
