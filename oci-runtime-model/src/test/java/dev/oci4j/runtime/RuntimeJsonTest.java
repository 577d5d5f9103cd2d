package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codec reads bytes, streams and files alike and writes compact UTF-8. */
class RuntimeJsonTest {

    @TempDir
    Path dir;

    @Test
    void bytesStreamsAndFilesReadTheSame() throws Exception {
        Spec spec = SpecEditor.of(Specs.defaultLinux()).hostname("höst-☃").build();
        byte[] json = RuntimeJson.write(spec);
        Path file = Files.write(dir.resolve("config.json"), json);
        assertThat(RuntimeJson.readSpec(new ByteArrayInputStream(json))).isEqualTo(spec);
        assertThat(RuntimeJson.readSpec(file)).isEqualTo(spec);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"hostname\":\"höst-☃\"").doesNotContain("\n");

        State state = State.builder().ociVersion("1.2.0").id("c1").status(ContainerStatus.STOPPED).bundle("/b").build();
        assertThat(RuntimeJson.readState(new ByteArrayInputStream(RuntimeJson.write(state)))).isEqualTo(state);
        assertThat(RuntimeJson.readState(Files.write(dir.resolve("state.json"), RuntimeJson.write(state)))).isEqualTo(state);
        // pid is omitempty in Go's State: a stopped container without a pid writes none.
        assertThat(new String(RuntimeJson.write(state))).isEqualTo(
                "{\"ociVersion\":\"1.2.0\",\"id\":\"c1\",\"status\":\"stopped\",\"bundle\":\"/b\"}");

        Features features = Features.builder().ociVersionMin("1.0.0").ociVersionMax("1.2.0").build();
        assertThat(RuntimeJson.readFeatures(new ByteArrayInputStream(RuntimeJson.write(features)))).isEqualTo(features);
        assertThat(RuntimeJson.readFeatures(Files.write(dir.resolve("features.json"), RuntimeJson.writeIndented(features))))
                .isEqualTo(features);
    }

    @Test
    void mapKeysAreWrittenSorted() {
        Spec spec = Spec.builder().ociVersion("1.2.0")
                .putAnnotation("z", "1").putAnnotation("a", "2").putAnnotation("m", "3")
                .build();
        assertThat(new String(RuntimeJson.write(spec))).isEqualTo(
                "{\"ociVersion\":\"1.2.0\",\"annotations\":{\"a\":\"2\",\"m\":\"3\",\"z\":\"1\"}}");
        assertThat(RuntimeJson.readSpec("{\"annotations\":{\"b\":\"1\",\"a\":\"2\"}}".getBytes()).annotations().keySet())
                .containsExactly("a", "b");
    }

    @Test
    void openValueSetsKeepUnlistedValues() {
        assertThat(LinuxNamespaceType.of("pid")).isSameAs(LinuxNamespaceType.PID);
        assertThat(LinuxNamespaceType.of("time").isKnown()).isTrue();
        assertThat(LinuxNamespaceType.of("net")).isEqualTo(LinuxNamespaceType.of("net"));
        assertThat(LinuxNamespaceType.of("net").isKnown()).isFalse();
        assertThat(LinuxNamespaceType.knownValues()).containsExactly("pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time");
        assertThat(ContainerStatus.knownValues()).containsExactly("creating", "created", "running", "stopped");
    }

    @Test
    void loneSurrogatesReadFromEscapesAreWrittenBackAsEscapes() {
        // JSON allows escaping a lone surrogate though it is no character; written raw it would become "?" in UTF-8.
        byte[] json = "{\"ociVersion\":\"1.2.0\",\"hostname\":\"a\\udc00b\",\"org.example\":[\"\\ud800\"]}"
                .getBytes(StandardCharsets.UTF_8);
        Spec spec = RuntimeJson.readSpec(json);
        assertThat(spec.hostname()).hasValue("a\udc00b");
        assertThat(RuntimeJson.readSpec(RuntimeJson.write(spec))).isEqualTo(spec);
        assertThat(RuntimeJson.readSpec(RuntimeJson.writeIndented(spec))).isEqualTo(spec);
        assertThat(new String(RuntimeJson.writeIndented(spec), StandardCharsets.UTF_8)).contains("a\\uDC00b").doesNotContain("?");
    }
}
