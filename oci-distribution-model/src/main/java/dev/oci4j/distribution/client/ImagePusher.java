package dev.oci4j.distribution.client;

import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Pushes an image, from a layout or from another registry, byte for byte: blobs first (in parallel,
 * skipping what the target has, mounting within one registry, streaming between two without a copy
 * on disk), then child manifests by digest, then the top document by the target's tag.
 *
 * <pre>{@code
 * Digest d = ImagePusher.of(client).push(layout, layout.resolve("1").orElseThrow(), Reference.parse("localhost:5000/app:1"));
 * }</pre>
 */
public final class ImagePusher {

    private static final int MAX_DEPTH = 8;

    private final RegistryClient client;

    private ImagePusher(RegistryClient client) {
        this.client = client;
    }

    /**
     * A pusher.
     *
     * @param client the client for the target (and, for copies, the source)
     * @return the pusher
     */
    public static ImagePusher of(RegistryClient client) {
        return new ImagePusher(Objects.requireNonNull(client, "client"));
    }

    /** Where content comes from. */
    private interface Source {
        byte[] document(Descriptor d) throws IOException;

        BlobSource blob(Descriptor d) throws IOException;

        /** The repository to mount from when source and target share a registry, else null. */
        String mountFrom(Reference target);
    }

    /**
     * Pushes what {@code top} describes in {@code layout} to {@code target}.
     *
     * @param layout the layout holding the image
     * @param top    a manifest or index of the layout
     * @param target the target; its tag names the top document, or it is pushed by digest
     * @return the digest of the top document
     * @throws IOException when content is missing or the registry refuses
     */
    public Digest push(ImageLayout layout, Descriptor top, Reference target) throws IOException {
        Source s = new Source() {
            @Override
            public byte[] document(Descriptor d) throws IOException {
                return layout.readBlobBytes(d.digest(), d.size());
            }

            @Override
            public BlobSource blob(Descriptor d) throws IOException {
                if (!layout.hasBlob(d.digest())) {
                    throw new IOException(layout.root() + ": blob " + d.digest() + " is missing from the layout");
                }
                return BlobSource.of(layout.blobPath(d.digest()));
            }

            @Override
            public String mountFrom(Reference t) {
                return null;
            }
        };
        return push(s, top, target);
    }

    /**
     * Copies an image from one repository to another, in one registry or between two: blobs are
     * mounted within a registry and streamed between registries.
     *
     * @param source the source image
     * @param target the target; its tag names the copy, else the source's tag, else it is pushed by digest
     * @return the digest of the copied top document
     * @throws IOException when either registry refuses
     */
    public Digest copy(Reference source, Reference target) throws IOException {
        FetchedManifest top = client.fetchManifest(source);
        Reference to = target.tag().isPresent() || target.digest().isPresent() || source.tag().isEmpty()
                ? target : target.withTag(source.tag().get());
        Source s = new Source() {
            @Override
            public byte[] document(Descriptor d) throws IOException {
                return d.digest().equals(top.digest()) ? top.bytes()
                        : client.fetchManifest(source.withDigest(d.digest())).bytes();
            }

            @Override
            public BlobSource blob(Descriptor d) {
                return offset -> client.openBlob(source, d.digest(), offset);
            }

            @Override
            public String mountFrom(Reference t) {
                return t.registry().equals(source.registry()) ? source.repository() : null;
            }
        };
        return push(s, top.descriptor(), to);
    }

    private Digest push(Source source, Descriptor top, Reference target) throws IOException {
        Set<Digest> done = new HashSet<>();
        pushDocument(source, top, target, true, done, 0);
        return top.digest();
    }

    private void pushDocument(Source source, Descriptor d, Reference target, boolean isTop, Set<Digest> done, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException(target + ": indexes nest deeper than " + MAX_DEPTH + " levels");
        }
        byte[] bytes = source.document(d);
        MediaType type = d.mediaType().orElse(null);
        try {
            if (type == null) {
                type = ImageJson.standard().sniff(bytes).map(k -> k.mediaType()).orElse(MediaType.OCI_MANIFEST);
            }
            if (type.isIndex()) {
                ImageIndex index = ImageJson.standard().readIndex(bytes);
                for (Descriptor child : index.manifests()) {
                    if (done.add(child.digest())) {
                        pushDocument(source, child, target, false, done, depth + 1);
                    }
                }
            } else {
                ImageManifest m = ImageJson.standard().readManifest(bytes);
                List<Descriptor> blobs = new ArrayList<>();
                blobs.add(m.config());
                blobs.addAll(m.layers());
                List<Parallel.Task> tasks = new ArrayList<>();
                Set<Digest> seen = new HashSet<>();
                for (Descriptor b : blobs) {
                    if (!seen.add(b.digest())) {
                        continue;
                    }
                    tasks.add(() -> {
                        String from = source.mountFrom(target);
                        if (from != null && !from.equals(target.repository())) {
                            client.mountBlob(target, b, from, source.blob(b));
                        } else {
                            client.pushBlob(target, b, source.blob(b));
                        }
                    });
                }
                Parallel.run(tasks, client.maxConcurrentDownloads);
            }
        } catch (ImageFormatException e) {
            throw new IOException(target + ": " + d.digest() + " is no manifest or index: " + e.getMessage(), e);
        }
        // Children go by digest; the top by the target's tag when it has one.
        Reference where = isTop && target.tag().isPresent() ? target.withTag(target.tag().get())
                : Reference.of(target.registry(), target.repository()).withDigest(d.digest());
        client.pushManifest(where, type, bytes);
    }
}
