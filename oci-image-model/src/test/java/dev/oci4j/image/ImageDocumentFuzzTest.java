package dev.oci4j.image;

import dev.oci4j.testing.FuzzRuns;
import dev.oci4j.testing.JsonMutator;
import dev.oci4j.validation.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Fuzzing of every image document reader and validator (issue 7, defect 12): whatever the bytes,
 * {@link ImageJson} either reads a document or throws {@link ImageFormatException} with a location
 * and a message; {@link ImageValidator} never throws and reports an error for what cannot be read;
 * {@link ImageJson#sniff} fails only with the format exception; and every document that reads
 * comes back equal from its own output: read(write(read(x))) equals read(x).
 *
 * <p>Inputs are mutations of real documents (the spec's examples, golden files, Docker and umoci
 * output under {@code src/test/resources}) and random documents built from their member names; see
 * {@link JsonMutator}. A failure names the input, minimized, and how it was made.
 *
 * <p>CI runs a fixed seed with the tries set in {@code junit-platform.properties}. A long run:
 * <pre>
 * mvn -pl oci-image-model -am test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djqwik.tries.default=100000 -Doci4j.fuzz.seed=random
 * </pre>
 */
class ImageDocumentFuzzTest {

    private static final Map<String, byte[]> ALL_SEEDS = seeds();
    private static final Map<ImageDocument<?>, JsonMutator> BY_KIND = new LinkedHashMap<>();
    private static final JsonMutator ANY = new JsonMutator(ALL_SEEDS);

    static {
        for (ImageDocument<?> kind : ImageDocument.values()) {
            Map<String, byte[]> mine = new LinkedHashMap<>();
            ALL_SEEDS.forEach((name, bytes) -> {
                try {
                    if (ImageJson.sniff(bytes).filter(kind::equals).isPresent()) {
                        mine.put(name, bytes);
                    }
                } catch (ImageFormatException notJson) {
                    // only in the pool of every kind
                }
            });
            BY_KIND.put(kind, new JsonMutator(mine));
        }
    }

    @Provide
    Arbitrary<Long> trySeeds() {
        return Arbitraries.longs().map(s -> s ^ FuzzRuns.SALT);
    }

    // ---- mutations of real documents, each read as what it was

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void mutatedManifestsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        mutated(ImageDocument.MANIFEST, seed);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void mutatedIndexesReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        mutated(ImageDocument.INDEX, seed);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void mutatedConfigurationsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        mutated(ImageDocument.CONFIGURATION, seed);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void mutatedDescriptorsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        mutated(ImageDocument.DESCRIPTOR, seed);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void mutatedLayoutHeadersReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        mutated(ImageDocument.LAYOUT_HEADER, seed);
    }

    // ---- random documents made of the members each kind uses

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void randomManifestShapedDocumentsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        structured(ImageDocument.MANIFEST, seed);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void randomIndexShapedDocumentsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        structured(ImageDocument.INDEX, seed);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void randomConfigurationShapedDocumentsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        structured(ImageDocument.CONFIGURATION, seed);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void randomDescriptorShapedDocumentsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        structured(ImageDocument.DESCRIPTOR, seed);
    }

    // ---- any mutated document, read as every kind (a manifest handed to the index reader, ...)

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void anyMutatedDocumentReadAsAnyKindReadsOrFailsWithTheFormatException(@ForAll("trySeeds") long seed) {
        JsonMutator.Input in = ANY.mutate(seed);
        FuzzRuns.verify(in, in.bytes(), b -> {
            for (ImageDocument<?> kind : ImageDocument.values()) {
                check(kind, b);
            }
        });
    }

    private static void mutated(ImageDocument<?> kind, long seed) {
        JsonMutator.Input in = BY_KIND.get(kind).mutate(seed);
        FuzzRuns.verify(in, in.bytes(), b -> check(kind, b));
    }

    private static void structured(ImageDocument<?> kind, long seed) {
        JsonMutator.Input in = BY_KIND.get(kind).structured(seed);
        FuzzRuns.verify(in, in.bytes(), b -> check(kind, b));
    }

    // ---- the properties

    /** Everything one input must satisfy as a document of {@code kind}. */
    static <T> void check(ImageDocument<T> kind, byte[] bytes) {
        T value = null;
        try {
            value = ImageJson.read(kind, bytes);
        } catch (ImageFormatException e) {
            declared("read " + kind, e);
        }
        ValidationReport report = ImageValidator.validate(kind, bytes);
        if (report == null) {
            throw new AssertionError("validate(bytes, " + kind + ") returned null");
        }
        if (value == null) {
            if (report.errors().isEmpty()) {
                throw new AssertionError("validate(bytes, " + kind + ") found no error in a document the reader refuses");
            }
        } else {
            roundTrip(kind, value, bytes);
            if (validate(value) == null) {
                throw new AssertionError("validate(" + kind + ") returned null");
            }
        }
        try {
            ImageJson.sniff(bytes);
        } catch (ImageFormatException e) {
            declared("sniff", e);
        }
    }

    private static <T> void roundTrip(ImageDocument<T> kind, T value, byte[] original) {
        byte[] written = ImageJson.encode(kind, value).bytes();
        T again;
        try {
            again = ImageJson.read(kind, written);
        } catch (ImageFormatException e) {
            throw new AssertionError("round trip: " + kind + " output cannot be read back: " + e.getMessage()
                    + "\n  written: " + FuzzRuns.quote(written, 2000), e);
        }
        if (!again.equals(value)) {
            throw new AssertionError("round trip: read(write(read(x))) differs from read(x) for " + kind
                    + "\n  read(x):        " + value + "\n  read(write(..)): " + again
                    + "\n  written: " + FuzzRuns.quote(written, 2000));
        }
        byte[] kept = ImageJson.parse(kind, original).bytes();
        if (!Arrays.equals(kept, original)) {
            throw new AssertionError("parse did not keep the document's bytes");
        }
    }

    private static ValidationReport validate(Object value) {
        if (value instanceof ImageManifest m) {
            return ImageValidator.validate(m);
        }
        if (value instanceof ImageIndex i) {
            return ImageValidator.validate(i);
        }
        if (value instanceof ImageConfiguration c) {
            return ImageValidator.validate(c);
        }
        if (value instanceof Descriptor d) {
            return ImageValidator.validate(d);
        }
        return ImageValidator.validate((ImageLayoutHeader) value);
    }

    /** The declared exception must say where and what. */
    private static void declared(String step, ImageFormatException e) {
        if (e.location() == null || e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError(step + ": format exception without location or message: " + e, e);
        }
    }

    // ---- seeds

    private static Map<String, byte[]> seeds() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String dir : List.of("spec-examples", "golden", "valid", "invalid", "docker", "fuzz-seeds")) {
            URL url = ImageDocumentFuzzTest.class.getResource("/" + dir);
            if (url == null) {
                throw new IllegalStateException("test resources " + dir + " missing");
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    out.put(dir + "/" + f.getFileName(), Files.readAllBytes(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
