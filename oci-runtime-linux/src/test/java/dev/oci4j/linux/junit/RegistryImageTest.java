package dev.oci4j.linux.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.ImagePusher;
import dev.oci4j.distribution.client.RegistryClient;
import dev.oci4j.distribution.server.RegistryServer;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.TestEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An image pushed to the class's embedded registry runs from there. */
@OciContainers
class RegistryImageTest {

    @Registry
    static RegistryServer registry;

    @Container
    OciContainer pulled = OciContainer.fromRegistry(registry.hostPort() + "/tools/busybox:1")
            .command("/bin/sh", "-c", "echo pulled and running; exec sleep 60")
            .waitingFor(WaitStrategy.forLogLine("pulled and running").withTimeout(Duration.ofSeconds(60)));

    @BeforeAll
    static void pushTheImage() throws Exception {
        TestEnvironment.requireRoot("running containers");
        TestEnvironment.requireTool(System.getProperty("oci4j.runtime", "runc"));
        ImageLayout layout = ImageLayout.open(TestImages.busybox());
        ImagePusher.of(RegistryClient.builder().build()).push(layout, layout.resolve("busybox").orElseThrow(),
                Reference.parse(registry.hostPort() + "/tools/busybox:1"));
    }

    @Test
    void theContainerRunsTheImagePulledFromTheEmbeddedRegistry(@Registry RegistryServer parameter) throws Exception {
        assertThat(parameter).isSameAs(registry);
        assertThat(pulled.logLines()).containsExactly("pulled and running");
        assertThat(pulled.exec("cat", "/etc/passwd").stdout()).contains("alice:x:1000");
        assertThat(registry.storage().toString()).isNotEmpty();
    }
}
