package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code mvn install} publishes for each library module: the jar with its license, a sources jar and a
 * javadoc jar (IDEs show documentation only with them), and a POM that says what the artifact is and under
 * which license. Runs after the reactor packaged every module.
 */
class ArtifactsJarIT {

    private static final Path ROOT = Path.of(System.getProperty("oci.jar", "target/oci.jar"))
            .toAbsolutePath().getParent().getParent().getParent();

    @ParameterizedTest
    @ValueSource(strings = {"oci-image-model", "oci-runtime-model"})
    void eachLibraryShipsSourcesJavadocAndItsLicense(String module) throws IOException {
        Path target = ROOT.resolve(module).resolve("target");
        String base = module + "-0.1.0-SNAPSHOT";
        try (JarFile jar = new JarFile(target.resolve(base + ".jar").toFile())) {
            assertThat(jar.getEntry("META-INF/LICENSE")).as("license in " + module).isNotNull();
        }
        try (JarFile sources = new JarFile(target.resolve(base + "-sources.jar").toFile())) {
            assertThat(sources.getEntry("module-info.java")).isNotNull();
        }
        try (JarFile javadoc = new JarFile(target.resolve(base + "-javadoc.jar").toFile())) {
            assertThat(javadoc.getEntry("index.html")).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"oci-image-model", "oci-runtime-model", "oci-distribution-model", "oci-runtime-linux",
            "examples"})
    void eachPomHasItsOwnNameAndDescription(String module) throws IOException {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        assertThat(pom).containsPattern("<name>oci4j [^<]+</name>").containsPattern("<description>[^<]{40,}</description>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<licenses>", "<name>Apache-2.0</name>", "<scm", "<developers>", "<url>"})
    void theParentPomDeclaresLicenseScmAndDevelopers(String element) throws IOException {
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains(element);
        assertThat(List.of(Files.readString(ROOT.resolve("docs/LICENSE")))).first().asString()
                .contains("Apache License").contains("Version 2.0");
    }
}
