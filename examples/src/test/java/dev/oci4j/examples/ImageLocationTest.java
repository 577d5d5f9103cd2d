package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageLocationTest {

    @Test
    void directoryAloneNamesTheOnlyImage() {
        ImageLocation l = ImageLocation.parse("oci:/tmp/layout");
        assertThat(l.dir()).isEqualTo(Path.of("/tmp/layout"));
        assertThat(l.ref()).isEmpty();
    }

    @Test
    void emptyReferenceAfterTheColonAlsoNamesTheOnlyImage() {
        assertThat(ImageLocation.parse("oci:out:").ref()).isEmpty();
    }

    @Test
    void textAfterTheFirstColonIsTheReferenceAsInSkopeo() {
        ImageLocation l = ImageLocation.parse("oci:out:example.com/app:1.0");
        assertThat(l.dir()).isEqualTo(Path.of("out"));
        assertThat(l.ref()).contains("example.com/app:1.0");
    }

    @Test
    void relativeDirectoriesAreKeptAsGiven() {
        assertThat(ImageLocation.parse("oci:./a/b:v1").dir()).isEqualTo(Path.of("./a/b"));
    }

    @Test
    void toStringRoundTrips() {
        for (String s : new String[] {"oci:/x", "oci:/x:v1", "oci:rel/dir:a/b:c@d+e--f"}) {
            assertThat(ImageLocation.parse(s)).hasToString(s);
            assertThat(ImageLocation.parse(ImageLocation.parse(s).toString())).isEqualTo(ImageLocation.parse(s));
        }
    }

    @Test
    void otherTransportsAreRejectedByName() {
        assertThatThrownBy(() -> ImageLocation.parse("docker://busybox"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transport \"docker:\"").hasMessageContaining("oci:DIR[:REF]");
        assertThatThrownBy(() -> ImageLocation.parse("/tmp/layout"))
                .hasMessageContaining("no transport");
    }

    @Test
    void emptyDirectoryIsRejected() {
        assertThatThrownBy(() -> ImageLocation.parse("oci::v1")).hasMessageContaining("directory is empty");
        assertThatThrownBy(() -> ImageLocation.parse("oci:")).hasMessageContaining("directory is empty");
    }

    @Test
    void referenceMustFollowTheRefNameGrammar() {
        assertThatThrownBy(() -> ImageLocation.parse("oci:out:bad ref"))
                .hasMessageContaining("does not match the grammar");
        assertThatThrownBy(() -> ImageLocation.parse("oci:out:-v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageLocation.parse("oci:out:a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageLocation.parse("oci:out:v1/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ImageLocation.isValidRefName("v1.0_rc-1")).isTrue();
        assertThat(ImageLocation.isValidRefName("a---b")).isFalse();
    }
}
