/**
 * Makes OCI bundles (runtime-spec bundle.md) from images in an image layout:
 * {@link dev.oci4j.linux.bundle.SpecConverter} turns an image configuration into a runtime
 * configuration (image-spec conversion.md), {@link dev.oci4j.linux.bundle.BundlePreparer} writes
 * {@code config.json} and the root filesystem, optionally as an overlay over a
 * {@link dev.oci4j.linux.bundle.LayerCache}.
 */
package dev.oci4j.linux.bundle;
