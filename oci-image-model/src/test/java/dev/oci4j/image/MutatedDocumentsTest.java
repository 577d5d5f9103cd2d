package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.oci4j.validation.ValidationReport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of the spec's examples and the other test documents: whatever the bytes,
 * every reader either reads or throws {@link ImageFormatException}, the validator returns a report,
 * and what is read writes back to an equal value. A short, fixed run; the property-based fuzzing
 * lives elsewhere.
 */
class MutatedDocumentsTest {

    private static final long SEED = 0x0C14_0007L;
    private static final int MUTANTS_PER_DOCUMENT = 10;

    /** Tokens that broke parsers before: numbers out of every range, nesting, odd strings. */
    private static final String[] TOKENS = {
        "1e9999999999", "-1e9999999999", "1e-9999999999", "99999999999999999999999", "1.5", "-0", "NaN",
        "null", "true", "[]", "{}", "[[[[[[[[", "]]]]", "{\"a\":", "\"\"", "\"\\u0000\"", "\"\\ud800\"", ",",
        ":", "\"sha256:" + "0".repeat(63) + "\"", "\"sha512:abc\"", "\"e30\"", "\"" + "\u00e9".repeat(3) + "\"",
        "9".repeat(2000), "\"1970-01-01T00:00:00Z\"", "\"x\":1,\"x\":2",
    };

    private final Random random = new Random(SEED);
    private final ImageJson json = ImageJson.standard();

    @Test
    void mutatedDocumentsAreReadOrRefusedAndAlwaysValidated() throws IOException, URISyntaxException {
        List<byte[]> originals = corpus();
        assertThat(originals).hasSizeGreaterThan(30);
        int read = 0;
        int refused = 0;
        for (byte[] original : originals) {
            for (int i = 0; i < MUTANTS_PER_DOCUMENT; i++) {
                byte[] mutant = mutate(original);
                for (DocumentKind<?> kind : DocumentKind.values()) {
                    if (check(kind, mutant)) {
                        read++;
                    } else {
                        refused++;
                    }
                }
                Throwable sniffed = catchThrowable(() -> json.sniff(mutant));
                assertThat(sniffed).as(describe(mutant)).satisfiesAnyOf(
                        t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ImageFormatException.class));
            }
        }
        // Both sides of the reader were exercised, not just the error path.
        assertThat(read).isGreaterThan(50);
        assertThat(refused).isGreaterThan(50);
    }

    /** Reads, round-trips and validates one mutant as {@code kind}; true when it was read. */
    private <T> boolean check(DocumentKind<T> kind, byte[] mutant) {
        T value = null;
        try {
            value = json.read(kind, mutant);
        } catch (ImageFormatException expected) {
            assertThat(expected.location()).isNotNull();
        } catch (RuntimeException e) {
            throw new AssertionError("reading " + kind + " threw " + e + " for " + describe(mutant), e);
        }
        ValidationReport report;
        try {
            report = ImageValidator.validate(mutant, kind);
        } catch (RuntimeException e) {
            throw new AssertionError("validating " + kind + " threw " + e + " for " + describe(mutant), e);
        }
        if (value == null) {
            assertThat(report.isValid()).as(describe(mutant)).isFalse();
            return false;
        }
        byte[] written = json.encode(kind, value).bytes();
        assertThat(json.read(kind, written)).as(describe(mutant)).isEqualTo(value);
        return true;
    }

    private byte[] mutate(byte[] original) {
        byte[] b = original.clone();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            int at = b.length == 0 ? 0 : random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> { // flip a byte
                    if (b.length > 0) {
                        b[at] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> b = splice(b, at, random.nextInt(8), new byte[0]); // delete a few bytes
                case 2 -> b = splice(b, at, 0, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 3 -> b = replaceValue(b, TOKENS[random.nextInt(TOKENS.length)]);
                case 4 -> { // duplicate a span
                    int len = Math.min(b.length - at, random.nextInt(40));
                    b = splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
                }
                default -> b = Arrays.copyOf(b, at); // truncate
            }
        }
        return b;
    }

    /** Replaces the value after a random ':' (up to the next ',' or '}') with a token: type confusion. */
    private byte[] replaceValue(byte[] b, String token) {
        List<Integer> colons = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
            if (b[i] == ':') {
                colons.add(i);
            }
        }
        if (colons.isEmpty()) {
            return b;
        }
        int start = colons.get(random.nextInt(colons.size())) + 1;
        int end = start;
        while (end < b.length && b[end] != ',' && b[end] != '}' && b[end] != ']') {
            end++;
        }
        return splice(b, start, end - start, token.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        int cut = Math.min(remove, b.length - at);
        byte[] out = new byte[b.length - cut + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + cut, out, at + insert.length, b.length - at - cut);
        return out;
    }

    private static String describe(byte[] mutant) {
        String text = new String(mutant, StandardCharsets.UTF_8);
        return text.length() <= 600 ? text : text.substring(0, 600) + "... (" + mutant.length + " bytes)";
    }

    private static List<byte[]> corpus() throws IOException, URISyntaxException {
        List<byte[]> out = new ArrayList<>();
        for (String dir : new String[] {"/spec-examples", "/valid", "/docker", "/golden", "/invalid"}) {
            Path root = Path.of(MutatedDocumentsTest.class.getResource(dir).toURI());
            try (Stream<Path> files = Files.list(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    out.add(Files.readAllBytes(f));
                }
            }
        }
        return out;
    }
}
