package dev.oci4j.image;

/**
 * The pre-defined annotation keys (image-spec annotations.md, "Pre-Defined Annotation Keys"), plus
 * the keys conversion.md uses when an image configuration becomes a runtime configuration.
 *
 * <pre>{@code builder.putAnnotation(Annotations.REF_NAME, "v1.0")}</pre>
 */
public final class Annotations {

    /** Date and time the image was built, RFC 3339. */
    public static final String CREATED = "org.opencontainers.image.created";
    /** Contact details of the people or organization responsible for the image (freeform). */
    public static final String AUTHORS = "org.opencontainers.image.authors";
    /** URL to find more information on the image. */
    public static final String URL = "org.opencontainers.image.url";
    /** URL to get documentation on the image. */
    public static final String DOCUMENTATION = "org.opencontainers.image.documentation";
    /** URL to get the source code for building the image. */
    public static final String SOURCE = "org.opencontainers.image.source";
    /** Version of the packaged software. */
    public static final String VERSION = "org.opencontainers.image.version";
    /** Source control revision identifier for the packaged software. */
    public static final String REVISION = "org.opencontainers.image.revision";
    /** Name of the distributing entity, organization or individual. */
    public static final String VENDOR = "org.opencontainers.image.vendor";
    /** License(s) under which the contained software is distributed, as an SPDX expression. */
    public static final String LICENSES = "org.opencontainers.image.licenses";
    /** Name of the reference for a target; in an image layout's index.json, the tag. */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    /** Human-readable title of the image. */
    public static final String TITLE = "org.opencontainers.image.title";
    /** Human-readable description of the software packaged in the image. */
    public static final String DESCRIPTION = "org.opencontainers.image.description";
    /** Digest of the image this image is based on. */
    public static final String BASE_DIGEST = "org.opencontainers.image.base.digest";
    /** Image reference of the image this image is based on. */
    public static final String BASE_NAME = "org.opencontainers.image.base.name";

    /** conversion.md: the config's os. */
    public static final String OS = "org.opencontainers.image.os";
    /** conversion.md: the config's architecture. */
    public static final String ARCHITECTURE = "org.opencontainers.image.architecture";
    /** conversion.md: the config's variant. */
    public static final String VARIANT = "org.opencontainers.image.variant";
    /** conversion.md: the config's os.version. */
    public static final String OS_VERSION = "org.opencontainers.image.os.version";
    /** conversion.md: the config's os.features, comma-separated. */
    public static final String OS_FEATURES = "org.opencontainers.image.os.features";
    /** conversion.md: the config's author. */
    public static final String AUTHOR = "org.opencontainers.image.author";
    /** conversion.md: the config's StopSignal. */
    public static final String STOP_SIGNAL = "org.opencontainers.image.stopSignal";
    /** conversion.md: the config's ExposedPorts, comma-separated. */
    public static final String EXPOSED_PORTS = "org.opencontainers.image.exposedPorts";

    /** The reserved prefix: keys in this namespace are defined by the OCI only. */
    public static final String OCI_PREFIX = "org.opencontainers.";

    private Annotations() {
    }
}
