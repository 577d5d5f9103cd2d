package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.builder.ImageBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The image model speaks the builder vocabulary of docs/architecture.md, as the runtime model does. */
class BuilderVocabularyTest {

    private static final Digest DIGEST = Digest.sha256(new byte[0]);

    @Test
    void mapsArePutRemovedAndCleared() {
        Descriptor d = Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, DIGEST, 0).toBuilder()
                .putAnnotation("b", "2").putAnnotation("a", "1").putAnnotation("c", "3").removeAnnotation("c").build();
        assertThat(d.annotations()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(d.toBuilder().clearAnnotations().build().annotations()).isEmpty();

        ExecutionConfig c = ExecutionConfig.builder().putLabel("k", "v").putLabel("x", "y").removeLabel("x").build();
        assertThat(c.labels()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void listsAreReplacedAppendedAndCleared() {
        ExecutionConfig c = ExecutionConfig.builder().cmd(List.of("a")).addCmdArg("b").addEnvEntry("A=1")
                .addExposedPort("80/tcp").addVolume("/data").build();
        assertThat(c.cmd()).containsExactly("a", "b");
        assertThat(c.toBuilder().clearCmd().build().cmd()).isEmpty();
        assertThat(c.exposedPorts()).containsExactly("80/tcp");
    }

    @Test
    void anEmptyStringDoesNotClearAScalarButPointsToTheClearer() {
        assertThatThrownBy(() -> ExecutionConfig.builder().user(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clearUser()");
        assertThatThrownBy(() -> Platform.builder().variant(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clearVariant()");
        Platform p = Platform.parse("linux/arm/v7").toBuilder().clearVariant().build();
        assertThat(p.variant()).isEmpty();
    }

    @Test
    void aNullElementIsNamedByItsIndex() {
        assertThatThrownBy(() -> ImageBuilder.fromScratch().cmd("a", null))
                .isInstanceOf(NullPointerException.class).hasMessage("cmd[1] is null");
        assertThatThrownBy(() -> ExecutionConfig.builder().env(Arrays.asList("A=1", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("env[1] is null");
    }

    @Test
    void aMissingRequiredMemberNamesTheClassAndTheMember() {
        assertThatThrownBy(() -> ImageManifest.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ImageManifest: config is REQUIRED");
        assertThatThrownBy(() -> Descriptor.builder().digest(DIGEST).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Descriptor: mediaType is REQUIRED");
        assertThatThrownBy(() -> Platform.builder().os("linux").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Platform: architecture is REQUIRED");
        assertThatThrownBy(() -> ImageConfiguration.builder().architecture("amd64").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ImageConfiguration: os is REQUIRED");
    }

    @Test
    void extensionsArePutRemovedAndCleared() {
        RootFs r = RootFs.builder().putExtension("x-a", "1").putExtension("x-b", "\"t\"").removeExtension("x-a").build();
        assertThat(r.extensions()).containsExactly(Map.entry("x-b", "\"t\""));
        assertThatThrownBy(() -> RootFs.builder().putExtension("type", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
