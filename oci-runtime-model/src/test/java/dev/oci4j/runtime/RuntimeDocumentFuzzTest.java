package dev.oci4j.runtime;

import dev.oci4j.testing.FuzzRuns;
import dev.oci4j.testing.JsonMutator;
import dev.oci4j.validation.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Fuzzing of every runtime document reader and validator (issue 7, defect 12): whatever the bytes,
 * {@link RuntimeJson} reads a config.json, state or features document or throws
 * {@link RuntimeFormatException} with a location and a message; {@link RuntimeValidator} never
 * throws, for any target platform, and reports an error for what cannot be read;
 * {@link RuntimeJson#sniff} fails only with the format exception; and every document that reads
 * comes back equal from its compact and its indented output: read(write(read(x))) equals read(x).
 *
 * <p>Inputs are mutations of real documents ({@code runc spec}, {@code crun spec},
 * {@code runc features}, the golden and per-rule documents under {@code src/test/resources},
 * {@link RandomSpecs} output) and random documents built from their member names; see
 * {@link JsonMutator}. A failure names the input, minimized, and how it was made.
 *
 * <p>CI runs a fixed seed with the tries set in {@code junit-platform.properties}. A long run:
 * <pre>
 * mvn -pl oci-runtime-model test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Djqwik.tries.default=100000 -Doci4j.fuzz.seed=random
 * </pre>
 */
class RuntimeDocumentFuzzTest {

    private static final List<String> PLATFORMS = List.of("linux", "windows", "solaris", "zos", "freebsd", "plan9");
    private static final Map<String, byte[]> ALL_SEEDS = seeds();
    private static final JsonMutator CONFIGS = mutator(RuntimeJson.DocumentKind.CONFIG);
    private static final JsonMutator STATES = mutator(RuntimeJson.DocumentKind.STATE);
    private static final JsonMutator FEATURES = mutator(RuntimeJson.DocumentKind.FEATURES);
    private static final JsonMutator ANY = new JsonMutator(ALL_SEEDS);

    @Provide
    Arbitrary<Long> trySeeds() {
        return Arbitraries.longs().map(s -> s ^ FuzzRuns.SALT);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void mutatedConfigsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        JsonMutator.Input in = CONFIGS.mutate(seed);
        FuzzRuns.verify(in, in.bytes(), RuntimeDocumentFuzzTest::checkConfig);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void mutatedStatesReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        JsonMutator.Input in = STATES.mutate(seed);
        FuzzRuns.verify(in, in.bytes(), RuntimeDocumentFuzzTest::checkState);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void mutatedFeaturesReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        JsonMutator.Input in = FEATURES.mutate(seed);
        FuzzRuns.verify(in, in.bytes(), RuntimeDocumentFuzzTest::checkFeatures);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void randomConfigShapedDocumentsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        JsonMutator.Input in = CONFIGS.structured(seed);
        FuzzRuns.verify(in, in.bytes(), RuntimeDocumentFuzzTest::checkConfig);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void randomStateShapedDocumentsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        JsonMutator.Input in = STATES.structured(seed);
        FuzzRuns.verify(in, in.bytes(), RuntimeDocumentFuzzTest::checkState);
    }

    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void randomFeaturesShapedDocumentsReadOrFailWithTheFormatException(@ForAll("trySeeds") long seed) {
        JsonMutator.Input in = FEATURES.structured(seed);
        FuzzRuns.verify(in, in.bytes(), RuntimeDocumentFuzzTest::checkFeatures);
    }

    /** A config handed to the state reader, a state to the features reader, and so on. */
    @Property(seed = FuzzRuns.SEED, shrinking = ShrinkingMode.OFF)
    void anyMutatedDocumentReadAsAnyKindReadsOrFailsWithTheFormatException(@ForAll("trySeeds") long seed) {
        JsonMutator.Input in = ANY.mutate(seed);
        FuzzRuns.verify(in, in.bytes(), b -> {
            checkConfig(b);
            checkState(b);
            checkFeatures(b);
        });
    }

    // ---- the properties

    static void checkConfig(byte[] bytes) {
        Spec spec = read("readSpec", bytes, RuntimeJson::readSpec);
        for (String os : PLATFORMS) {
            ValidationReport r = os.equals("linux") ? RuntimeValidator.validate(bytes) : RuntimeValidator.validate(bytes, os);
            notNull(r, "validate(bytes, " + os + ")");
            if (spec == null && r.errors().isEmpty()) {
                throw new AssertionError("validate(bytes, " + os + ") found no error in a config the reader refuses");
            }
        }
        if (spec != null) {
            roundTrip("config", spec, RuntimeJson.write(spec), RuntimeJson::readSpec);
            roundTrip("config, indented", spec, RuntimeJson.writeIndented(spec), RuntimeJson::readSpec);
            notNull(RuntimeValidator.validate(spec), "validate(spec)");
            for (String os : PLATFORMS) {
                notNull(RuntimeValidator.validate(spec, os), "validate(spec, " + os + ")");
            }
        }
        sniff(bytes);
    }

    static void checkState(byte[] bytes) {
        State state = read("readState", bytes, RuntimeJson::readState);
        ValidationReport r = notNull(RuntimeValidator.validateState(bytes), "validateState(bytes)");
        if (state == null && r.errors().isEmpty()) {
            throw new AssertionError("validateState(bytes) found no error in a state the reader refuses");
        }
        if (state != null) {
            roundTrip("state", state, RuntimeJson.write(state), RuntimeJson::readState);
            roundTrip("state, indented", state, RuntimeJson.writeIndented(state), RuntimeJson::readState);
            for (String os : PLATFORMS) {
                notNull(RuntimeValidator.validateState(state, os), "validateState(state, " + os + ")");
            }
        }
        sniff(bytes);
    }

    static void checkFeatures(byte[] bytes) {
        Features features = read("readFeatures", bytes, RuntimeJson::readFeatures);
        if (features != null) {
            roundTrip("features", features, RuntimeJson.write(features), RuntimeJson::readFeatures);
            roundTrip("features, indented", features, RuntimeJson.writeIndented(features), RuntimeJson::readFeatures);
        }
        sniff(bytes);
    }

    private static <T> T read(String step, byte[] bytes, Function<byte[], T> reader) {
        try {
            return reader.apply(bytes);
        } catch (RuntimeFormatException e) {
            declared(step, e);
            return null;
        }
    }

    private static void sniff(byte[] bytes) {
        try {
            RuntimeJson.sniff(bytes);
        } catch (RuntimeFormatException e) {
            declared("sniff", e);
        }
    }

    private static <T> void roundTrip(String what, T value, byte[] written, Function<byte[], T> reader) {
        T again;
        try {
            again = reader.apply(written);
        } catch (RuntimeFormatException e) {
            throw new AssertionError("round trip: " + what + " output cannot be read back: " + e.getMessage()
                    + "\n  written: " + FuzzRuns.quote(written, 2000), e);
        }
        if (!again.equals(value)) {
            throw new AssertionError("round trip: read(write(read(x))) differs from read(x) for " + what
                    + "\n  read(x):        " + FuzzRuns.shorten(value.toString(), 2000)
                    + "\n  read(write(..)): " + FuzzRuns.shorten(again.toString(), 2000)
                    + "\n  written: " + FuzzRuns.quote(written, 2000));
        }
    }

    private static ValidationReport notNull(ValidationReport r, String what) {
        if (r == null) {
            throw new AssertionError(what + " returned null");
        }
        return r;
    }

    /** The declared exception must say where and what. */
    private static void declared(String step, RuntimeFormatException e) {
        if (e.location() == null || e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError(step + ": format exception without location or message: " + e, e);
        }
    }

    // ---- seeds

    private static JsonMutator mutator(RuntimeJson.DocumentKind kind) {
        Map<String, byte[]> mine = new LinkedHashMap<>();
        ALL_SEEDS.forEach((name, bytes) -> {
            try {
                if (RuntimeJson.sniff(bytes) == kind) {
                    mine.put(name, bytes);
                }
            } catch (RuntimeFormatException notJson) {
                // only in the pool of every kind
            }
        });
        return new JsonMutator(mine);
    }

    private static Map<String, byte[]> seeds() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String dir : List.of("golden", "invalid", "fuzz-seeds")) {
            URL url = RuntimeDocumentFuzzTest.class.getResource("/" + dir);
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
        // Documents that set every member of the model, which no tool's output does.
        for (long s = 1; s <= 8; s++) {
            RandomSpecs random = new RandomSpecs(s);
            out.put("RandomSpecs(" + s + ").spec()", RuntimeJson.write(random.spec()));
            out.put("RandomSpecs(" + s + ").state()", RuntimeJson.write(random.state()));
            out.put("RandomSpecs(" + s + ").features()", RuntimeJson.write(random.features()));
        }
        return out;
    }
}
