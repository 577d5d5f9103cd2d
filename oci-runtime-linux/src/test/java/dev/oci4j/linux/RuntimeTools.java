package dev.oci4j.linux;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oci4j.linux.spi.Availability;
import dev.oci4j.linux.spi.ContainerRuntimeProvider;
import java.util.ServiceLoader;

/**
 * Whether a backend can run here. With {@code -Doci4j.requireTools=true} (CI) an unusable backend
 * fails the test instead of skipping it. (To be replaced by the shared TestEnvironment once merged.)
 */
final class RuntimeTools {

    private RuntimeTools() {
    }

    static void require(String backend, RuntimeOptions options) {
        ContainerRuntimeProvider provider = ServiceLoader.load(ContainerRuntimeProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(backend)).findFirst().orElseThrow();
        Availability a = provider.probe(options);
        if (!a.isAvailable()) {
            String why = backend + " cannot run containers here: " + a.reason();
            if (Boolean.getBoolean("oci4j.requireTools")) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        if (!java.nio.file.Files.isExecutable(BusyboxImage.BUSYBOX)) {
            String why = "needs a static busybox at /bin/busybox (apt-get install busybox-static)";
            if (Boolean.getBoolean("oci4j.requireTools")) {
                fail(why);
            }
            assumeTrue(false, why);
        }
    }
}
