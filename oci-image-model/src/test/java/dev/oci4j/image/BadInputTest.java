package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.validation.FormatReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input the model cannot represent fails with an ImageFormatException that says where and what. */
class BadInputTest {

    private static final String SHA = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
    private final ImageJson json = ImageJson.standard();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String manifestWithLayer(String layer) {
        return "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2},"
                + "\"layers\":[{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2},"
                + "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2}," + layer + "]}";
    }

    /** A reason and a location for every way a document can be refused; the message is for people. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> refusals() {
        String d = "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2";
        return java.util.stream.Stream.of(
                refusal("not JSON", DocumentKind.DESCRIPTOR, "{,}", FormatReason.MALFORMED_JSON, ""),
                refusal("empty", DocumentKind.DESCRIPTOR, "", FormatReason.MALFORMED_JSON, ""),
                refusal("trailing content", DocumentKind.DESCRIPTOR, d + "} {}", FormatReason.MALFORMED_JSON, ""),
                refusal("not UTF-8", DocumentKind.DESCRIPTOR, d + ",\"x\":\"\u00ff\"}", FormatReason.MALFORMED_JSON, ""),
                refusal("duplicate key", DocumentKind.DESCRIPTOR, d + ",\"size\":3}", FormatReason.DUPLICATE_KEY, "/size"),
                refusal("too deep", DocumentKind.DESCRIPTOR, d + ",\"x\":" + "[".repeat(70) + "]".repeat(70) + "}",
                        FormatReason.TOO_DEEP, "/x" + "/0".repeat(63)),
                refusal("number too long", DocumentKind.DESCRIPTOR, d.replace("\"size\":2", "\"size\":" + "1".repeat(1001)) + "}",
                        FormatReason.NUMBER_OUT_OF_RANGE, "/size"),
                refusal("wrong type", DocumentKind.DESCRIPTOR, d + ",\"urls\":\"required member\"}", FormatReason.WRONG_TYPE,
                        "/urls"),
                refusal("not an object", DocumentKind.INDEX, "[]", FormatReason.WRONG_TYPE, ""),
                refusal("fraction", DocumentKind.INDEX, "{\"schemaVersion\":2.5}", FormatReason.WRONG_TYPE, "/schemaVersion"),
                refusal("int32 overflow", DocumentKind.INDEX, "{\"schemaVersion\":2147483648}",
                        FormatReason.NUMBER_OUT_OF_RANGE, "/schemaVersion"),
                refusal("exponent overflow", DocumentKind.DESCRIPTOR, d.replace("\"size\":2", "\"size\":1e9999999999") + "}",
                        FormatReason.NUMBER_OUT_OF_RANGE, "/size"),
                refusal("missing member", DocumentKind.MANIFEST, "{\"schemaVersion\":2}", FormatReason.MISSING_MEMBER,
                        "/config"),
                refusal("digest grammar", DocumentKind.DESCRIPTOR, d.replace(SHA, "sha256") + "}",
                        FormatReason.BAD_DIGEST_GRAMMAR, "/digest"),
                refusal("digest encoding", DocumentKind.DESCRIPTOR, d.replace(SHA, "sha256:abc") + "}",
                        FormatReason.BAD_DIGEST_ENCODING, "/digest"),
                refusal("diff_id encoding", DocumentKind.CONFIGURATION,
                        "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha512:abc\"]}}", FormatReason.BAD_DIGEST_ENCODING,
                        "/rootfs/diff_ids/0"),
                refusal("base64", DocumentKind.DESCRIPTOR, d + ",\"data\":\"e30\"}", FormatReason.BAD_BASE64, "/data"));
    }

    private static org.junit.jupiter.params.provider.Arguments refusal(String label, DocumentKind<?> kind, String json,
            FormatReason reason, String location) {
        return org.junit.jupiter.params.provider.Arguments.of(label, kind, json, reason, location);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {3} at \"{4}\"")
    @org.junit.jupiter.params.provider.MethodSource("refusals")
    void everyRefusalCarriesAReasonALocationAndADetail(String label, DocumentKind<?> kind, String document,
            FormatReason reason, String location) {
        byte[] bytes = label.equals("not UTF-8") ? latin1(document) : utf8(document);
        assertThatThrownBy(() -> json.read(kind, bytes))
                .isInstanceOfSatisfying(ImageFormatException.class, e -> {
                    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
                    assertThat(e.location()).isEqualTo(location);
                    assertThat(e.detail()).isNotBlank().doesNotStartWith(location.isEmpty() ? "\u0000" : location);
                    assertThat(e.getMessage()).isEqualTo(location.isEmpty() ? e.detail() : location + ": " + e.detail());
                });
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> json.readManifest(utf8("{\n  \"schemaVersion\": 2,\n  \"config\": {,\n}")))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("malformed JSON")
                .hasMessageContaining("line 3, column");
    }

    @Test
    void anEmptyDocumentOrTrailingGarbageIsMalformed() {
        assertThatThrownBy(() -> json.readManifest(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> json.readLayoutHeader(utf8("{\"imageLayoutVersion\":\"1.0.0\"} {}")))
                .isInstanceOf(ImageFormatException.class);
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> json.readLayoutHeader(utf8("{\"imageLayoutVersion\":\"1.0.0\",\"imageLayoutVersion\":\"2\"}")))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("imageLayoutVersion");
    }

    @Test
    void aWrongJsonTypeNamesItsPointer() {
        assertThatThrownBy(() -> json.readManifest(utf8(manifestWithLayer(
                "{\"mediaType\":\"a/b\",\"digest\":42,\"size\":2}"))))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.location()).isEqualTo("/layers/2/digest"))
                .hasMessage("/layers/2/digest: expected a string, found number 42");
        assertThatThrownBy(() -> json.readManifest(utf8(manifestWithLayer(
                "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":\"2\"}"))))
                .hasMessageStartingWith("/layers/2/size: expected an integer");
        assertThatThrownBy(() -> json.readConfiguration(utf8(
                "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"A=1\",7]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}")))
                .hasMessageStartingWith("/config/Env/1: expected a string, found number 7");
        assertThatThrownBy(() -> json.readIndex(utf8("[]"))).hasMessageContaining("expected an object, found an array");
        assertThatThrownBy(() -> json.readIndex(utf8("{\"schemaVersion\":2,\"manifests\":{}}")))
                .hasMessageStartingWith("/manifests: expected an array, found an object");
    }

    @Test
    void aDigestOutsideTheGrammarIsAFormatError() {
        assertThatThrownBy(() -> json.readManifest(utf8(manifestWithLayer(
                "{\"mediaType\":\"a/b\",\"digest\":\"sha256:XYZ\",\"size\":2}"))))
                .isInstanceOfSatisfying(ImageFormatException.class,
                        e -> assertThat(e.location()).isEqualTo("/layers/2/digest"))
                .hasMessageContaining("64 lowercase hex");
        assertThatThrownBy(() -> json.readConfiguration(utf8(
                "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + SHA + "\",\"nocolon\"]}}")))
                .hasMessageStartingWith("/rootfs/diff_ids/1: ");
    }

    @Test
    void badBase64DataIsAFormatError() {
        assertThatThrownBy(() -> json.readDescriptor(utf8(
                "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2,\"data\":\"e30*\"}")))
                .hasMessageStartingWith("/data: expected base64");
        assertThatThrownBy(() -> json.readDescriptor(utf8(
                "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2,\"data\":\"e30\"}")))
                .hasMessageContaining("padded");
    }

    @Test
    void missingDigestOrSizeIsAFormatError() {
        assertThatThrownBy(() -> json.readDescriptor(utf8("{\"mediaType\":\"a/b\",\"size\":2}")))
                .hasMessageContaining("\"digest\" is missing");
        assertThatThrownBy(() -> json.readDescriptor(utf8("{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\"}")))
                .hasMessageContaining("\"size\" is missing");
        assertThatThrownBy(() -> json.readManifest(utf8("{\"schemaVersion\":2,\"layers\":[]}")))
                .hasMessageContaining("\"config\" is missing");
    }

    @Test
    void hugeNumbersAreRangeErrorsNotHangs() {
        for (String size : new String[] {"9223372036854775808", "1e400", "1e999999999", "-1e999999999",
                "123456789012345678901234567890"}) {
            assertThatThrownBy(() -> json.readDescriptor(utf8(
                    "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":" + size + "}")))
                    .as(size)
                    .isInstanceOf(ImageFormatException.class)
                    .hasMessageStartingWith("/size: number ")
                    .hasMessageContaining("out of range");
        }
        assertThatThrownBy(() -> json.readDescriptor(utf8(
                "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":1.5}")))
                .hasMessageStartingWith("/size: expected an integer");
        // A number too long to convert cheaply is kept as text, and out of range where an integer belongs.
        assertThatThrownBy(() -> json.readDescriptor(utf8(
                "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":" + "9".repeat(5000) + "}")))
                .isInstanceOf(ImageFormatException.class);
        assertThat(json.readDescriptor(utf8(
                "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":9223372036854775807}")).size())
                .isEqualTo(Long.MAX_VALUE);
        assertThat(json.readDescriptor(utf8(
                "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2.0e0}")).size()).isEqualTo(2);
    }

    @Test
    void deeplyNestedArraysFailWithoutStackOverflow() {
        String deep = "{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2,\"x\":"
                + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> json.readDescriptor(utf8(deep)))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("nests deeper than");
    }

    @Test
    void aHundredMegabyteStreamFailsAfterTheLimitWithoutReadingTheRest() {
        CountingStream in = new CountingStream(100L * 1024 * 1024);
        assertThatThrownBy(() -> json.readManifest(in))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("larger than the limit of 4194304 bytes");
        assertThat(in.served).isLessThan(5L * 1024 * 1024);
    }

    @Test
    void aHundredMegabyteFileIsRefusedByItsSizeBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("manifest.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024); // sparse: costs no disk
        }
        assertThatThrownBy(() -> json.readManifest(big))
                .isInstanceOf(ImageFormatException.class)
                .hasMessage("document is larger than the limit of 4194304 bytes, found 104857600 bytes");
    }

    @Test
    void theLimitCanBeRaisedOrLowered() throws IOException {
        byte[] header = utf8("{\"imageLayoutVersion\":\"1.0.0\"}");
        ImageJson tiny = ImageJson.withMaxDocumentSize(10);
        assertThat(tiny.maxDocumentSize()).isEqualTo(10);
        assertThatThrownBy(() -> tiny.readLayoutHeader(header)).hasMessageContaining("limit of 10 bytes");
        assertThatThrownBy(() -> tiny.readLayoutHeader(new java.io.ByteArrayInputStream(header)))
                .hasMessageContaining("limit of 10 bytes");
        assertThat(ImageJson.withMaxDocumentSize(header.length).readLayoutHeader(header).imageLayoutVersion())
                .isEqualTo("1.0.0");
        assertThatThrownBy(() -> ImageJson.withMaxDocumentSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Serves n bytes of '[' lazily, counting what was taken. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long served;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return '[';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            java.util.Arrays.fill(b, off, off + n, (byte) '[');
            served += n;
            return n;
        }
    }

    // The image and runtime models read through one codec core, so they agree on the edge cases below.

    @Test
    void aNumberTooLongToConvertIsKeptAsTextInAnUnknownMember() {
        String number = "1".repeat(1001);
        Descriptor d = json.readDescriptor(utf8("{\"mediaType\":\"a/b\",\"digest\":\"" + SHA + "\",\"size\":2,\"x\":"
                + number + "}"));
        assertThat(d.extensions()).containsEntry("x", number);
        assertThat(new String(json.write(d), StandardCharsets.UTF_8)).contains("\"x\":" + number);
    }

    @Test
    void aLoneSurrogateIsReadAndWrittenBackAsAnEscape() {
        // JSON allows escaping a lone surrogate though it is no character; written raw it would become "?" in UTF-8.
        Descriptor d = json.readDescriptor(utf8("{\"mediaType\":\"a/b\",\"digest\":\"" + SHA
                + "\",\"size\":2,\"annotations\":{\"k\":\"a\\udc00b\"}}"));
        assertThat(d.annotations()).containsEntry("k", "a\udc00b");
        assertThat(json.readDescriptor(json.write(d))).isEqualTo(d);
        assertThat(new String(json.write(d), StandardCharsets.UTF_8)).containsIgnoringCase("a\\udc00b").doesNotContain("?");
    }
}
