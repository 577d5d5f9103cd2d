package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.validation.FormatReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go integer types keep their full range, and bad input fails with a JSON pointer to the culprit. */
class NumbersAndErrorsTest {

    private static final String UINT64_MAX = "18446744073709551615";

    private static Spec spec(String json) {
        return RuntimeJson.readSpec(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(Spec spec) {
        return new String(RuntimeJson.write(spec), StandardCharsets.UTF_8);
    }

    @Test
    void rlimitOfTwoToTheSixtyFourMinusOneRoundTrips() {
        String json = "{\"ociVersion\":\"1.2.0\",\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\",\"rlimits\":"
                + "[{\"type\":\"RLIMIT_CORE\",\"hard\":" + UINT64_MAX + ",\"soft\":9223372036854775808}]}}";
        Spec spec = spec(json);
        PosixRlimit rlimit = spec.process().orElseThrow().rlimits().get(0);
        assertThat(Long.toUnsignedString(rlimit.hard())).isEqualTo(UINT64_MAX);
        assertThat(Long.toUnsignedString(rlimit.soft())).isEqualTo("9223372036854775808");
        assertThat(write(spec)).isEqualTo(json);
    }

    @Test
    void everyUint64FieldKeepsTheFullRange() {
        String json = "{\"ociVersion\":\"1.2.0\",\"process\":{\"consoleSize\":{\"height\":" + UINT64_MAX + ",\"width\":" + UINT64_MAX + "},"
                + "\"user\":{\"uid\":4294967295,\"gid\":4294967295},\"cwd\":\"/\",\"scheduler\":{\"policy\":\"SCHED_DEADLINE\","
                + "\"runtime\":" + UINT64_MAX + ",\"deadline\":" + UINT64_MAX + ",\"period\":" + UINT64_MAX + "}},"
                + "\"linux\":{\"resources\":{\"memory\":{\"swappiness\":" + UINT64_MAX + "},\"cpu\":{\"shares\":" + UINT64_MAX
                + ",\"burst\":" + UINT64_MAX + ",\"period\":" + UINT64_MAX + ",\"realtimePeriod\":" + UINT64_MAX + "},"
                + "\"blockIO\":{\"throttleReadBpsDevice\":[{\"major\":8,\"minor\":0,\"rate\":" + UINT64_MAX + "}]},"
                + "\"hugepageLimits\":[{\"pageSize\":\"2MB\",\"limit\":" + UINT64_MAX + "}]},"
                + "\"seccomp\":{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ALLOW\","
                + "\"args\":[{\"index\":" + UINT64_MAX + ",\"value\":" + UINT64_MAX + ",\"valueTwo\":" + UINT64_MAX + ",\"op\":\"SCMP_CMP_EQ\"}]}]}}}";
        assertThat(write(spec(json))).isEqualTo(json);
    }

    @Test
    void memoryLimitsAreInt64AsInGoSoMinusOneMeansUnlimited() {
        Spec spec = spec("{\"ociVersion\":\"1.2.0\",\"linux\":{\"resources\":{\"memory\":{\"limit\":-1,\"swap\":9223372036854775807}}}}");
        LinuxMemory memory = spec.linux().orElseThrow().resources().orElseThrow().memory().orElseThrow();
        assertThat(memory.limit()).hasValue(-1);
        assertThat(memory.swap()).hasValue(Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":18446744073709551616,\"soft\":1}]}} | /process/rlimits/0/hard | uint64 | NUMBER_OUT_OF_RANGE",
        "{\"process\":{\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":1,\"soft\":-1}]}}                   | /process/rlimits/0/soft | uint64 | NUMBER_OUT_OF_RANGE",
        "{\"process\":{\"user\":{\"uid\":4294967296}}}                                                      | /process/user/uid        | uint32 | NUMBER_OUT_OF_RANGE",
        "{\"process\":{\"user\":{\"additionalGids\":[1,-2]}}}                                               | /process/user/additionalGids/1 | uint32 | NUMBER_OUT_OF_RANGE",
        "{\"linux\":{\"resources\":{\"memory\":{\"limit\":9223372036854775808}}}}                            | /linux/resources/memory/limit | int64 | NUMBER_OUT_OF_RANGE",
        "{\"linux\":{\"resources\":{\"blockIO\":{\"weight\":65536}}}}                                        | /linux/resources/blockIO/weight | uint16 | NUMBER_OUT_OF_RANGE",
        "{\"process\":{\"scheduler\":{\"policy\":\"SCHED_OTHER\",\"nice\":2147483648}}}                      | /process/scheduler/nice  | int32 | NUMBER_OUT_OF_RANGE",
        "{\"process\":{\"args\":[\"sh\",1]}}                                                                | /process/args/1          | expected a string, found number 1 | WRONG_TYPE",
        "{\"process\":{\"terminal\":\"yes\"}}                                                               | /process/terminal        | expected true or false | WRONG_TYPE",
        "{\"linux\":{\"namespaces\":{\"type\":\"pid\"}}}                                                     | /linux/namespaces        | expected an array | WRONG_TYPE",
        "{\"mounts\":[{\"destination\":\"/a\"},\"b\"]}                                                      | /mounts/1                | expected an object | WRONG_TYPE",
        "{\"annotations\":{\"a/b~c\":1}}                                                                    | /annotations/a~1b~0c     | expected a string | WRONG_TYPE",
        "{\"linux\":{\"timeOffsets\":{\"monotonic\":{\"secs\":1.5}}}}                                        | /linux/timeOffsets/monotonic/secs | expected an integer | WRONG_TYPE",
    })
    void wrongTypesAndOutOfRangeNumbersNameTheirPointer(String json, String pointer, String message, FormatReason reason) {
        assertThatThrownBy(() -> spec(json))
                .isInstanceOf(RuntimeFormatException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((RuntimeFormatException) e).location()).isEqualTo(pointer))
                .satisfies(e -> assertThat(((RuntimeFormatException) e).reason()).isEqualTo(reason));
    }

    @Test
    void malformedJsonDuplicateKeysAndNonObjectsAreRejected() {
        assertThat(failure("{\"ociVersion\":")).returns(FormatReason.MALFORMED_JSON, RuntimeFormatException::reason)
                .returns("", RuntimeFormatException::location)
                .extracting(RuntimeFormatException::detail).asString().startsWith("malformed JSON at line 1, column 15");
        assertThat(failure("")).returns(FormatReason.MALFORMED_JSON, RuntimeFormatException::reason)
                .extracting(RuntimeFormatException::detail).asString().contains("empty");
        assertThat(failure(" \n")).returns(FormatReason.MALFORMED_JSON, RuntimeFormatException::reason);
        assertThat(failure("{\"ociVersion\":\"1\",\"ociVersion\":\"2\"}"))
                .returns(FormatReason.DUPLICATE_KEY, RuntimeFormatException::reason)
                .returns("/ociVersion", RuntimeFormatException::location)
                .extracting(RuntimeFormatException::detail).asString().contains("\"ociVersion\" appears twice");
        assertThat(failure("{\"linux\":{\"sysctl\":{\"a\":\"1\",\"a\":\"2\"}}}"))
                .returns(FormatReason.DUPLICATE_KEY, RuntimeFormatException::reason)
                .returns("/linux/sysctl/a", RuntimeFormatException::location);
        assertThat(failure("[]")).returns(FormatReason.WRONG_TYPE, RuntimeFormatException::reason)
                .returns("", RuntimeFormatException::location)
                .returns("expected an object, found an array", RuntimeFormatException::detail);
        assertThat(failure("{} {}")).returns(FormatReason.MALFORMED_JSON, RuntimeFormatException::reason)
                .extracting(RuntimeFormatException::detail).asString().contains("content after the end of the document");
    }

    @Test
    void theMessageJoinsLocationAndDetailForPeopleWhileCodeReadsTheFields() {
        RuntimeFormatException e = failure("{\"process\":{\"terminal\":\"yes\"}}");
        assertThat(e.reason()).isEqualTo(FormatReason.WRONG_TYPE);
        assertThat(e.location()).isEqualTo("/process/terminal");
        assertThat(e.detail()).isEqualTo("expected true or false, found string \"yes\"");
        assertThat(e.getMessage()).isEqualTo("/process/terminal: expected true or false, found string \"yes\"");
    }

    @Test
    void nestingDeeperThan64LevelsIsRefusedWhereItHappens() {
        String ok = "{\"x\":" + "[".repeat(63) + "]".repeat(63) + "}";
        assertThat(spec(ok).extensions()).containsKey("x");
        String deep = "{\"x\":" + "[".repeat(64) + "]".repeat(64) + "}";
        assertThat(failure(deep)).returns(FormatReason.TOO_DEEP, RuntimeFormatException::reason)
                .returns("/x" + "/0".repeat(63), RuntimeFormatException::location);
        // Far deeper than any stack would survive with recursive parsing.
        assertThat(failure("[".repeat(1_000_000))).returns(FormatReason.TOO_DEEP, RuntimeFormatException::reason);
    }

    private static RuntimeFormatException failure(String json) {
        try {
            spec(json);
        } catch (RuntimeFormatException e) {
            return e;
        }
        throw new AssertionError("read without error: " + json);
    }

    @Test
    void theModelHoldsInvalidValuesSoAValidatorCanReportThem() {
        Spec spec = spec("{\"ociVersion\":\"\",\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"relative\",\"rlimits\":["
                + "{\"type\":\"RLIMIT_BOGUS\",\"hard\":1,\"soft\":2},{\"type\":\"RLIMIT_BOGUS\",\"hard\":1,\"soft\":2}]},"
                + "\"linux\":{\"namespaces\":[{\"type\":\"pid\"},{\"type\":\"pid\"},{\"type\":\"bogus\"}],"
                + "\"seccomp\":{\"defaultAction\":\"SCMP_ACT_BOGUS\",\"architectures\":[\"SCMP_ARCH_Z80\"]}}}");
        Linux linux = spec.linux().orElseThrow();
        assertThat(linux.namespaces().get(2).type().isKnown()).isFalse();
        assertThat(linux.namespaces().get(2).type().value()).isEqualTo("bogus");
        assertThat(linux.seccomp().orElseThrow().defaultAction().isKnown()).isFalse();
        assertThat(linux.seccomp().orElseThrow().architectures()).containsExactly(LinuxSeccompArch.of("SCMP_ARCH_Z80"));
        assertThat(spec.process().orElseThrow().rlimits()).hasSize(2);
    }

    @Test
    void goZeroValuesFillMissingRequiredMembers() {
        // As Go's encoding/json: a missing non-omitempty member reads as its zero value and is written back.
        Spec spec = spec("{\"process\":{\"args\":[\"sh\"]}}");
        assertThat(spec.ociVersion()).isEmpty();
        assertThat(write(spec)).isEqualTo("{\"ociVersion\":\"\",\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"args\":[\"sh\"],\"cwd\":\"\"}}");
    }

    @Test
    void buildersRejectValuesOutsideTheGoType() {
        assertThatThrownBy(() -> User.builder().uid(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uint32");
        assertThatThrownBy(() -> LinuxBlockIo.builder().weight(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Spec.builder().hostname(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Spec.builder().putExtension("x", "{not json")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PosixRlimit.builder().type("RLIMIT_NOFILE").hard(-1).soft(-1).build().hard()).isEqualTo(-1L); // uint64: all 64 bits are valid
    }

    @Test
    void emptyOmitemptyStringsAreLeftOut() {
        // Go's omitempty drops "", so the builder asks for clearHostname() instead of taking "" to mean absent.
        assertThatThrownBy(() -> Spec.builder().hostname("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clearHostname()");
        Spec spec = Spec.builder().ociVersion("1.2.0").hostname("h").clearHostname().build();
        assertThat(spec.hostname()).isEmpty();
        assertThat(write(spec(("{\"ociVersion\":\"1.2.0\",\"hostname\":\"\"}")))).isEqualTo("{\"ociVersion\":\"1.2.0\"}");
    }
}
