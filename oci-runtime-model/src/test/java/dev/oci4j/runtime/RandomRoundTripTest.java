package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random documents survive write, read and write again unchanged, and satisfy the schema. */
class RandomRoundTripTest {

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomSpecRoundTrips(long seed) {
        Spec spec = new RandomSpecs(seed).spec();
        byte[] json = RuntimeJson.write(spec);
        Spec read = RuntimeJson.readSpec(json);
        assertThat(read).isEqualTo(spec);
        assertThat(read.hashCode()).isEqualTo(spec.hashCode());
        assertThat(RuntimeJson.write(read)).isEqualTo(json);
        assertThat(RuntimeJson.readSpec(RuntimeJson.writeIndented(spec))).isEqualTo(spec);
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        RuntimeSchema.assertValidConfig(json);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomStateAndFeaturesRoundTrip(long seed) {
        RandomSpecs random = new RandomSpecs(seed);
        State state = random.state();
        byte[] json = RuntimeJson.write(state);
        assertThat(RuntimeJson.readState(json)).isEqualTo(state);
        assertThat(RuntimeJson.write(RuntimeJson.readState(json))).isEqualTo(json);
        RuntimeSchema.assertValidState(json);
        Features features = random.features();
        byte[] fjson = RuntimeJson.write(features);
        assertThat(RuntimeJson.readFeatures(fjson)).isEqualTo(features);
        assertThat(RuntimeJson.write(RuntimeJson.readFeatures(fjson))).isEqualTo(fjson);
    }
}
