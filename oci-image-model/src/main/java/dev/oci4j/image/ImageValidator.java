package dev.oci4j.image;

import dev.oci4j.image.internal.validation.Validation;
import dev.oci4j.validation.ValidationReport;
import java.util.Objects;

/**
 * Checks image-spec documents against every rule of the spec (descriptor.md, manifest.md,
 * image-index.md, config.md, image-layout.md, annotations.md) and lists every violation, not just
 * the first: MUST sentences as errors, SHOULD sentences as warnings, each with a stable rule id,
 * a JSON pointer and the spec section.
 *
 * <pre>{@code
 * ValidationReport r = ImageValidator.validate(ImageDocument.MANIFEST, bytes);
 * r.errors().forEach(System.out::println);
 * // /layers/2/digest: digest "sha256:abc": sha256 needs 64 lowercase hex characters, found 3 characters [digest.encoding]
 * }</pre>
 */
public final class ImageValidator {

    private ImageValidator() {
    }

    /**
     * Validates a manifest and the descriptors in it.
     *
     * @param manifest the manifest
     * @return every violation, pointers relative to the manifest; empty when it conforms
     */
    public static ValidationReport validate(ImageManifest manifest) {
        return Validation.manifest(Objects.requireNonNull(manifest, "manifest"));
    }

    /**
     * Validates an index, its entries and their platforms.
     *
     * @param index the index
     * @return every violation, pointers relative to the index; empty when it conforms
     */
    public static ValidationReport validate(ImageIndex index) {
        return Validation.index(Objects.requireNonNull(index, "index"));
    }

    /**
     * Validates an image configuration.
     *
     * @param configuration the configuration
     * @return every violation, pointers relative to the configuration; empty when it conforms
     */
    public static ValidationReport validate(ImageConfiguration configuration) {
        return Validation.configuration(Objects.requireNonNull(configuration, "configuration"));
    }

    /**
     * Validates a descriptor on its own (pointers are relative to the descriptor).
     *
     * @param descriptor the descriptor
     * @return every violation; empty when it conforms
     */
    public static ValidationReport validate(Descriptor descriptor) {
        return Validation.descriptor(Objects.requireNonNull(descriptor, "descriptor"));
    }

    /**
     * Validates an {@code oci-layout} file.
     *
     * @param header the header
     * @return every violation; empty when it conforms
     */
    public static ValidationReport validate(ImageLayoutHeader header) {
        return Validation.layoutHeader(Objects.requireNonNull(header, "header"));
    }

    /**
     * Reads {@code json} as a document of {@code kind} and validates it; the kind comes first, as in
     * {@link ImageJson#parse(ImageDocument, byte[])}. What the codec refuses
     * (malformed JSON, a wrong JSON type, a bad digest, bad base64) becomes a violation too, with its
     * pointer; bad digests and base64 are reported without stopping the other checks.
     *
     * @param kind the kind of document expected
     * @param json the document's bytes
     * @return every violation, including why the bytes could not be read; empty when the document conforms
     */
    public static ValidationReport validate(ImageDocument<?> kind, byte[] json) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(kind, "kind");
        return Validation.json(json, kind);
    }
}
