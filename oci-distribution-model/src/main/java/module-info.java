/** The OCI distribution spec: references, registry API models and error codes, the registry client. */
module dev.oci4j.distribution {
    requires transitive dev.oci4j.image;
    requires com.fasterxml.jackson.databind;

    // Packages are exported as they gain code.
}
