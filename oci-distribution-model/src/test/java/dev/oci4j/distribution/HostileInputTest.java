package dev.oci4j.distribution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of valid inputs: every parser either reads the input or refuses it with
 * {@link DistributionFormatException}, never with any other exception.
 */
class HostileInputTest {

    private static final long SEED = 0x0C14_2024L;
    private static final int ROUNDS = 3000;
    private static final String ALPHABET = "aZ09:/@.[]_-=\",;<> \\\u0000\u00e9{}\n%*+";

    @Test
    void referencesAreReadOrRefusedWithTheFormatException() {
        fuzz(List.of("busybox", "localhost:5000/a/b:tag@sha256:" + "a".repeat(64), "[::1]:5000/x",
                "index.docker.io/library/busybox:1"), Reference::parse);
    }

    @Test
    void challengesAreReadOrRefusedWithTheFormatException() {
        fuzz(List.of("Bearer realm=\"https://a/t\",service=\"r\",scope=\"repository:a:pull\"",
                "Basic realm=\"x\", Negotiate abc==", "Bearer a=b, c=\"d\\\"\""), AuthChallenge::parseAll);
    }

    @Test
    void linksAndRangesAreReadOrRefusedWithTheFormatException() {
        URI base = URI.create("http://127.0.0.1/v2/a/tags/list");
        fuzz(List.of("</v2/a/tags/list?n=2&last=b>; rel=\"next\"", "<x>; rel=prev, <y>; rel=next"),
                s -> Link.next(s, base));
        fuzz(List.of("0-1023", "bytes=5-9"), ContentRange::parseUploadRange);
        fuzz(List.of("bytes 0-1023/2048", "bytes 1-2/*"), ContentRange::parse);
    }

    @Test
    void bodiesAreReadOrRefusedWithTheFormatException() {
        DistributionJson json = DistributionJson.standard();
        List<String> errors = List.of("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"m\",\"detail\":{\"a\":[1,2.5]}}]}");
        fuzz(errors, s -> json.readErrorResponse(s.getBytes(UTF_8)));
        fuzz(List.of("{\"name\":\"a\",\"tags\":[\"x\",\"y\"]}"), s -> json.readTagList(s.getBytes(UTF_8)));
        fuzz(List.of("{\"repositories\":[\"x\"]}"), s -> json.readCatalog(s.getBytes(UTF_8)));
        fuzz(List.of("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":\"sha256:" + "a".repeat(64)
                + "\",\"size\":1}]}"), s -> json.readReferrers(s.getBytes(UTF_8)));
    }

    private static void fuzz(List<String> seeds, Consumer<String> parser) {
        Random random = new Random(SEED);
        int refused = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                parser.accept(input);
            } catch (DistributionFormatException expected) {
                refused++;
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                throw new AssertionError("input " + escape(input) + " failed with " + e, e);
            }
        }
        assertThat(refused).as("some mutations must be refused").isPositive();
    }

    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length() + 1);
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(5)) {
                case 0 -> sb.insert(at, c);
                case 1 -> { if (at < sb.length()) sb.deleteCharAt(at); }
                case 2 -> { if (at < sb.length()) sb.setCharAt(at, c); }
                case 3 -> sb.insert(at, String.valueOf(c).repeat(1 + random.nextInt(300)));
                default -> { if (at < sb.length()) sb.setLength(at); }
            }
        }
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }
}
