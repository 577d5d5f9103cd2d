package dev.oci4j.image.layout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Run in a separate JVM by {@link CrashTest}: starts a blob, says "ready", then waits to be killed. */
public final class WriterMain {

    private WriterMain() {
    }

    public static void main(String[] args) throws Exception {
        ImageLayout layout = ImageLayout.open(Path.of(args[0]));
        BlobWriter writer = layout.newBlobWriter();
        writer.write("the first half of a layer".getBytes(StandardCharsets.UTF_8));
        writer.flush();
        System.out.println("ready");
        System.out.flush();
        System.in.read();
        writer.commit();
    }
}
