package dev.oci4j.linux;

import dev.oci4j.linux.spi.Availability;
import dev.oci4j.linux.spi.ContainerRuntimeProvider;
import dev.oci4j.testing.TestEnvironment;
import java.util.ServiceLoader;

/**
 * Whether a backend can run here, through the shared {@link TestEnvironment}: with
 * {@code -Doci4j.requireTools=true} (CI) an unusable backend fails the test instead of skipping it.
 */
final class RuntimeTools {

    private RuntimeTools() {
    }

    static void require(String backend, RuntimeOptions options) {
        TestEnvironment.requireRoot("running containers with " + backend);
        TestEnvironment.requireTool(backend);
        // The backend's exit-status shim runs under perl (perl-base, Essential) and crun's hybrid-cgroup
        // wrapper under unshare (util-linux, Essential).
        TestEnvironment.requireTool("perl");
        TestEnvironment.requireFile(BusyboxImage.BUSYBOX, TestEnvironment.BUSYBOX_STATIC);
        ContainerRuntimeProvider provider = ServiceLoader.load(ContainerRuntimeProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(backend)).findFirst().orElseThrow();
        Availability a = provider.probe(options);
        TestEnvironment.require(a.isAvailable(), backend + " cannot run containers here: " + a.reason());
    }
}
