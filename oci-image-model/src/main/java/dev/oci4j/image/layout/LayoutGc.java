package dev.oci4j.image.layout;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mark and sweep over a layout, run under the layout lock: marks everything reachable from index.json
 * (nested indexes, manifests, configs, layers, subjects), then deletes the other blobs. Deleting is
 * irreversible, so an index or manifest that cannot be read stops the sweep before anything goes.
 */
final class LayoutGc {

    private final ImageLayout layout;
    private final BlobStore store;

    LayoutGc(ImageLayout layout, BlobStore store) {
        this.layout = layout;
        this.store = store;
    }

    GcResult run(Duration gracePeriod) throws IOException {
        Set<Digest> reachable = mark();
        Instant cutoff = Instant.now().minus(gracePeriod);
        List<Digest> removed = new ArrayList<>();
        long freed = 0;
        for (Digest digest : store.list()) {
            if (reachable.contains(digest)) {
                continue;
            }
            Path file = store.path(digest);
            try {
                if (!gracePeriod.isZero() && Files.getLastModifiedTime(file).toInstant().isAfter(cutoff)) {
                    continue;
                }
                long size = Files.size(file);
                Files.delete(file);
                removed.add(digest);
                freed += size;
            } catch (NoSuchFileException e) {
                // Deleted by someone else meanwhile: the goal is reached.
            }
        }
        int temps = 0;
        for (BlobStore.RemovedTemp temp : store.removeStaleTemps()) {
            temps++;
            freed += temp.size();
        }
        // index.json's temp, left by a writer that died between write and rename; we hold the lock.
        Path indexTemp = BlobStore.atomicTempOf(layout.root().resolve(LayoutFiles.INDEX_JSON));
        if (Files.exists(indexTemp)) {
            freed += Files.size(indexTemp);
            Files.deleteIfExists(indexTemp);
            temps++;
        }
        removed.sort(null);
        return new GcResult(removed, freed, temps);
    }

    private Set<Digest> mark() throws IOException {
        Set<Digest> reachable = new HashSet<>();
        Deque<Descriptor> todo = new ArrayDeque<>();
        ImageIndex root = layout.index();
        todo.addAll(root.manifests());
        root.subject().ifPresent(todo::add);
        while (!todo.isEmpty()) {
            Descriptor d = todo.pop();
            if (!reachable.add(d.digest())) {
                continue;
            }
            MediaType type = d.mediaType().orElse(null);
            if (type == null || !(type.isIndex() || type.isManifest())) {
                continue;
            }
            if (!layout.hasBlob(d.digest())) {
                if (!d.urls().isEmpty()) {
                    continue;
                }
                throw new IOException("gc stopped before deleting anything: " + type + " " + d.digest()
                        + " is reachable from index.json but missing, so the blobs it references are unknown");
            }
            try {
                if (type.isIndex()) {
                    ImageIndex index = layout.parseIndex(d).value();
                    todo.addAll(index.manifests());
                    index.subject().ifPresent(todo::add);
                } else {
                    ImageManifest manifest = layout.parseManifest(d).value();
                    todo.add(manifest.config());
                    todo.addAll(manifest.layers());
                    manifest.subject().ifPresent(todo::add);
                }
            } catch (ImageFormatException | IOException e) {
                throw new IOException("gc stopped before deleting anything: " + type + " " + d.digest()
                        + " cannot be read (" + e.getMessage() + "), so the blobs it references are unknown", e);
            }
        }
        return reachable;
    }
}
