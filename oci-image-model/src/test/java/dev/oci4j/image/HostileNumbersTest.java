package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.oci4j.validation.ValidationReport;
import dev.oci4j.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number a hostile document can carry, at every numeric member of the image model (typed
 * integers and numbers kept as unknown members): readers either read the document or throw an
 * {@link ImageFormatException} that points at the number; validators never throw. A number no Java
 * type holds cheaply (over 1000 characters, or an exponent beyond an int) is kept as its text where
 * any value may stand, and is NUMBER_OUT_OF_RANGE where an integer belongs, as in the runtime model. Time is bounded by
 * structure (the parser's token length limit, checks before any conversion), not by a timer here.
 */
class HostileNumbersTest {

    private static final String SHA = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    private static final String DESCRIPTOR = "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2}";
    private static final String DESCRIPTOR_N = "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":#}";
    private static final String ROOTFS = "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}";

    /** Where a number sits: '#' in the template is replaced by it. */
    private record Field(DocumentKind<?> kind, String pointer, boolean integer, String template) {
        @Override
        public String toString() {
            return kind.name() + " " + pointer;
        }
    }

    /** What reading a number does: in an integer member, and where any JSON value is kept. */
    private enum Outcome {
        /** Read. */
        READS,
        /** Refused at the number's JSON pointer. */
        FAILS_AT_NUMBER,
        /** Not JSON at all: refused at the document root, with line and column in the message. */
        MALFORMED
    }

    private record Value(String label, String text, Outcome inInteger, Outcome inAnyValue) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field(DocumentKind.DESCRIPTOR, "/size", true, DESCRIPTOR_N),
            new Field(DocumentKind.DESCRIPTOR, "/x", false, DESCRIPTOR.replace("}", ",\"x\":#}")),
            new Field(DocumentKind.DESCRIPTOR, "/platform/x/0", false, DESCRIPTOR.replace("}",
                    ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\",\"x\":[#]}}")),
            new Field(DocumentKind.MANIFEST, "/schemaVersion", true,
                    "{\"schemaVersion\":#,\"config\":" + DESCRIPTOR + ",\"layers\":[" + DESCRIPTOR + "]}"),
            new Field(DocumentKind.MANIFEST, "/config/size", true,
                    "{\"schemaVersion\":2,\"config\":" + DESCRIPTOR_N + ",\"layers\":[" + DESCRIPTOR + "]}"),
            new Field(DocumentKind.MANIFEST, "/layers/1/size", true,
                    "{\"schemaVersion\":2,\"config\":" + DESCRIPTOR + ",\"layers\":[" + DESCRIPTOR + "," + DESCRIPTOR_N
                            + "]}"),
            new Field(DocumentKind.MANIFEST, "/subject/size", true,
                    "{\"schemaVersion\":2,\"config\":" + DESCRIPTOR + ",\"layers\":[],\"subject\":" + DESCRIPTOR_N
                            + "}"),
            new Field(DocumentKind.INDEX, "/schemaVersion", true, "{\"schemaVersion\":#,\"manifests\":[]}"),
            new Field(DocumentKind.INDEX, "/manifests/0/size", true,
                    "{\"schemaVersion\":2,\"manifests\":[" + DESCRIPTOR_N + "]}"),
            new Field(DocumentKind.INDEX, "/subject/size", true,
                    "{\"schemaVersion\":2,\"manifests\":[],\"subject\":" + DESCRIPTOR_N + "}"),
            new Field(DocumentKind.CONFIGURATION, "/config/Memory", false,
                    "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Memory\":#}," + ROOTFS + "}"),
            new Field(DocumentKind.CONFIGURATION, "/config/Healthcheck/Interval", false,
                    "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Healthcheck\":{\"Interval\":#}},"
                            + ROOTFS + "}"),
            new Field(DocumentKind.CONFIGURATION, "/rootfs/x", false,
                    "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[],"
                            + "\"x\":#}}"),
            new Field(DocumentKind.CONFIGURATION, "/history/0/x", false,
                    "{\"architecture\":\"amd64\",\"os\":\"linux\"," + ROOTFS + ",\"history\":[{\"x\":#}]}"),
            new Field(DocumentKind.LAYOUT_HEADER, "/x", false, "{\"imageLayoutVersion\":\"1.0.0\",\"x\":#}"));

    private static final List<Value> VALUES = List.of(
            new Value("1e9999999999", "1e9999999999", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("-1e9999999999", "-1e9999999999", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("1e-9999999999", "1e-9999999999", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("0e9999999999", "0e9999999999", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("1.5E+2147483648", "1.5E+2147483648", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("1e999999999", "1e999999999", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("1e-999999999", "1e-999999999", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("99999999999999999999999", "99999999999999999999999", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("-9223372036854775809", "-9223372036854775809", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("1.5", "1.5", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("1.0000000000000000000000001", "1.0000000000000000000000001", Outcome.FAILS_AT_NUMBER,
                    Outcome.READS),
            new Value("-0", "-0", Outcome.READS, Outcome.READS),
            new Value("-0.0", "-0.0", Outcome.READS, Outcome.READS),
            new Value("2.0e0", "2.0e0", Outcome.READS, Outcome.READS),
            new Value("0e-999999999", "0e-999999999", Outcome.READS, Outcome.READS),
            new Value("100k nines", "9".repeat(100_000), Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("1 and 100k zeros", "1" + "0".repeat(100_000), Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("0.(100k zeros)1", "0." + "0".repeat(100_000) + "1", Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("1e(100k nines)", "1e" + "9".repeat(100_000), Outcome.FAILS_AT_NUMBER, Outcome.READS),
            new Value("NaN", "NaN", Outcome.MALFORMED, Outcome.MALFORMED),
            new Value("Infinity", "Infinity", Outcome.MALFORMED, Outcome.MALFORMED),
            new Value("-Infinity", "-Infinity", Outcome.MALFORMED, Outcome.MALFORMED),
            new Value("+1", "+1", Outcome.MALFORMED, Outcome.MALFORMED),
            new Value("01", "01", Outcome.MALFORMED, Outcome.MALFORMED),
            new Value(".5", ".5", Outcome.MALFORMED, Outcome.MALFORMED),
            new Value("1.", "1.", Outcome.MALFORMED, Outcome.MALFORMED),
            new Value("1e", "1e", Outcome.MALFORMED, Outcome.MALFORMED),
            new Value("-", "-", Outcome.MALFORMED, Outcome.MALFORMED),
            new Value("0x10", "0x10", Outcome.MALFORMED, Outcome.MALFORMED));

    static Stream<Arguments> everyNumberAtEveryField() {
        List<Arguments> out = new ArrayList<>();
        for (Field field : FIELDS) {
            for (Value value : VALUES) {
                out.add(Arguments.of(field, value));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("everyNumberAtEveryField")
    void readersReadOrRefuseAtTheNumber(Field field, Value value) {
        byte[] document = field.template().replace("#", value.text()).getBytes(StandardCharsets.UTF_8);
        Outcome expected = field.integer() ? value.inInteger() : value.inAnyValue();

        Throwable thrown = catchThrowable(() -> ImageJson.standard().read(field.kind(), document));

        if (expected == Outcome.READS) {
            assertThat(thrown).as("reading %s", value).isNull();
            return;
        }
        assertThat(thrown).as("reading %s", value).isInstanceOf(ImageFormatException.class);
        ImageFormatException e = (ImageFormatException) thrown;
        assertThat(e.location()).as(e.getMessage())
                .isEqualTo(expected == Outcome.MALFORMED ? "" : field.pointer());
        // The message says what was found without echoing 100,000 digits back.
        assertThat(e.getMessage()).hasSizeLessThan(400);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("everyNumberAtEveryField")
    void validatorsReportInsteadOfThrowing(Field field, Value value) {
        byte[] document = field.template().replace("#", value.text()).getBytes(StandardCharsets.UTF_8);
        Outcome expected = field.integer() ? value.inInteger() : value.inAnyValue();

        ValidationReport report = ImageValidator.validate(document, field.kind());

        if (expected != Outcome.READS) {
            String at = expected == Outcome.MALFORMED ? "" : field.pointer();
            assertThat(report.errors()).as(report.toString()).extracting(Violation::pointer).contains(at);
            assertThat(report.errors()).extracting(Violation::ruleId).containsAnyOf("json.type", "json.number.range", "json.malformed");
            assertThat(report.toString()).hasSizeLessThan(2000);
        }
    }
}
