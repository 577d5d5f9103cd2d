package dev.oci4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorTest {

    @Test
    void theEmptyDescriptorDescribesTheTwoBytesOfAnEmptyJsonObject() {
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(Descriptor.EMPTY.mediaType()).contains(MediaType.OCI_EMPTY);
        assertThat(Descriptor.EMPTY.digest()).isEqualTo(Digest.sha256(empty));
        assertThat(Descriptor.EMPTY.size()).isEqualTo(2);
        assertThat(Descriptor.EMPTY.data()).hasValueSatisfying(d -> assertThat(d).isEqualTo(empty));
        assertThat(new String(ImageJson.write(Descriptor.EMPTY), StandardCharsets.UTF_8))
                .contains("\"data\":\"e30=\"");
        assertThat(Descriptor.EMPTY.isEmptyDescriptor()).isTrue();
        assertThat(Descriptor.EMPTY.toBuilder().clearData().build().isEmptyDescriptor()).isTrue();
        assertThat(Descriptor.of(MediaType.OCI_CONFIG, empty).isEmptyDescriptor()).isFalse();
    }

    @Test
    void dataIsDecodedFromBase64AndHandedOutAsACopy() {
        Descriptor d = ImageJson.readDescriptor(("{\"mediaType\":\"a/b\",\"digest\":\""
                + Digest.sha256(new byte[] {1, 2, 3}) + "\",\"size\":3,\"data\":\"AQID\"}").getBytes(StandardCharsets.UTF_8));
        byte[] data = d.data().orElseThrow();
        assertThat(data).containsExactly(1, 2, 3);
        data[0] = 9;
        assertThat(d.data().orElseThrow()).containsExactly(1, 2, 3);
    }

    @Test
    void ofComputesDigestAndSize() {
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
        Descriptor d = Descriptor.of(MediaType.OCI_LAYER_TAR, content);
        assertThat(d.digest()).isEqualTo(Digest.sha256(content));
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.urls()).isEmpty();
        assertThat(d.annotations()).isEmpty();
        assertThat(d.platform()).isEmpty();
        assertThat(d.artifactType()).isEmpty();
        assertThat(d.extensions()).isEmpty();
    }

    @Test
    void builderRejectsObviousMisuse() {
        assertThatThrownBy(() -> Descriptor.builder().digest(Descriptor.EMPTY.digest()).size(2).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mediaType");
        assertThatThrownBy(() -> Descriptor.builder().mediaType(MediaType.OCI_EMPTY).size(2).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("digest");
        assertThatThrownBy(() -> Descriptor.builder().mediaType(MediaType.OCI_EMPTY).digest(Descriptor.EMPTY.digest())
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> Descriptor.builder().size(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Descriptor.builder().urls(java.util.Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void collectionsAreImmutableCopiesAndAnnotationsSorted() {
        List<String> urls = new java.util.ArrayList<>(List.of("https://a"));
        Descriptor d = Descriptor.EMPTY.toBuilder().urls(urls).annotations(Map.of("b", "2", "a", "1")).build();
        urls.add("https://b");
        assertThat(d.urls()).containsExactly("https://a");
        assertThat(d.annotations().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> d.urls().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalsHashCodeAndToStringCoverEveryMember() {
        Descriptor a = Descriptor.EMPTY.toBuilder().putAnnotation("k", "v").build();
        Descriptor b = Descriptor.EMPTY.toBuilder().putAnnotation("k", "v").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Descriptor.EMPTY);
        assertThat(a.toBuilder().clearData().build()).isNotEqualTo(a);
        assertThat(a.toString()).contains("application/vnd.oci.empty.v1+json").contains("size=2").contains("k=v");
    }
}
