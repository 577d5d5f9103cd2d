package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What this model writes satisfies the official runtime-spec JSON schema. */
class SchemaConformanceTest {

    @BeforeEach
    void schemaIsInstalled() {
        RuntimeSchema.require();
    }

    @Test
    void defaultLinuxSpecIsSchemaValid() {
        RuntimeSchema.assertValidConfig(RuntimeJson.write(Specs.defaultLinux()));
    }

    @Test
    void rootlessSpecIsSchemaValid() {
        RuntimeSchema.assertValidConfig(RuntimeJson.write(Specs.rootless(1000, 1000)));
    }

    @Test
    void theSchemaCatchesAMissingOciVersion() {
        // Guards against a validator that silently accepts everything (for example unresolved $refs).
        byte[] json = "{\"root\":{\"path\":\"rootfs\"},\"process\":{\"cwd\":\"/\",\"rlimits\":[{\"type\":\"nofile\"}]}}".getBytes();
        assertThat(RuntimeSchema.configErrors(json)).anyMatch(e -> e.contains("ociVersion"))
                .anyMatch(e -> e.startsWith("$.process.rlimits[0]"));
    }
}
