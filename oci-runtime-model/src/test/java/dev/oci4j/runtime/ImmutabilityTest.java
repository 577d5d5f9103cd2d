package dev.oci4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Built objects never change: not through their collections, not through the builder they came from. */
class ImmutabilityTest {

    @Test
    void collectionsAreUnmodifiableAndCopied() {
        List<String> args = new ArrayList<>(List.of("sh"));
        ProcessConfig.Builder builder = ProcessConfig.builder().user(User.builder().build()).args(args).cwd("/");
        ProcessConfig process = builder.build();
        args.add("-c");
        builder.addArg("ignored").cwd("/tmp");
        assertThat(process.args()).containsExactly("sh");
        assertThat(process.cwd()).isEqualTo("/");
        assertThatThrownBy(() -> process.args().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Specs.defaultLinux().annotations().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> process.extensions().put("a", "1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderDerivesAChangedCopyAndLeavesTheOriginal() {
        Spec original = Specs.defaultLinux();
        Spec changed = original.toBuilder().hostname("other").addMount(Mount.builder().destination("/x").build()).build();
        assertThat(original).isEqualTo(Specs.defaultLinux());
        assertThat(changed).isNotEqualTo(original);
        assertThat(changed.mounts()).hasSize(original.mounts().size() + 1);
        assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
    }

    @Test
    void nullElementsAreRejected() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> ProcessConfig.builder().args(withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ProcessConfig.builder().addArg(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Spec.builder().putAnnotation("k", null)).isInstanceOf(NullPointerException.class);
    }
}
