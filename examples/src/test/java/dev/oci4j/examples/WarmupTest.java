package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A warm-up swallows its failures at run time, so a broken one would go unnoticed: each must work. */
class WarmupTest {

    @Test
    void everyWarmupWorks() {
        for (String verb : List.of("build", "spec", "validate")) {
            Warmup warmup = Warmup.of(verb);
            assertThat(warmup).as(verb).isNotNull();
            warmup.work();
        }
    }

    @Test
    void versionHelpAndContainerVerbsStartNoThread() {
        for (String verb : List.of("--version", "help", "-h", "ps", "kill", "registry", "nope")) {
            assertThat(Warmup.of(verb)).as(verb).isNull();
        }
    }
}
