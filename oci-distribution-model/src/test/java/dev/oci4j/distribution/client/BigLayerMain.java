package dev.oci4j.distribution.client;

import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Digest;
import dev.oci4j.image.layout.ImageLayout;
import java.nio.file.Path;

/**
 * {@code push LAYOUT REF IMAGE} or {@code pull IMAGE LAYOUT REF}, in a JVM of its own so
 * {@link BigLayerTest} can cap its heap (an OutOfMemoryError exits non-zero); prints the manifest digest.
 */
public final class BigLayerMain {

    private BigLayerMain() {
    }

    public static void main(String[] args) throws Exception {
        RegistryClient client = RegistryClient.builder().build();
        Digest digest;
        if (args[0].equals("push")) {
            ImageLayout layout = ImageLayout.open(Path.of(args[1]));
            digest = ImagePusher.of(client).push(layout, layout.resolve(args[2]).orElseThrow(), Reference.parse(args[3]));
        } else {
            digest = ImagePuller.of(client).pull(Reference.parse(args[1]), ImageLayout.openOrCreate(Path.of(args[2])),
                    args[3]).named().digest();
        }
        System.out.println(digest);
    }
}
