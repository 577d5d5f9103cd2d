package dev.oci4j.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.runtime.Mount;
import dev.oci4j.runtime.codegen.ModelTable.ModelClass;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every builder of the table does, checked for every class and member the table lists. */
class TableDrivenBuilderTest {

    private static ModelTable table() throws IOException {
        return ModelTable.read(Path.of("").toAbsolutePath().resolve(ModelTable.PATH));
    }

    static Stream<Arguments> knownMembers() throws IOException {
        return table().classes().stream().flatMap(c -> c.members().stream().map(m -> Arguments.of(c.name(), m.json())));
    }

    static Stream<String> classes() throws IOException {
        return table().classes().stream().map(ModelClass::name);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("knownMembers")
    void aKnownMemberIsNotAnExtension(String className, String key) throws Exception {
        // An extension named like a known member was written when the typed member was unset, and the output could not be read back.
        assertThatThrownBy(() -> invoke(builder(className), "putExtension", key, "\"x\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + key + "\"")
                .hasMessageContaining(className);
        assertThatThrownBy(() -> invoke(builder(className), "extensions", Map.of(key, "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + key + "\"")
                .hasMessageContaining(className);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classes")
    void buildFailsExactlyWhenARequiredMemberIsUnset(String className) throws Exception {
        ModelClass c = table().modelClass(className).orElseThrow();
        Object builder = builder(className);
        Method build = builder.getClass().getMethod("build");
        Member required = c.members().stream().filter(Member::enforced).findFirst().orElse(null);
        if (required == null) {
            assertThat(build.invoke(builder)).isNotNull();
        } else {
            assertThatThrownBy(() -> invoke(builder, "build"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(className + ": " + required.json() + " is REQUIRED");
        }
    }

    @Test
    void aMountNeedsItsDestination() {
        assertThatThrownBy(() -> Mount.builder().type("proc").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Mount: destination is REQUIRED and was not set; call destination(...)");
        assertThat(Mount.builder().destination("/proc").build().destination()).isEqualTo("/proc");
    }

    private static Object builder(String className) throws Exception {
        return Class.forName("dev.oci4j.runtime." + className).getMethod("builder").invoke(null);
    }

    private static Object invoke(Object target, String name, Object... args) throws Throwable {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }
}
