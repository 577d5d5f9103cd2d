package dev.oci4j.distribution.server;

import java.nio.file.Path;

/** A registry on disk storage in its own JVM (so a test can bound its heap): prints the port, serves until stdin closes. */
public final class ServeForTest {

    private ServeForTest() {
    }

    public static void main(String[] args) throws Exception {
        try (RegistryServer server = RegistryServer.builder().storage(RegistryStorage.onDisk(Path.of(args[0]))).start()) {
            System.out.println(server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our stdin
            }
        }
    }
}
