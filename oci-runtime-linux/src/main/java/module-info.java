/** Runs OCI bundles on Linux through pluggable backends (runc, crun, JNA). */
module dev.oci4j.linux {
    requires transitive dev.oci4j.image;
    requires transitive dev.oci4j.runtime;
    requires com.sun.jna.platform;

    exports dev.oci4j.linux.bundle;
}
