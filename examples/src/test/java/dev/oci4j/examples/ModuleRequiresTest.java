package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module descriptor says what the module uses, no more: every {@code requires} of
 * {@code dev.oci4j.examples} is a module its classes reference, as jdeps (the JDK's dependency
 * analyzer, run in-process) finds them in the compiled classes.
 */
class ModuleRequiresTest {

    @Test
    void everyRequiredModuleIsUsedByTheCompiledClasses() throws URISyntaxException {
        Path classes = Path.of(Oci.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
        Set<String> declared = descriptor.requires().stream()
                .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED))
                .map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> used = usedModules(descriptor.name(), classes);

        assertThat(declared).as("requires in module-info.java that no class of %s uses; jdeps found %s",
                descriptor.name(), used).isSubsetOf(used);
    }

    /** The modules jdeps sees {@code module} depend on: lines {@code dev.oci4j.examples -> java.logging}. */
    private static Set<String> usedModules(String module, Path classes) {
        // The test class path holds every dependency of the module (and the test libraries, which
        // jdeps resolves as automatic modules only when something needs them).
        String modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(
                () -> new AssertionError("jdeps (module jdk.jdeps) is part of every JDK 17"));
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out),
                "--multi-release", "17", "--module-path", modulePath, "-summary", "--module", module);
        assertThat(exit).as("jdeps output:%n%s", out).isZero();
        String prefix = module + " -> ";
        return out.toString().lines().map(String::strip).filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).strip())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
