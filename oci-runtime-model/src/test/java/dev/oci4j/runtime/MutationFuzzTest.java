package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random mutations of every runtime document in the test resources (the failing-document
 * corpus, the golden config, runc's features): whatever the bytes, the readers throw nothing but
 * {@link RuntimeFormatException}, the validators throw nothing at all, and what reads writes back
 * to an equal value. A failure prints the seed and the mutant, so it replays. Longer runs:
 * {@code -Doci4j.fuzz.mutants=20000 -Doci4j.fuzz.seed=N}.
 */
class MutationFuzzTest {

    private static final long SEED = Long.getLong("oci4j.fuzz.seed", 20240607L);
    private static final int MUTANTS_PER_DOCUMENT = Integer.getInteger("oci4j.fuzz.mutants", 10);

    private static final String[] TOKENS = {
        "1e9999999999", "-1e9999999999", "1e-9999999999", "1E+2147483648", "1e99999999", "18446744073709551616",
        "18446744073709551615", "-9223372036854775809", "4294967296", "-1", "1.5", "-0", "0.0", "1e3",
        "9".repeat(5000), "0." + "1".repeat(2000), "{", "}", "[", "]", ",", ":", "\"", "null", "true", "false",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\uZZZZ\"", "\\", "\"a\":1,", "\"a\":1,\"a\":2,",
        "[".repeat(70), "{\"x\":".repeat(70), "NaN", "Infinity", "0x10", "01", "\t", "\u00e9", "\u2028",
    };

    private static final byte[][] RAW = {
        {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF}, {0, 0, (byte) 0xFE, (byte) 0xFF},
    };

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*+\""); // escapes ignored: close enough to pick a string

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void noInputMakesAReaderThrowAnythingButItsFormatExceptionOrAValidatorThrowAtAll() {
        List<Path> documents = documents();
        assertThat(documents).hasSizeGreaterThan(50);
        Random random = new Random(SEED);
        int mutants = 0;
        for (Path document : documents) {
            byte[] original = read(document);
            check(document, -1, original); // the unmutated document too
            for (int i = 0; i < MUTANTS_PER_DOCUMENT; i++) {
                long seed = random.nextLong();
                check(document, seed, mutate(original, new Random(seed)));
                mutants++;
            }
        }
        assertThat(mutants).isEqualTo(documents.size() * MUTANTS_PER_DOCUMENT);
    }

    private static void check(Path document, long seed, byte[] json) {
        String replay = document.getFileName() + " mutant seed " + seed;
        Spec spec = readOrFormatError(replay, json, () -> RuntimeJson.readSpec(json));
        State state = readOrFormatError(replay, json, () -> RuntimeJson.readState(json));
        Features features = readOrFormatError(replay, json, () -> RuntimeJson.readFeatures(json));
        readOrFormatError(replay, json, () -> RuntimeJson.sniff(json));
        readOrFormatError(replay, json, () -> {
            try {
                return RuntimeJson.readSpec(new ByteArrayInputStream(json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        neverThrows(replay, json, () -> RuntimeValidator.validate(json));
        neverThrows(replay, json, () -> RuntimeValidator.validate(json, "windows"));
        neverThrows(replay, json, () -> RuntimeValidator.validate(json, "solaris"));
        neverThrows(replay, json, () -> RuntimeValidator.validate(json, "zos"));
        neverThrows(replay, json, () -> RuntimeValidator.validateState(json));

        if (spec != null) {
            neverThrows(replay, json, () -> RuntimeValidator.validate(spec));
            assertThat(neverThrows(replay, json, () -> RuntimeJson.readSpec(RuntimeJson.write(spec))))
                    .as("%s: read(write(read(x))) equals read(x)%n%s", replay, text(json)).isEqualTo(spec);
            assertThat(neverThrows(replay, json, () -> RuntimeJson.readSpec(RuntimeJson.writeIndented(spec))))
                    .as("%s: indented round trip%n%s", replay, text(json)).isEqualTo(spec);
        }
        if (state != null) {
            neverThrows(replay, json, () -> RuntimeValidator.validateState(state));
            assertThat(neverThrows(replay, json, () -> RuntimeJson.readState(RuntimeJson.write(state))))
                    .as("%s: state round trip%n%s", replay, text(json)).isEqualTo(state);
        }
        if (features != null) {
            assertThat(neverThrows(replay, json, () -> RuntimeJson.readFeatures(RuntimeJson.write(features))))
                    .as("%s: features round trip%n%s", replay, text(json)).isEqualTo(features);
        }
    }

    /** The value, or null after a RuntimeFormatException; any other exception fails the test. */
    private static <T> T readOrFormatError(String replay, byte[] json, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeFormatException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.location()).as("%s: %s", replay, e.getMessage()).matches("|/.*");
            assertThat(e.detail()).isNotBlank();
            return null;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(replay + ": a reader threw " + e + " on\n" + text(json), e);
        }
    }

    private static <T> T neverThrows(String replay, byte[] json, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            throw new AssertionError(replay + ": threw " + e + " on\n" + text(json), e);
        }
    }

    // ---- mutations

    static byte[] mutate(byte[] original, Random random) {
        byte[] out = original;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            out = switch (random.nextInt(8)) {
                case 0 -> flipByte(out, random);
                case 1 -> deleteRange(out, random);
                case 2 -> duplicateRange(out, random);
                case 3 -> insert(out, random.nextInt(out.length + 1), utf8(TOKENS[random.nextInt(TOKENS.length)]));
                case 4 -> insert(out, random.nextInt(out.length + 1), RAW[random.nextInt(RAW.length)]);
                case 5 -> replaceMatch(out, NUMBER, TOKENS[random.nextInt(16)], random);
                case 6 -> replaceMatch(out, STRING, TOKENS[random.nextInt(TOKENS.length)], random);
                default -> Arrays.copyOf(out, random.nextInt(out.length + 1));
            };
        }
        return out;
    }

    private static byte[] flipByte(byte[] in, Random random) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        return out;
    }

    private static byte[] deleteRange(byte[] in, Random random) {
        if (in.length == 0) {
            return in;
        }
        int from = random.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + random.nextInt(16));
        byte[] out = new byte[in.length - (to - from)];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(in, to, out, from, in.length - to);
        return out;
    }

    private static byte[] duplicateRange(byte[] in, Random random) {
        if (in.length == 0) {
            return in;
        }
        int from = random.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + random.nextInt(64));
        return insert(in, to, Arrays.copyOfRange(in, from, to));
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    /** Replaces one random match of {@code pattern} (a number, a string) with {@code token}. */
    private static byte[] replaceMatch(byte[] in, Pattern pattern, String token, Random random) {
        String text = new String(in, StandardCharsets.ISO_8859_1); // byte for byte
        List<int[]> matches = new ArrayList<>();
        for (Matcher m = pattern.matcher(text); m.find(); ) {
            matches.add(new int[] {m.start(), m.end()});
        }
        if (matches.isEmpty()) {
            return in;
        }
        int[] m = matches.get(random.nextInt(matches.size()));
        byte[] head = Arrays.copyOfRange(in, 0, m[0]);
        byte[] tail = Arrays.copyOfRange(in, m[1], in.length);
        return insert(insert(head, head.length, utf8(token)), head.length + utf8(token).length, tail);
    }

    // ---- documents

    private static List<Path> documents() {
        try {
            List<Path> out = new ArrayList<>();
            for (String dir : List.of("/invalid", "/golden", "/tools")) {
                try (Stream<Path> files = Files.list(Path.of(MutationFuzzTest.class.getResource(dir).toURI()))) {
                    files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] json) {
        String s = new String(json, StandardCharsets.UTF_8);
        return s.length() > 4000 ? s.substring(0, 4000) + "... (" + json.length + " bytes)" : s;
    }
}
