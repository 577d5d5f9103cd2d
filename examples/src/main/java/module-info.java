/** Example programs, one per workflow, and the {@code oci} command built from them. */
module dev.oci4j.examples {
    requires dev.oci4j.image;
    requires dev.oci4j.runtime;
    requires dev.oci4j.distribution;
    requires dev.oci4j.linux;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.logging;
    requires java.management;

    opens dev.oci4j.examples to info.picocli;
}
