/**
 * Layer changesets (image-spec layer.md): writing a directory, a list of entries or the difference
 * of two directories as a tar layer, and applying a stack of layers onto a directory.
 *
 * <p>{@link dev.oci4j.image.layer.LayerWriter} streams the tar through the chosen
 * {@link dev.oci4j.image.layer.Compression} in one pass and returns a
 * {@link dev.oci4j.image.layer.WrittenLayer} (media type, blob digest and size, diffID).
 * {@link dev.oci4j.image.layer.LayerApplier} applies {@link dev.oci4j.image.layer.LayerBlob}s
 * with the whiteout rules, keeps every entry inside the root, and verifies digests and diffIDs while
 * streaming. Both are immutable and may be shared between threads; nothing is held in memory per file.
 *
 * <pre>{@code
 * WrittenLayer layer = LayerWriter.builder().compression(Compression.GZIP)
 *         .reproducible(Instant.ofEpochSecond(0)).build()
 *         .writeDirectory(rootfs, blobFile);
 * ApplyResult result = LayerApplier.builder().build()
 *         .apply(target, LayerBlob.of(blobFile, layer.diffId()));
 * }</pre>
 *
 * <p>Limits of a pure-JDK implementation: only {@code user.*} extended attributes can be read and
 * set (others are reported in {@link dev.oci4j.image.layer.ApplyResult#warnings()}); binary xattr
 * values are written in bsdtar's base64 {@code LIBARCHIVE.xattr} form because commons-compress
 * treats PAX values as UTF-8 text; device nodes and FIFOs are created with {@code mknod} and
 * {@code mkfifo}.
 */
package dev.oci4j.image.layer;
