package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Seeded random documents built with the builders write, read back equal, re-write identically and pass the schemas. */
class RandomRoundTripTest {

    private static final long SEED = 0x0C14_2026L;
    private static final int ROUNDS = 150;
    private static final String[] MEDIA_TYPES = {
        "application/vnd.oci.image.layer.v1.tar", "application/vnd.oci.image.layer.v1.tar+gzip",
        "application/vnd.oci.image.layer.v1.tar+zstd", "application/vnd.example.thing.v1+json", "text/plain",
    };
    private static final String ODD = "aZ09 \"\\/\t\n\u0000\u001f\u00e9\u2603\ud83d\udc33<>&'=:.,-_";

    private final Random random = new Random(SEED);

    @Test
    void randomManifestsRoundTrip() {
        repeat(ImageDocument.MANIFEST, () -> {
            ImageManifest.Builder b = ImageManifest.builder().config(descriptor(false));
            if (random.nextBoolean()) {
                b.artifactType(MediaType.of(pick(MEDIA_TYPES)));
            }
            b.layers(list(() -> descriptor(false)));
            if (random.nextInt(4) == 0) {
                b.subject(descriptor(false));
            }
            return b.annotations(map()).extensions(extensions()).build();
        });
    }

    @Test
    void randomIndexesRoundTrip() {
        repeat(ImageDocument.INDEX, () -> ImageIndex.builder()
                .manifests(list(() -> descriptor(true)))
                .annotations(map())
                .extensions(extensions())
                .build());
    }

    @Test
    void randomConfigurationsRoundTrip() {
        repeat(ImageDocument.CONFIGURATION, () -> {
            ImageConfiguration.Builder b = ImageConfiguration.builder().platform(platform());
            if (random.nextBoolean()) {
                b.created(Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)));
            }
            if (random.nextBoolean()) {
                b.author(word());
            }
            ExecutionConfig.Builder e = ExecutionConfig.builder().env(list(this::text)).entrypoint(list(this::text))
                    .cmd(list(this::text)).labels(map()).exposedPorts(set()).volumes(set())
                    .extensions(extensions());
            if (random.nextBoolean()) {
                e.user(word()).workingDir("/" + text()).stopSignal("SIGTERM").argsEscaped(random.nextBoolean());
            }
            b.config(e.build());
            b.rootfs(RootFs.of(list(this::digest)));
            b.history(list(() -> History.builder().createdBy(word()).comment(word()).author(word())
                    .emptyLayer(random.nextBoolean()).build()));
            return b.extensions(extensions()).build();
        });
    }

    @Test
    void randomDescriptorsRoundTrip() {
        repeat(ImageDocument.DESCRIPTOR, () -> descriptor(true));
    }

    private <T> void repeat(ImageDocument<T> kind, Supplier<T> generator) {
        for (int i = 0; i < ROUNDS; i++) {
            T value = generator.get();
            byte[] bytes = ImageJson.encode(kind, value).bytes();
            T read = ImageJson.read(kind, bytes);
            assertThat(read).as("round %d of seed %d", i, SEED).isEqualTo(value);
            assertThat(read.hashCode()).isEqualTo(value.hashCode());
            assertThat(ImageJson.encode(kind, read).bytes()).isEqualTo(bytes);
            if (i % 10 == 0) {
                ImageSchemas.assertValid(kind, bytes);
            }
        }
    }

    private Descriptor descriptor(boolean mayHavePlatform) {
        byte[] content = new byte[random.nextInt(8)];
        random.nextBytes(content);
        Descriptor.Builder b = Descriptor.builder().mediaType(MediaType.of(pick(MEDIA_TYPES)))
                .digest(Digest.sha256(content)).size(random.nextInt(3) == 0 ? Long.MAX_VALUE : content.length);
        if (random.nextBoolean()) {
            b.data(content);
        }
        if (random.nextInt(3) == 0) {
            b.urls(list(() -> "https://example.com/" + random.nextInt(1000)));
        }
        if (mayHavePlatform && random.nextBoolean()) {
            b.platform(platform());
        }
        if (random.nextInt(4) == 0) {
            b.artifactType(MediaType.of(pick(MEDIA_TYPES)));
        }
        return b.annotations(map()).extensions(extensions()).build();
    }

    private Platform platform() {
        Platform.Builder b = Platform.builder().os(pick(new String[] {"linux", "windows", "freebsd"}))
                .architecture(pick(new String[] {"amd64", "arm64", "arm", "s390x"}));
        if (random.nextBoolean()) {
            b.variant("v" + (6 + random.nextInt(3)));
        }
        if (random.nextInt(4) == 0) {
            b.osVersion("10.0." + random.nextInt(20000)).osFeatures(list(this::text));
        }
        return b.build();
    }

    private Digest digest() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Digest.parse("sha256:" + HexFormat.of().formatHex(b));
    }

    /** Text that is never empty: an empty scalar is refused by the builders (use the clearer). */
    private String word() {
        String t = text();
        return t.isEmpty() ? "w" : t;
    }

    private String text() {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int start = random.nextInt(ODD.length());
            char c = ODD.charAt(start);
            if (Character.isHighSurrogate(c) && start + 1 < ODD.length()) {
                s.append(c).append(ODD.charAt(start + 1));
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    private <T> List<T> list(Supplier<T> element) {
        List<T> out = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            out.add(element.get());
        }
        return out;
    }

    private Set<String> set() {
        return new LinkedHashSet<>(list(this::text));
    }

    private Map<String, String> map() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            out.put(text(), text());
        }
        return out;
    }

    private Map<String, String> extensions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String raw = switch (random.nextInt(5)) {
                case 0 -> "null";
                case 1 -> Long.toString(random.nextLong());
                case 2 -> "[1,\"two\",{\"three\":[]}]";
                case 3 -> "{\"k\":true}";
                default -> "\"" + random.nextInt() + "\"";
            };
            out.put("x-" + random.nextInt(100), raw);
        }
        return out;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
