/**
 * Building and unpacking images in an image layout: {@link dev.oci4j.image.builder.ImageBuilder}
 * (an image from scratch or on a base, reproducible by default),
 * {@link dev.oci4j.image.builder.MultiPlatformBuilder} (one image per platform under an index),
 * {@link dev.oci4j.image.builder.ArtifactBuilder} (artifact manifests, optionally referring to a
 * subject) and {@link dev.oci4j.image.builder.ImageUnpacker} (a ref or descriptor to a root
 * filesystem, verified layer by layer). Builders check every input before they store the first blob.
 *
 * <pre>{@code
 * ImageLayout layout = ImageLayout.openOrCreate(Path.of("out"));
 * BuiltImage image = ImageBuilder.fromScratch().addLayer(Path.of("rootfs")).cmd("/app").writeTo(layout, "v1");
 * ImageUnpacker.unpack(layout, "v1", Path.of("bundle/rootfs"));
 * }</pre>
 */
package dev.oci4j.image.builder;
