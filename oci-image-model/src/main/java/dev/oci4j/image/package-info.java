/**
 * The OCI image spec's model and codec (image-spec v1.1): {@link dev.oci4j.image.Digest} and
 * {@link dev.oci4j.image.MediaType}; the documents {@link dev.oci4j.image.ImageManifest},
 * {@link dev.oci4j.image.ImageIndex} and {@link dev.oci4j.image.ImageConfiguration} with
 * {@link dev.oci4j.image.Descriptor}, {@link dev.oci4j.image.Platform}, {@link dev.oci4j.image.ExecutionConfig},
 * {@link dev.oci4j.image.RootFs} and {@link dev.oci4j.image.History}; the JSON codec
 * {@link dev.oci4j.image.ImageJson}, which keeps a document's exact bytes in a {@link dev.oci4j.image.Parsed};
 * and {@link dev.oci4j.image.ImageValidator}, which reports every violation of the spec's MUST and SHOULD
 * sentences.
 *
 * <p>Model objects are immutable, built with {@code builder()} and changed with {@code toBuilder()};
 * absent optional members are {@code Optional} or empty collections, never null, and members the
 * model does not know are kept as raw JSON in {@code extensions()}. Reading accepts documents that
 * bend the rules and throws {@link dev.oci4j.image.ImageFormatException} only for what the model
 * cannot hold; the validator reports the rest.
 *
 * <pre>{@code
 * Parsed<ImageManifest> p = ImageJson.parse(ImageDocument.MANIFEST, Path.of("manifest.json"));
 * ValidationReport report = ImageValidator.validate(p.value());
 * Descriptor d = p.descriptor();   // digest and size of the exact bytes read
 * }</pre>
 */
package dev.oci4j.image;
