package dev.oci4j.distribution.client;

import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Pulls an image from a registry into an image layout: one platform of an index, or all of them.
 * Blobs are fetched in parallel (bounded by the client) and verified before they appear; documents
 * are stored byte for byte, so a Docker v2 schema 2 manifest stays Docker-typed with its digest; the
 * name is written last, after everything it points to is stored.
 *
 * <pre>{@code
 * PullResult r = ImagePuller.of(client).pull(Reference.parse("localhost:5000/app:1"), layout, "1");
 * }</pre>
 */
public final class ImagePuller {

    private static final int MAX_DEPTH = 8;

    private final RegistryClient client;
    private final Platform platform;
    private final boolean allPlatforms;

    private ImagePuller(RegistryClient client, Platform platform, boolean allPlatforms) {
        this.client = client;
        this.platform = platform;
        this.allPlatforms = allPlatforms;
    }

    /**
     * A puller that picks the host's platform from an index.
     *
     * @param client the client
     * @return the puller
     */
    public static ImagePuller of(RegistryClient client) {
        return new ImagePuller(Objects.requireNonNull(client, "client"), Platform.host(), false);
    }

    /**
     * This puller choosing {@code platform} from an index.
     *
     * @param platform the platform wanted
     * @return a new puller
     */
    public ImagePuller platform(Platform platform) {
        return new ImagePuller(client, Objects.requireNonNull(platform, "platform"), false);
    }

    /**
     * This puller copying every platform of an index, and the index itself.
     *
     * @param all true for every platform
     * @return a new puller
     */
    public ImagePuller allPlatforms(boolean all) {
        return new ImagePuller(client, platform, all);
    }

    /**
     * Pulls {@code reference} into {@code layout} and names it {@code refName} in index.json.
     *
     * @param reference the image
     * @param layout    the layout
     * @param refName   the name in index.json ({@code org.opencontainers.image.ref.name})
     * @return what was stored and named
     * @throws RegistryException when the registry refuses
     * @throws IOException when content does not match its digest, or on I/O errors; nothing is named then
     */
    public PullResult pull(Reference reference, ImageLayout layout, String refName) throws IOException {
        Objects.requireNonNull(refName, "refName");
        dev.oci4j.image.layout.RefName.check(refName);
        FetchedManifest top = client.fetchManifest(reference);
        Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
        List<FetchedManifest> documents = new ArrayList<>();
        Descriptor named;
        if (top.isIndex() && !allPlatforms) {
            ImageIndex index = readIndex(reference, top);
            Descriptor chosen = index.firstMatching(platform).orElseThrow(() -> new IOException(reference
                    + ": no manifest for platform " + describe(platform) + "; the index has "
                    + index.manifests().stream().map(d -> d.platform().map(ImagePuller::describe).orElse("?"))
                            .collect(Collectors.joining(", "))));
            FetchedManifest child = client.fetchManifest(reference.withDigest(chosen.digest()));
            collect(reference, child, blobs, documents, 1);
            named = chosen.toBuilder().annotations(Map.of()).build();
        } else {
            collect(reference, top, blobs, documents, 0);
            named = top.descriptor();
        }
        List<Parallel.Task> tasks = new ArrayList<>();
        for (Descriptor d : blobs.values()) {
            tasks.add(() -> client.fetchBlob(reference, d, layout));
        }
        Parallel.run(tasks, client.maxConcurrentDownloads);
        for (FetchedManifest m : documents) {
            layout.writeJson(m.mediaType(), m.bytes());
        }
        layout.tag(refName, named);
        return new PullResult(reference, named, documents.stream().map(FetchedManifest::digest).toList());
    }

    /** Adds a document's blobs and children, children before parents so parents are stored last. */
    private void collect(Reference ref, FetchedManifest m, Map<Digest, Descriptor> blobs, List<FetchedManifest> docs,
            int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException(ref + ": indexes nest deeper than " + MAX_DEPTH + " levels");
        }
        if (m.isIndex()) {
            for (Descriptor child : readIndex(ref, m).manifests()) {
                collect(ref, client.fetchManifest(ref.withDigest(child.digest())), blobs, docs, depth + 1);
            }
        } else {
            ImageManifest manifest;
            try {
                manifest = ImageJson.standard().readManifest(m.bytes());
            } catch (ImageFormatException e) {
                throw new IOException(ref + "@" + m.digest() + ": not a manifest: " + e.getMessage(), e);
            }
            blobs.putIfAbsent(manifest.config().digest(), manifest.config());
            for (Descriptor layer : manifest.layers()) {
                blobs.putIfAbsent(layer.digest(), layer);
            }
        }
        docs.add(m);
    }

    private static ImageIndex readIndex(Reference ref, FetchedManifest m) throws IOException {
        try {
            return ImageJson.standard().readIndex(m.bytes());
        } catch (ImageFormatException e) {
            throw new IOException(ref + "@" + m.digest() + ": not an index: " + e.getMessage(), e);
        }
    }

    static String describe(Platform p) {
        return p.os() + "/" + p.architecture() + p.variant().map(v -> "/" + v).orElse("");
    }
}
