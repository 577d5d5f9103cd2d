/** The OCI image spec: model, JSON codec, validation, image layout, layers and the image builder. */
module dev.oci4j.image {
    // ImageValidator returns dev.oci4j.validation types, and the image codec reads through the
    // shared internal.json helpers the runtime module exports to this module only.
    requires transitive dev.oci4j.runtime;
    requires com.fasterxml.jackson.databind;
    requires jakarta.validation;
    requires org.hibernate.validator;
    requires org.apache.commons.compress;
    requires com.github.luben.zstd_jni;
    // The optional ISA-L gzip engine (GzipEngine.ISAL) binds libisal.so.2 through JNA, and only when chosen.
    requires com.sun.jna;

    exports dev.oci4j.image;
    exports dev.oci4j.image.layer;
    exports dev.oci4j.image.layout;
    exports dev.oci4j.image.builder;

    // Hibernate Validator reads the model's private fields and instantiates the internal constraint
    // validators reflectively; nothing else gets that access.
    opens dev.oci4j.image to org.hibernate.validator;
    opens dev.oci4j.image.internal.validation to org.hibernate.validator;
}
