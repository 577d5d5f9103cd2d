package dev.oci4j.image.layout;

import dev.oci4j.image.Annotations;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * index.json: read without the lock (it is only ever replaced by rename, so readers see one whole
 * version), changed read-modify-write under the layout lock so concurrent writers, in this JVM or
 * another, each see the previous writer's result.
 */
final class IndexStore {

    private final Path root;
    private final LayoutLock lock;

    IndexStore(Path root, LayoutLock lock) {
        this.root = root;
        this.lock = lock;
    }

    ImageIndex read() throws IOException {
        return Documents.index(LayoutFiles.readIndex(root), LayoutFiles.INDEX_JSON).value();
    }

    /** Applies {@code change} to the current index under the lock and writes the result if it differs. */
    ImageIndex update(UnaryOperator<ImageIndex> change) throws IOException {
        return lock.locked(() -> {
            ImageIndex before = read();
            ImageIndex after = Objects.requireNonNull(change.apply(before), "the index change returned null");
            if (!after.equals(before)) {
                BlobStore.writeAtomically(root.resolve(LayoutFiles.INDEX_JSON), Documents.bytes(after));
            }
            return after;
        });
    }

    static Optional<String> refName(Descriptor d) {
        return Optional.ofNullable(d.annotations().get(Annotations.REF_NAME));
    }

    /**
     * Puts {@code tagged} where the first entry with the same ref name was (or at the end), dropping
     * other entries with that name; entries with other names survive even when they share its digest.
     */
    static ImageIndex withTag(ImageIndex index, String name, Descriptor tagged) {
        List<Descriptor> out = new ArrayList<>(index.manifests().size() + 1);
        boolean placed = false;
        for (Descriptor d : index.manifests()) {
            if (refName(d).filter(name::equals).isPresent()) {
                if (!placed) {
                    out.add(tagged);
                    placed = true;
                }
            } else {
                out.add(d);
            }
        }
        if (!placed) {
            out.add(tagged);
        }
        return index.toBuilder().manifests(out).build();
    }

    static ImageIndex withoutTag(ImageIndex index, String name) {
        return index.toBuilder().manifests(index.manifests().stream()
                .filter(d -> refName(d).filter(name::equals).isEmpty())
                .toList()).build();
    }

    static ImageIndex withoutDigest(ImageIndex index, Digest digest) {
        return index.toBuilder().manifests(index.manifests().stream()
                .filter(d -> !d.digest().equals(digest))
                .toList()).build();
    }
}
