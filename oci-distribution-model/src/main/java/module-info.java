/** The OCI distribution spec: references, registry API models and error codes, the registry client and an embedded registry. */
module dev.oci4j.distribution {
    requires transitive dev.oci4j.image;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;
    requires bcrypt;

    exports dev.oci4j.distribution;
    exports dev.oci4j.distribution.client;
    exports dev.oci4j.distribution.server;
}
