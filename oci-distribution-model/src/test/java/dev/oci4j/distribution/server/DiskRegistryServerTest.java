package dev.oci4j.distribution.server;

import java.io.IOException;
import java.nio.file.Path;

class DiskRegistryServerTest extends RegistryServerContract {

    @Override
    RegistryStorage storage(Path dir) throws IOException {
        return RegistryStorage.onDisk(dir);
    }
}
