/** Runs OCI images on Linux: image to bundle, and a container runtime API over pluggable backends (runc, crun). */
module dev.oci4j.linux {
    requires transitive dev.oci4j.image;
    requires transitive dev.oci4j.runtime;
    requires transitive dev.oci4j.distribution;
    requires static org.junit.jupiter.api;
    requires com.fasterxml.jackson.databind;
    requires com.sun.jna;
    requires com.sun.jna.platform;
    requires org.apache.commons.compress;

    exports dev.oci4j.linux;
    exports dev.oci4j.linux.bundle;
    exports dev.oci4j.linux.spi;
    exports dev.oci4j.linux.network;
    exports dev.oci4j.linux.junit;

    uses dev.oci4j.linux.spi.ContainerRuntimeProvider;

    provides dev.oci4j.linux.spi.ContainerRuntimeProvider
            with dev.oci4j.linux.internal.cli.RuncProvider, dev.oci4j.linux.internal.cli.CrunProvider;
}
