package dev.oci4j.image.builder;

import dev.oci4j.image.Annotations;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.Parsed;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.image.layout.RefName;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image a build starts from, resolved for the build's platform: {@code refName} names it in the
 * layout's index.json, or {@code entry} (a manifest or index descriptor) points at it directly.
 */
record BaseImage(ImageLayout layout, String refName, Descriptor entry) {

    /** The base's manifest and configuration, read and verified. */
    record Resolved(ImageLayout layout, Descriptor manifest, ImageManifest parsedManifest, ImageConfiguration config) {

        /**
         * The base's layer descriptors, each blob stored in {@code target} too. Within one layout the
         * blobs are already there; across layouts a blob the target already holds (same digest and
         * size) is not read again, and the others are copied byte for byte, verified on the way.
         */
        List<Descriptor> copyLayersInto(ImageLayout target) throws IOException {
            boolean same = Files.isSameFile(layout.root(), target.root());
            List<Descriptor> layers = new ArrayList<>(parsedManifest.layers());
            if (!same) {
                for (Descriptor layer : layers) {
                    if (!layout.hasBlob(layer.digest()) && !layer.urls().isEmpty()) {
                        continue; // a non-distributable layer fetched from its urls; nothing to copy
                    }
                    // The source is opened on the first read only. writeBlob does not read when the
                    // target has the blob (it refreshes its mtime for gc's grace period instead): a
                    // verifying stream opened up front would read and hash the whole base layer on
                    // close for nothing.
                    try (InputStream in = new OpenOnRead(() -> layout.readBlob(layer))) {
                        target.writeBlob(in, layer.digest(), layer.size());
                    }
                }
            }
            return layers;
        }
    }

    /** An input stream that opens its source when first read, and closes it only if it was opened. */
    private static final class OpenOnRead extends InputStream {

        interface Opener {
            InputStream open() throws IOException;
        }

        private final Opener opener;
        private InputStream in;

        OpenOnRead(Opener opener) {
            this.opener = opener;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = opener.open();
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in().read(b, off, len);
        }

        @Override
        public long transferTo(OutputStream out) throws IOException {
            return in().transferTo(out);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }

    Resolved resolve(Platform wanted) throws IOException {
        Platform platform = wanted != null ? wanted : Platform.host();
        Optional<Descriptor> entry = this.entry != null ? Optional.of(this.entry) : layout.resolve(refName);
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("base image \"" + refName + "\" is not in " + layout.root()
                    + "; names there: " + names(layout));
        }
        Descriptor manifest = layout.resolveManifest(entry.get(), platform).orElseThrow(() ->
                new IllegalArgumentException("base image \"" + refName + "\" in " + layout.root()
                        + " has no manifest for platform " + platform.format()));
        Parsed<ImageManifest> parsed = layout.parseManifest(manifest);
        ImageConfiguration config = layout.parseConfig(parsed.value().config()).value();
        if (wanted != null && !wanted.matches(config.platform())) {
            throw new IllegalArgumentException("base image \"" + refName + "\" is for " + config.platform().format()
                    + ", but the build's platform is " + wanted.format());
        }
        return new Resolved(layout, manifest, parsed.value(), config);
    }

    static String names(ImageLayout layout) throws IOException {
        List<String> names = new ArrayList<>();
        for (Descriptor d : layout.index().manifests()) {
            String name = d.annotations().get(Annotations.REF_NAME);
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
