package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.validation.FormatReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {

    private static final String EMPTY_JSON_SHA256 =
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    @Test
    void sha256OfTheEmptyJsonObjectIsTheSpecsEmptyDescriptorDigest() {
        assertThat(Digest.sha256("{}".getBytes(StandardCharsets.UTF_8)))
                .hasToString(EMPTY_JSON_SHA256);
    }

    @Test
    void registeredAlgorithmsNeedLowercaseHexOfTheRightLength() {
        assertThatThrownBy(() -> Digest.parse("sha256:ABC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lowercase hex");
        assertThatThrownBy(() -> Digest.parse("sha512:" + "a".repeat(64)))
                .hasMessageContaining("128 lowercase hex");
        assertThat(Digest.isValid(EMPTY_JSON_SHA256.toUpperCase())).isFalse();
    }

    @Test
    void unknownAlgorithmsThatFitTheGrammarAreAcceptedAsOpaque() {
        Digest d = Digest.parse("multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8");
        assertThat(d.algorithm()).isEqualTo("multihash+base58");
        assertThat(d.isVerifiable()).isFalse();
        assertThat(Digest.isValid("sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564")).isTrue();
    }

    @Test
    void textOutsideTheGrammarIsRejected() {
        assertThat(Digest.problemWith("sha256")).get().asString().contains("no ':'");
        assertThat(Digest.isValid("SHA256:abc")).isFalse();
        assertThat(Digest.isValid("sha256:")).isFalse();
        assertThat(Digest.isValid("sha256:abc/def")).isFalse();
        assertThat(Digest.isValid("sha__256:abc")).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} breaks {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "sha256                                  | BAD_DIGEST_GRAMMAR",
        "SHA256:abc                              | BAD_DIGEST_GRAMMAR",
        "sha__256:abc                            | BAD_DIGEST_GRAMMAR",
        "sha256:                                 | BAD_DIGEST_GRAMMAR",
        "sha256:abc/def                          | BAD_DIGEST_GRAMMAR",
        "needs:abc/def                           | BAD_DIGEST_GRAMMAR",
        "sha256:abc                              | BAD_DIGEST_ENCODING",
        "sha256:ABCDEF                           | BAD_DIGEST_ENCODING",
        "sha512:abc                              | BAD_DIGEST_ENCODING",
    })
    void aRejectedDigestSaysWhyAsAReason(String text, FormatReason reason) {
        assertThatThrownBy(() -> Digest.parse(text))
                .isInstanceOfSatisfying(DigestFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .isInstanceOf(IllegalArgumentException.class);
        int colon = text.indexOf(':');
        if (colon > 0) {
            assertThatThrownBy(() -> Digest.of(text.substring(0, colon), text.substring(colon + 1)))
                    .isInstanceOfSatisfying(DigestFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        }
        assertThat(Digest.isValid(text)).isFalse();
    }

    @Test
    void streamsDigestWhatPassesThrough() throws Exception {
        byte[] content = "{}".getBytes(StandardCharsets.UTF_8);
        var sink = new ByteArrayOutputStream();
        try (var out = new DigestingOutputStream(sink)) {
            out.write(content);
            assertThat(out.digest()).hasToString(EMPTY_JSON_SHA256);
            assertThat(out.size()).isEqualTo(2);
        }
        try (var in = DigestingInputStream.verifying(
                new ByteArrayInputStream(content), Digest.parse(EMPTY_JSON_SHA256), 2)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
            assertThat(in.digest()).hasToString(EMPTY_JSON_SHA256);
        }
    }

    @Test
    void verificationFailsOnWrongContentOrSize() {
        Digest expected = Digest.parse(EMPTY_JSON_SHA256);
        assertThatThrownBy(() -> DigestingInputStream.verifying(
                new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)), expected, 2).readAllBytes())
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("expected " + EMPTY_JSON_SHA256);
        assertThatThrownBy(() -> DigestingInputStream.verifying(
                new ByteArrayInputStream("{} ".getBytes(StandardCharsets.UTF_8)), expected, 2).readAllBytes())
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("longer than the expected 2 bytes");
    }

    @Test
    void aMismatchSwallowedByAnIntermediateReaderStillFailsLaterReadsAndClose() throws Exception {
        byte[] gzip;
        var bytes = new ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        gzip = bytes.toByteArray();
        Digest wrong = Digest.sha256(new byte[0]);
        var verifying = DigestingInputStream.verifying(new ByteArrayInputStream(gzip), wrong, gzip.length);
        // GZIPInputStream swallows IOExceptions while probing for a next member after the trailer.
        assertThatThrownBy(() -> {
            try (var in = new java.util.zip.GZIPInputStream(verifying)) {
                in.readAllBytes();
            }
        }).isInstanceOf(DigestMismatchException.class);
        assertThatThrownBy(verifying::read).isInstanceOf(DigestMismatchException.class);
    }
}
