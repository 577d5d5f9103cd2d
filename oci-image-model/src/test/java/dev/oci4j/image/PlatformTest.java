package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

    @Test
    void parsesOsArchitectureAndVariant() {
        Platform p = Platform.parse("linux/arm64/v8");
        assertThat(p.os()).isEqualTo("linux");
        assertThat(p.architecture()).isEqualTo("arm64");
        assertThat(p.variant()).contains("v8");
        assertThat(p.format()).isEqualTo("linux/arm64/v8");
        assertThat(Platform.parse("linux/amd64").variant()).isEmpty();
    }

    @Test
    void parsesAnOsVersionInParentheses() {
        Platform p = Platform.parse("windows(10.0.17763.1879)/amd64");
        assertThat(p.os()).isEqualTo("windows");
        assertThat(p.osVersion()).contains("10.0.17763.1879");
    }

    @Test
    void rejectsTextThatIsNotOsSlashArchitecture() {
        for (String bad : List.of("linux", "linux/", "/amd64", "linux/arm/v7/extra", "")) {
            assertThatThrownBy(() -> Platform.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "linux/x86_64, linux/amd64",
        "linux/x86-64, linux/amd64",
        "Linux/AMD64, linux/amd64",
        "linux/aarch64, linux/arm64/v8",
        "linux/arm64, linux/arm64/v8",
        "linux/arm64/8, linux/arm64/v8",
        "linux/arm, linux/arm/v7",
        "linux/armhf, linux/arm/v7",
        "linux/armel, linux/arm/v6",
        "linux/arm/6, linux/arm/v6",
        "linux/i386, linux/386",
        "linux/i686, linux/386",
        "macos/arm64, darwin/arm64/v8",
        "linux/ppc64le, linux/ppc64le",
        "linux/s390x, linux/s390x",
        "linux/riscv64, linux/riscv64",
    })
    void normalizesArchitectureAliasesAndDefaultVariants(String given, String normalized) {
        assertThat(Platform.parse(given).normalize().format()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource({
        "linux/amd64, linux/x86_64, true",
        "linux/arm64, linux/aarch64, true",
        "linux/arm64, linux/arm64/v8, true",
        "linux/arm64/v8, linux/arm64, true",
        "linux/arm, linux/arm/v7, true",
        "linux/arm/v6, linux/arm/v7, false",
        "linux/arm/v7, linux/arm, true",
        "linux/amd64, linux/arm64, false",
        "linux/amd64, windows/amd64, false",
        "linux/386, linux/i386, true",
    })
    void matchingComparesNormalizedOsArchitectureAndVariant(String wanted, String candidate, boolean matches) {
        assertThat(Platform.parse(wanted).matches(Platform.parse(candidate))).isEqualTo(matches);
    }

    @Test
    void aWantedOsVersionAndOsFeaturesMustBeOfferedByTheCandidate() {
        Platform want = Platform.builder().os("windows").architecture("amd64").osVersion("10.0.17763")
                .osFeatures(List.of("win32k")).build();
        Platform have = Platform.builder().os("windows").architecture("amd64").osVersion("10.0.17763")
                .osFeatures(List.of("win32k", "other")).build();
        assertThat(want.matches(have)).isTrue();
        assertThat(want.matches(have.toBuilder().osVersion("10.0.14393").build())).isFalse();
        assertThat(want.matches(have.toBuilder().osFeatures(List.of()).build())).isFalse();
        // A candidate's extra version or features do not stop a plain wanted platform from matching.
        assertThat(Platform.parse("windows/amd64").matches(have)).isTrue();
    }

    @Test
    void hostPlatformIsNormalized() {
        Platform host = Platform.host();
        assertThat(host).isEqualTo(host.normalize());
        assertThat(host.os()).isNotBlank();
        if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(host.format()).isEqualTo("linux/amd64");
        }
    }

    @Test
    void theFirstMatchingIndexEntryWins() {
        Descriptor.Builder base = Descriptor.builder().mediaType(MediaType.OCI_MANIFEST).size(1);
        Descriptor amd = base.digest(Digest.sha256(new byte[] {1})).platform(Platform.parse("linux/amd64")).build();
        Descriptor arm1 = base.digest(Digest.sha256(new byte[] {2})).platform(Platform.parse("linux/arm64/v8")).build();
        Descriptor arm2 = base.digest(Digest.sha256(new byte[] {3})).platform(Platform.parse("linux/aarch64")).build();
        ImageIndex index = ImageIndex.builder().manifests(List.of(amd, arm1, arm2)).build();
        assertThat(index.firstMatching(Platform.parse("linux/arm64"))).contains(arm1);
        assertThat(index.firstMatching(Platform.parse("linux/s390x"))).isEmpty();
    }

    @Test
    void builderRequiresArchitectureAndOs() {
        assertThatThrownBy(() -> Platform.builder().os("linux").build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("Platform: architecture is REQUIRED and was not set; call architecture(...)");
        assertThatThrownBy(() -> Platform.builder().architecture("amd64").build())
                .isInstanceOf(IllegalStateException.class);
    }
}
