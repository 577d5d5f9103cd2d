package dev.oci4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Digest;
import dev.oci4j.validation.FormatReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceTest {

    private static final String SHA = "sha256:" + "a".repeat(64);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "busybox, docker.io/library/busybox",
            "busybox:1.36, docker.io/library/busybox:1.36",
            "library/busybox, docker.io/library/busybox",
            "user/app, docker.io/user/app",
            "docker.io/busybox, docker.io/library/busybox",
            "index.docker.io/busybox:latest, docker.io/library/busybox:latest",
            "index.docker.io/user/app, docker.io/user/app",
            "ghcr.io/org/team/app:v1, ghcr.io/org/team/app:v1",
            "localhost/app, localhost/app",
            "localhost:5000/app:1, localhost:5000/app:1",
            "127.0.0.1:5000/a/b, 127.0.0.1:5000/a/b",
            "[::1]:5000/app:tag, [::1]:5000/app:tag",
            "[2001:db8::1]/app, [2001:db8::1]/app",
            "Registry.Example/app, Registry.Example/app",
            "example.com/a__b/c-d/e.f---g, example.com/a__b/c-d/e.f---g",
    })
    void referencesNormalizeAsDockerDoes(String text, String normalized) {
        Reference r = Reference.parse(text);
        assertThat(r.toString()).isEqualTo(normalized);
        assertThat(Reference.parse(r.toString())).isEqualTo(r);
    }

    @Test
    void dockerHubIsServedFromRegistryOne() {
        Reference r = Reference.parse("busybox");
        assertThat(r.registry()).isEqualTo("docker.io");
        assertThat(r.apiHost()).isEqualTo("registry-1.docker.io");
        assertThat(r.repository()).isEqualTo("library/busybox");
        assertThat(r.tag()).isEmpty();
        assertThat(r.tagOrDefault()).contains("latest");
        assertThat(r.manifestReference()).isEqualTo("latest");
        assertThat(Reference.parse("quay.io/a/b").apiHost()).isEqualTo("quay.io");
    }

    @Test
    void aDigestWinsOverTheTagForFetching() {
        Reference r = Reference.parse("localhost:5000/app:1.0@" + SHA);
        assertThat(r.tag()).contains("1.0");
        assertThat(r.digest()).contains(Digest.parse(SHA));
        assertThat(r.manifestReference()).isEqualTo(SHA);
        assertThat(Reference.parse("app@" + SHA).tagOrDefault()).isEmpty();
    }

    @Test
    void loopbackRegistriesAreRecognized() {
        assertThat(Reference.parse("localhost:5000/a").isLoopback()).isTrue();
        assertThat(Reference.parse("127.0.0.1:5000/a").isLoopback()).isTrue();
        assertThat(Reference.parse("127.1.2.3/a").isLoopback()).isTrue();
        assertThat(Reference.parse("[::1]:5000/a").isLoopback()).isTrue();
        assertThat(Reference.parse("example.com/a").isLoopback()).isFalse();
        assertThat(Reference.parse("busybox").isLoopback()).isFalse();
    }

    @ParameterizedTest(name = "{0} is wrong in its {1}")
    @CsvSource(delimiter = '|', value = {
            "''|reference",
            "Busybox|repository",
            "docker.io/Busybox|repository",
            "app:|tag",
            "app:-x|tag",
            "app:.x|tag",
            "app@sha256:abc|digest",
            "app@|digest",
            "app@nodigest|digest",
            "a//b|repository",
            "a/b/|repository",
            "-a|repository",
            "a..b|repository",
            "example.com/|repository",
            "exa_mple.com/a|registry",
            "-example.com/a|registry",
            "example.com:99999/a|registry",
            "example.com:x/a|registry",
            "[::1/a|registry",
            "[zz::1]/a|registry",
            "[::1]x/a|registry",
    })
    void errorsNameThePartThatIsWrong(String text, String part) {
        assertThatThrownBy(() -> Reference.parse(text))
                .isInstanceOfSatisfying(DistributionFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FormatReason.BAD_REFERENCE);
                    assertThat(e.location()).isEqualTo(part);
                });
    }

    @Test
    void tagsAreAtMost128Characters() {
        assertThat(Reference.parse("app:" + "t".repeat(128)).tag()).isPresent();
        assertThatThrownBy(() -> Reference.parse("app:" + "t".repeat(129)))
                .hasMessageStartingWith("tag: ");
    }

    @Test
    void repositoryNamesAreAtMost255Characters() {
        assertThatThrownBy(() -> Reference.parse("example.com/" + "a".repeat(256)))
                .hasMessageContaining("at most 255");
    }

    @Test
    void withTagAndWithDigestDeriveReferences() {
        Reference r = Reference.parse("localhost:5000/app:1");
        assertThat(r.withTag("2").toString()).isEqualTo("localhost:5000/app:2");
        assertThat(r.withDigest(Digest.parse(SHA)).toString()).isEqualTo("localhost:5000/app:1@" + SHA);
        assertThatThrownBy(() -> r.withTag("no/slash")).isInstanceOf(DistributionFormatException.class);
        assertThat(Reference.of("index.docker.io", "library/x").registry()).isEqualTo("docker.io");
    }
}
