/** The OCI runtime spec: config.json, state, features, defaults and validation. Depends on no other oci4j module. */
module dev.oci4j.runtime {
    requires com.fasterxml.jackson.databind;
    requires jakarta.validation;

    exports dev.oci4j.runtime;
}
