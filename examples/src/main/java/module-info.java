/**
 * Example programs, one per workflow, and the {@code oci} command built from them. Each
 * {@code requires} is one the classes use (ModuleRequiresTest checks it with jdeps); the Maven
 * dependencies on the distribution and runtime-linux modules only put them into the shaded jar.
 */
module dev.oci4j.examples {
    requires dev.oci4j.distribution;
    requires dev.oci4j.image;
    requires dev.oci4j.linux;
    requires dev.oci4j.runtime;
    requires info.picocli;

    opens dev.oci4j.examples to info.picocli;
}
