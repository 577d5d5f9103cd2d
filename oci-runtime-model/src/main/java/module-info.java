/** The OCI runtime spec: config.json, state, features, defaults and validation. Depends on no other oci4j module. */
module dev.oci4j.runtime {
    requires com.fasterxml.jackson.databind;
    requires jakarta.validation;
    requires org.hibernate.validator;
    requires java.logging;

    exports dev.oci4j.runtime;
    // Hibernate Validator reads the private fields the validation constraints are mapped on.
    opens dev.oci4j.runtime to org.hibernate.validator;
}
