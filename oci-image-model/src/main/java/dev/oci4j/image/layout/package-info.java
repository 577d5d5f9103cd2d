/**
 * The OCI image layout on disk (image-spec image-layout.md): {@link dev.oci4j.image.layout.ImageLayout}
 * writes blobs atomically and verified, keeps index.json consistent across threads and processes,
 * resolves ref names and platforms, verifies everything it references and collects garbage.
 *
 * <pre>{@code
 * ImageLayout layout = ImageLayout.openOrCreate(Path.of("app"));
 * Descriptor config = layout.writeJson(MediaType.OCI_CONFIG, configBytes);
 * Blob layer = layout.writeBlob(gzippedTar);
 * Descriptor manifest = layout.writeManifest(ImageManifest.builder().config(config)
 *         .addLayer(Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, layer.digest(), layer.size())).build());
 * layout.tag("v1", manifest);
 * layout.verify().problems().forEach(System.out::println);
 * }</pre>
 */
package dev.oci4j.image.layout;
