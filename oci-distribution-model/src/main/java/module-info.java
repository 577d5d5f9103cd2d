/** The OCI distribution spec: references, registry API models and error codes, the registry client. */
module dev.oci4j.distribution {
    requires transitive dev.oci4j.image;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;

    exports dev.oci4j.distribution;
    exports dev.oci4j.distribution.client;
}
