/**
 * The OCI runtime spec: config.json, state, features, defaults and validation. Depends on no other
 * oci4j module; it is the lowest one, so it also holds what every model module shares: the public
 * validation types ({@code dev.oci4j.validation}) and, for the other oci4j modules only, the JSON tree
 * helpers and the Bean Validation bootstrap.
 */
module dev.oci4j.runtime {
    requires com.fasterxml.jackson.databind;
    requires jakarta.validation;
    requires org.hibernate.validator;
    requires java.logging;

    exports dev.oci4j.runtime;
    exports dev.oci4j.validation;
    // Shared with the other model modules, not with users: a qualified export keeps them out of the API.
    exports dev.oci4j.internal.json to dev.oci4j.image, dev.oci4j.distribution;
    exports dev.oci4j.internal.validation to dev.oci4j.image;
    // Hibernate Validator reads the private fields the validation constraints are mapped on.
    opens dev.oci4j.runtime to org.hibernate.validator;
}
