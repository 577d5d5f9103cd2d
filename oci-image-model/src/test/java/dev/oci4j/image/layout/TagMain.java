package dev.oci4j.image.layout;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Digest;
import java.nio.file.Path;

/** Run in a separate JVM by {@link ConcurrentTaggingTest}: tags COUNT refs PREFIX-i to one manifest. */
public final class TagMain {

    private TagMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        Descriptor manifest = Descriptor.of(MediaType.OCI_MANIFEST, Digest.parse(args[3]), Long.parseLong(args[4]));
        ImageLayout layout = ImageLayout.open(dir);
        for (int i = 0; i < count; i++) {
            layout.tag(prefix + "-" + i, manifest);
        }
    }
}
